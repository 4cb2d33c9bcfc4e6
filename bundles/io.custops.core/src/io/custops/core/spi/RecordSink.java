package io.custops.core.spi;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Receives the rows a {@link DataConnector} reads. Line numbers are those of the source
 * (1-based, the header counts), so that a rejected row can be found in the file.
 */
@ProviderType
public interface RecordSink {

	/**
	 * A row mapped to canonical field names (see {@link io.custops.core.data.FactKind}), values
	 * as text; the workspace parses and checks them.
	 *
	 * @param raw the row as it stood in the source, kept with the row if it is rejected
	 */
	void accept(long line, Map<String, String> fields, String raw);

	/**
	 * A row as {@link #accept(long, Map, String)}, with the source's own text of the fields the
	 * connector converted (a date it rewrote as ISO, a status word it recoded), so that a rejected
	 * row's reason quotes what the user's file says.
	 *
	 * @param sourceValues per canonical field, the value as the source wrote it; fields left out
	 *                     went on unchanged
	 * @since 1.4
	 */
	default void accept(long line, Map<String, String> fields, Map<String, String> sourceValues, String raw) {
		accept(line, fields, raw);
	}

	/**
	 * The source's own name of each canonical field it maps (a csv {@code map.amount=实付}, a
	 * Taobao header), told once before the rows, so that reasons name the user's column.
	 *
	 * @param columnOfField per canonical field, the source's column name
	 * @since 1.4
	 */
	default void sourceColumns(Map<String, String> columnOfField) {
		// sinks that make no reasons ignore it
	}

	/** A row the connector itself cannot map; it is kept in the rejects file with the reason. */
	void reject(long line, String field, String reason, String raw);

	/**
	 * Something about the whole source the user should know, in plain words: an encoding the
	 * connector detected, a time zone it assumed. Kept with the import's result and shown with
	 * its counts; it rejects nothing.
	 *
	 * @since 1.3
	 */
	default void note(String message) {
		// sinks that show nothing ignore it
	}
}
