package io.custops.store;

/** A workspace cannot be opened, read or written; the message names the workspace and the problem. */
public class WorkspaceException extends Exception {

	private static final long serialVersionUID = 1L;

	public WorkspaceException(String message) {
		super(message);
	}

	public WorkspaceException(String message, Throwable cause) {
		super(message, cause);
	}
}
