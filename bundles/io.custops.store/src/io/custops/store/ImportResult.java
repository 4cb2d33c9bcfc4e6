package io.custops.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.custops.core.data.FactKind;

/**
 * What an import did. Every row the source gave is counted once:
 * {@code read = imported + rejected + unchanged}, where {@code unchanged} counts rows the
 * workspace already held with the same values (so importing the same file twice imports
 * nothing the second time).
 *
 * @param importId    the import's id in the workspace's history
 * @param imported    rows stored as new facts or as changes to facts already held
 * @param rejected    rows kept in {@code rejectsFile} with their line number and reason
 * @param rejectsFile the rejects file, or {@code null} when no row was rejected
 * @param notes       what the connector said about the whole source (the encoding it detected, …), in plain words
 * @since 1.1 (notes)
 */
public record ImportResult(String importId, FactKind kind, long read, long imported, long rejected, long unchanged,
		Path rejectsFile, Duration took, List<String> notes) {

	public ImportResult {
		notes = List.copyOf(notes);
	}

	/** An import without notes. */
	public ImportResult(String importId, FactKind kind, long read, long imported, long rejected, long unchanged,
			Path rejectsFile, Duration took) {
		this(importId, kind, read, imported, rejected, unchanged, rejectsFile, took, List.of());
	}
}
