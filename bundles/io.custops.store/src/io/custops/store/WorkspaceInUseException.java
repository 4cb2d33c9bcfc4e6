package io.custops.store;

import java.nio.file.Path;

/**
 * Another owner holds the workspace. The message reads
 * {@code workspace DIR in use by pid N on HOST since TIME}.
 */
public class WorkspaceInUseException extends WorkspaceException {

	private static final long serialVersionUID = 1L;

	private final transient Path directory;
	private final String owner;

	public WorkspaceInUseException(Path directory, String owner) {
		super("workspace " + directory + " in use by " + owner);
		this.directory = directory;
		this.owner = owner;
	}

	public Path directory() {
		return directory;
	}

	/** Who holds it: {@code pid N on HOST since TIME}. */
	public String owner() {
		return owner;
	}
}
