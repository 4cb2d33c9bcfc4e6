package io.custops.cli.internal;

import java.util.Optional;

import io.custops.core.data.CustomerDataset;
import io.custops.store.MemoryForecast;
import io.custops.store.Workspace;
import io.custops.store.WorkspaceException;
import io.custops.store.WorkspaceManager;

/** Loads the facts of the invocation's workspace for an analysis, and lets the workspace go. */
final class WorkspaceData {

	private WorkspaceData() {
	}

	static CustomerDataset load(Invocation inv, CliServices services) throws Exception {
		try (Workspace workspace = services.require(WorkspaceManager.class).open(inv.workspace())) {
			return dataset(inv, workspace);
		}
	}

	/** The workspace's facts, after warning on stderr when they are forecast to outgrow the heap. */
	static CustomerDataset dataset(Invocation inv, Workspace workspace) throws WorkspaceException {
		warnMemory(inv, workspace);
		return workspace.dataset();
	}

	/**
	 * Says on stderr, before anything is loaded, when the workspace's facts are forecast to need
	 * more of the heap than it has ("this workspace needs about N GB; use a source"); the warning,
	 * for a command's {@code --json} {@code warnings}.
	 */
	static Optional<String> warnMemory(Invocation inv, Workspace workspace) throws WorkspaceException {
		Optional<String> warning = MemoryForecast.of(workspace.info()).warning();
		warning.ifPresent(w -> inv.err.println("custops: warning: " + w));
		return warning;
	}
}
