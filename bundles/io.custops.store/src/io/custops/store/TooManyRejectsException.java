package io.custops.store;

import java.nio.file.Path;

/**
 * An import rejected more rows than its {@code maxRejects} allowed: nothing of it was kept,
 * and the rejected rows are in {@link #rejectsFile()}. Bad input, not a failure of the workspace.
 */
public class TooManyRejectsException extends WorkspaceException {

	private static final long serialVersionUID = 1L;

	private final transient Path rejectsFile;
	private final long rejected;

	public TooManyRejectsException(String message, Path rejectsFile, long rejected) {
		super(message);
		this.rejectsFile = rejectsFile;
		this.rejected = rejected;
	}

	public Path rejectsFile() {
		return rejectsFile;
	}

	/** Rows rejected when the import stopped. */
	public long rejected() {
		return rejected;
	}
}
