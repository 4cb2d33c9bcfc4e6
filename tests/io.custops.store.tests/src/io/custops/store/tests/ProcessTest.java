package io.custops.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import io.custops.core.data.FactKind;
import io.custops.store.Workspace;
import io.custops.store.WorkspaceInUseException;
import io.custops.store.WorkspaceInfo;
import io.custops.store.WorkspaceManager;

/** Two real processes: the lock between them, and an import killed with SIGKILL half-way. */
class ProcessTest {

	@TempDir
	Path dir;
	private Process child;

	@AfterEach
	void stopChild() throws Exception {
		if (child != null && child.isAlive()) {
			child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
	}

	/** The class path of the bundles the child needs, from where the framework installed them. */
	private static String classPath() throws Exception {
		List<String> entries = new ArrayList<>();
		for (String name : List.of("io.custops.core", "io.custops.engine", "io.custops.store", "org.hsqldb.hsqldb", "io.custops.store.tests")) {
			Bundle bundle = null;
			for (Bundle b : FrameworkUtil.getBundle(ProcessTest.class).getBundleContext().getBundles()) {
				if (name.equals(b.getSymbolicName())) {
					bundle = b;
				}
			}
			assertNotNull(bundle, name + " is installed");
			// e.g. reference:file:/…/hsqldb-2.7.4.jar, or a project directory for the bundle under test
			String location = bundle.getLocation();
			int file = location.indexOf("file:");
			assertTrue(file >= 0, "a file location: " + location);
			Path path = Path.of(java.net.URLDecoder.decode(location.substring(file + 5), StandardCharsets.UTF_8));
			if (!path.isAbsolute()) {
				// relative locations are relative to the framework's install area
				String area = System.getProperty("osgi.install.area", "");
				path = Path.of(java.net.URLDecoder.decode(area.substring(area.indexOf("file:") + 5), StandardCharsets.UTF_8))
						.resolve(path).normalize();
			}
			assertTrue(Files.exists(path), location + " → " + path);
			if (Files.isDirectory(path)) {
				for (String output : List.of("target/classes", "bin")) {
					if (Files.isDirectory(path.resolve(output))) {
						path = path.resolve(output);
						break;
					}
				}
			}
			entries.add(path.toString());
		}
		return String.join(File.pathSeparator, entries);
	}

	private BufferedReader start(String... args) throws Exception {
		return start(List.of(), args);
	}

	private BufferedReader start(List<String> jvmOptions, String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", classPath(), ChildMain.class.getName()));
		command.addAll(List.of(args));
		child = new ProcessBuilder(command).redirectError(dir.resolveSibling(dir.getFileName() + "-child.err").toFile())
				.start();
		return new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
	}

	private String childErrors() throws IOException {
		Path err = dir.resolveSibling(dir.getFileName() + "-child.err");
		return Files.exists(err) ? Files.readString(err) : "";
	}

	@Test
	void aSecondProcessIsRefusedAtOnceWithThePidOfTheOwner() throws Exception {
		Path ws = dir.resolve("ws");
		BufferedReader out = start("hold", ws.toString());
		assertEquals("opened", out.readLine(), childErrors());
		WorkspaceManager manager = Stores.manager();
		WorkspaceInUseException e = assertThrows(WorkspaceInUseException.class, () -> manager.open(ws));
		assertTrue(e.getMessage().startsWith("workspace " + ws + " in use by pid " + child.pid() + " on "),
				e.getMessage());
		child.getOutputStream().close(); // the owner closes the workspace and exits
		assertTrue(child.waitFor(60, TimeUnit.SECONDS));
		assertEquals(0, child.exitValue(), childErrors());
		try (Workspace w = manager.open(ws)) {
			assertEquals(0L, w.info().counts().get(FactKind.ORDERS));
		}
	}

	@Test
	void anImportKilledHalfWayLeavesTheWorkspaceAsItWas() throws Exception {
		Path ws = dir.resolve("ws");
		WorkspaceManager manager = Stores.manager();
		List<String> before;
		try (Workspace w = manager.open(ws)) {
			Stores.load(w, FactKind.ORDERS, "order_id,customer_id,order_time,amount,status", "k1,c1,2026-01-05,1.50,paid",
					"k2,c2,2026-01-06,2.50,paid");
			w.dataset();
			before = snapshot(w);
		}

		BufferedReader out = start("import", ws.toString(), "5000000");
		assertEquals("opened", out.readLine(), childErrors());
		long committed = 0;
		while (committed < 60_000) {
			String line = out.readLine();
			if (line == null) {
				fail("the child ended before it was killed: " + childErrors());
			}
			assertTrue(line.startsWith("committed "), line);
			committed = Long.parseLong(line.substring("committed ".length()));
		}
		child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no finally
		assertTrue(child.waitFor(60, TimeUnit.SECONDS));
		assertTrue(Files.exists(ws.resolve("import.running")), "the killed import left its marker");

		try (Workspace w = manager.open(ws)) {
			assertEquals(before, snapshot(w), committed + " committed rows of the killed import are gone");
			WorkspaceInfo.ImportRecord killed = w.info().imports().get(0);
			assertEquals("interrupted", killed.state());
			assertEquals("generator", killed.connector());
			// the workspace goes on: another import and a reopen work
			Stores.load(w, FactKind.ORDERS, "order_id,customer_id,order_time,amount,status", "k3,c3,2026-01-07,3,paid");
			assertEquals(3, w.dataset().orderCount());
		}
		try (Workspace w = manager.open(ws)) {
			assertEquals(3L, w.info().counts().get(FactKind.ORDERS));
			assertEquals(3, w.dataset().orderCount());
		}
	}

	@Test
	void aProcessDyingBetweenTheFactsAndTheDatabaseCommitLeavesTheWorkspaceAsItWas() throws Exception {
		Path ws = dir.resolve("ws");
		WorkspaceManager manager = Stores.manager();
		List<String> before;
		try (Workspace w = manager.open(ws)) {
			Stores.load(w, FactKind.ORDERS, "order_id,customer_id,order_time,amount,status", "k1,c1,2026-01-05,1.50,paid");
			before = snapshot(w);
		}
		// the workspace's crash-test hook halts the JVM right after the orders' files are committed
		BufferedReader out = start(List.of("-Dcustops.test.haltAfterFactsCommit=true"), "import", ws.toString(), "50000");
		assertEquals("opened", out.readLine(), childErrors());
		assertTrue(child.waitFor(120, TimeUnit.SECONDS));
		assertEquals(137, child.exitValue(), childErrors());
		assertTrue(Files.exists(ws.resolve("import.running")));
		try (Workspace w = manager.open(ws)) {
			assertEquals(before, snapshot(w), "the committed rows of an import the database does not know are undone");
			assertEquals("interrupted", w.info().imports().get(0).state());
			Stores.load(w, FactKind.ORDERS, "order_id,customer_id,order_time,amount,status", "g7,c3,2026-01-07,3,paid");
			assertEquals(2, w.dataset().orderCount());
		}
		try (Workspace w = manager.open(ws)) {
			assertEquals(2, w.dataset().orderCount());
		}
	}

	private static List<String> snapshot(Workspace w) throws Exception {
		WorkspaceInfo info = w.info();
		return List.of(info.counts().toString(), String.valueOf(w.dataset().orderCount()),
				String.valueOf(java.util.Arrays.stream(w.dataset().orderAmount()).sum()), info.orders().toString());
	}
}
