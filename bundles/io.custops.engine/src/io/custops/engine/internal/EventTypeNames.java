package io.custops.engine.internal;

import java.util.List;

import io.custops.core.data.CustomerDataset;
import io.custops.core.param.ParameterException;

/** Event type names to the dataset's type indexes; an unknown name is an error naming it. */
final class EventTypeNames {

	private EventTypeNames() {
	}

	static int index(CustomerDataset data, String key, String name) {
		int index = data.eventTypeNames().indexOf(name.trim());
		if (index < 0) {
			throw new ParameterException(key, "unknown event type '" + name + "'; known types: "
					+ String.join(", ", data.eventTypeNames()));
		}
		return index;
	}

	static int[] indexes(CustomerDataset data, String key, List<String> names) {
		int[] indexes = new int[names.size()];
		for (int i = 0; i < indexes.length; i++) {
			indexes[i] = index(data, key, names.get(i));
		}
		return indexes;
	}

	/**
	 * The index of a type the data's events contain. A standard type (view, cart, pay, …) is
	 * known to every dataset, so a funnel step or a path anchor of one the shop never recorded
	 * would count zeros that read like a result: an error naming the types present instead.
	 */
	static int present(CustomerDataset data, String key, String name) {
		int index = index(data, key, name);
		long[] counts = counts(data);
		if (counts[index] == 0) {
			throw new ParameterException(key, "the data has no '" + name.trim() + "' events; " + present(data, counts));
		}
		return index;
	}

	/** {@link #present(CustomerDataset, String, String)} for each name. */
	static int[] allPresent(CustomerDataset data, String key, List<String> names) {
		int[] indexes = indexes(data, key, names);
		long[] counts = counts(data);
		for (int i = 0; i < indexes.length; i++) {
			if (counts[indexes[i]] == 0) {
				throw new ParameterException(key, "the data has no '" + names.get(i).trim() + "' events; "
						+ present(data, counts));
			}
		}
		return indexes;
	}

	private static long[] counts(CustomerDataset data) {
		long[] counts = new long[data.eventTypeNames().size()];
		for (int type : data.eventType()) {
			counts[type]++;
		}
		return counts;
	}

	/** "types present: view (1,204), cart (310)", most events first; or that there are no events. */
	private static String present(CustomerDataset data, long[] counts) {
		List<Integer> types = new java.util.ArrayList<>();
		for (int t = 0; t < counts.length; t++) {
			if (counts[t] > 0) {
				types.add(t);
			}
		}
		if (types.isEmpty()) {
			return "the data has no events at all (import events first)";
		}
		types.sort((a, b) -> Long.compare(counts[b], counts[a]));
		List<String> parts = new java.util.ArrayList<>();
		for (int t : types) {
			parts.add(String.format(java.util.Locale.ROOT, "%s (%,d)", data.eventTypeNames().get(t), counts[t]));
		}
		return "types present: " + String.join(", ", parts);
	}
}
