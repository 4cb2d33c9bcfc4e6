package io.custops.store.internal;

import java.nio.file.Path;

import org.osgi.service.component.annotations.Component;

import io.custops.store.Workspace;
import io.custops.store.WorkspaceException;
import io.custops.store.WorkspaceManager;

/** Opens HSQLDB-backed workspaces (see {@link HsqlWorkspace}). */
@Component(service = WorkspaceManager.class)
public class HsqlWorkspaceManager implements WorkspaceManager {

	@Override
	public Workspace open(Path directory) throws WorkspaceException {
		return HsqlWorkspace.open(directory);
	}
}
