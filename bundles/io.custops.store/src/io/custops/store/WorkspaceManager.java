package io.custops.store;

import java.nio.file.Path;

/**
 * Opens workspaces. Registered as an OSGi service by the store bundle.
 *
 * <p>A workspace has one owner at a time: {@link #open(Path)} takes an exclusive lock on the
 * directory and a second opener (another process, or this one) fails at once with
 * {@link WorkspaceInUseException}; it never waits.
 */
public interface WorkspaceManager {

	/**
	 * Opens the workspace in a directory, creating it when absent and bringing an older
	 * workspace's layout up to date. An import that was interrupted (the process was killed) is
	 * undone here, so the workspace is as it was before that import.
	 *
	 * @throws WorkspaceInUseException when another owner holds the workspace
	 * @throws WorkspaceException      when the directory cannot be used (not writable, made by a
	 *                                 newer version of CustOps, damaged)
	 */
	Workspace open(Path directory) throws WorkspaceException;

	/** {@code CUSTOPS_HOME/workspace} ({@link io.custops.core.CustopsHome#defaultWorkspace()}): the workspace used when none is named. */
	default Path defaultDirectory() {
		return io.custops.core.CustopsHome.defaultWorkspace();
	}
}
