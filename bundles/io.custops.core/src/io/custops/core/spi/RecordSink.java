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
