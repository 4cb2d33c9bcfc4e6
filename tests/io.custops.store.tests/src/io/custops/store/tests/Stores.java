package io.custops.store.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.FactKind;
import io.custops.store.ImportResult;
import io.custops.store.Workspace;
import io.custops.store.WorkspaceManager;

/** The store as the tests reach it: the WorkspaceManager service from the OSGi registry. */
final class Stores {

	private Stores() {
	}

	static WorkspaceManager manager() throws InterruptedException {
		BundleContext context = FrameworkUtil.getBundle(Stores.class).getBundleContext();
		ServiceTracker<WorkspaceManager, WorkspaceManager> tracker = new ServiceTracker<>(context,
				WorkspaceManager.class, null);
		tracker.open();
		WorkspaceManager manager = tracker.waitForService(10_000);
		assertNotNull(manager, "the store bundle registers a WorkspaceManager through DS");
		return manager;
	}

	static ImportResult load(Workspace ws, FactKind kind, Map<String, String> params, String... lines)
			throws Exception {
		return ws.importFacts(new RowsConnector(lines), kind, Optional.empty(), params, ProgressMonitor.NULL);
	}

	static ImportResult load(Workspace ws, FactKind kind, String... lines) throws Exception {
		return load(ws, kind, Map.of(), lines);
	}

	/** The rejects file's rows after the header. */
	static List<String> rejects(ImportResult result) throws IOException {
		assertNotNull(result.rejectsFile(), "a rejects file was written");
		List<String> lines = Files.readAllLines(result.rejectsFile(), StandardCharsets.UTF_8);
		return lines.subList(1, lines.size());
	}

	static Path tempDir(String prefix) throws IOException {
		return Files.createTempDirectory("custops-" + prefix);
	}
}
