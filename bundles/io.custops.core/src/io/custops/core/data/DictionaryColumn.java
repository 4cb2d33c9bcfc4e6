package io.custops.core.data;

import java.util.List;
import java.util.Objects;

/**
 * A text column stored as codes into a dictionary, as analyses want it: grouping by channel
 * or province is a pass over {@code int}s. Code {@code -1} means no value.
 */
public record DictionaryColumn(int[] codes, List<String> dictionary) {

	public DictionaryColumn {
		Objects.requireNonNull(codes, "codes");
		dictionary = List.copyOf(dictionary);
	}

	public int size() {
		return codes.length;
	}

	/** The value at a row, or {@code null}. */
	public String value(int row) {
		int code = codes[row];
		return code < 0 ? null : dictionary.get(code);
	}

	public int code(int row) {
		return codes[row];
	}
}
