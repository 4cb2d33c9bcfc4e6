package io.custops.store.internal;

/**
 * Thrown from the record sink to stop a connector when the import must end (too many
 * rejects, a database error). Unchecked so that it passes through any connector; the session
 * remembers the reason, so a connector that wraps it does not hide it.
 */
final class ImportAborted extends RuntimeException {

	private static final long serialVersionUID = 1L;

	ImportAborted(String message, Throwable cause) {
		super(message, cause);
	}
}
