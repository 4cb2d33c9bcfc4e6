package io.custops.store;

import java.util.List;
import java.util.Optional;

/** The sources registered in a workspace ({@link Workspace#sources()}). */
public interface SourceStore {

	/** Every source, by id. */
	List<SourceRecord> list() throws WorkspaceException;

	Optional<SourceRecord> get(String id) throws WorkspaceException;

	/**
	 * Registers a source.
	 *
	 * @throws IllegalArgumentException when a source of that id is already registered
	 */
	void add(SourceRecord source) throws WorkspaceException;

	/** Forgets a source; returns false when there was none of that id. */
	boolean remove(String id) throws WorkspaceException;
}
