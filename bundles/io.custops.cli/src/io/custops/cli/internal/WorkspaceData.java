package io.custops.cli.internal;

import io.custops.core.data.CustomerDataset;
import io.custops.store.Workspace;
import io.custops.store.WorkspaceManager;

/** Loads the facts of the invocation's workspace for an analysis, and lets the workspace go. */
final class WorkspaceData {

	private WorkspaceData() {
	}

	static CustomerDataset load(Invocation inv, CliServices services) throws Exception {
		try (Workspace workspace = services.require(WorkspaceManager.class).open(inv.workspace())) {
			return workspace.dataset();
		}
	}
}
