package io.custops.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import io.custops.plugins.InstallResult;
import io.custops.plugins.InstalledPlugin;
import io.custops.plugins.PluginCandidate;
import io.custops.plugins.PluginException;
import io.custops.plugins.PluginManager;

/**
 * The plugin manager found through the service registry, installing into the test's own
 * framework, with a plugin home under target/ (the system property custops.home).
 */
class PluginManagerTest {

	private static BundleContext context;
	private static ServiceTracker<PluginManager, PluginManager> tracker;
	private static PluginManager manager;

	@TempDir
	Path dir;

	@BeforeAll
	static void open() throws Exception {
		context = FrameworkUtil.getBundle(PluginManagerTest.class).getBundleContext();
		for (Bundle b : context.getBundles()) {
			if (List.of("io.custops.engine", "io.custops.plugins").contains(b.getSymbolicName())) {
				b.start();
			}
		}
		tracker = new ServiceTracker<>(context, PluginManager.class, null);
		tracker.open();
		manager = tracker.waitForService(10_000);
		assertNotNull(manager, "the plugin manager is registered");
	}

	@AfterAll
	static void close() {
		tracker.close();
	}

	@AfterEach
	void uninstallAll() throws Exception {
		for (InstalledPlugin p : manager.installed()) {
			manager.uninstall(p.id());
		}
		// a test that edits the record behind the manager's back leaves its file: clean up
		if (Files.isDirectory(manager.home().resolve("bundles"))) {
			try (Stream<Path> files = Files.list(manager.home().resolve("bundles"))) {
				for (Path f : files.toList()) {
					Files.delete(f);
				}
			}
		}
	}

	private static Bundle bundle(String name) {
		return Arrays.stream(context.getBundles()).filter(b -> name.equals(b.getSymbolicName())).findFirst().orElse(null);
	}

	private static long filesIn(Path dir) throws Exception {
		if (!Files.isDirectory(dir)) {
			return 0;
		}
		try (Stream<Path> files = Files.list(dir)) {
			return files.count();
		}
	}

	private static InstallResult install(Path source) throws PluginException {
		PluginCandidate candidate = manager.read(source.toString());
		return manager.install(candidate);
	}

	@Test
	void installsListsAndUninstallsABundleJar() throws Exception {
		assertTrue(manager.home().startsWith(Path.of(System.getProperty("custops.home")).toAbsolutePath()), manager.home().toString());
		Path jar = Jars.bundle(dir.resolve("x.jar"), "com.example.plain", "1.0.0", "Export-Package", "com.example.plain.api");
		InstallResult result = install(jar);
		assertEquals("com.example.plain", result.plugin().id());
		assertNull(result.replaced());
		Bundle b = bundle("com.example.plain");
		assertNotNull(b, "installed into the running framework");
		assertTrue(b.getLocation().startsWith("reference:" + manager.home().resolve("bundles").toUri()), b.getLocation());
		assertEquals(Bundle.ACTIVE, b.getState());
		assertEquals(List.of("com.example.plain"), manager.installed().stream().map(InstalledPlugin::id).toList());
		assertEquals(1, filesIn(manager.home().resolve("bundles")));
		assertTrue(Files.exists(jar), "the user's jar is copied, not moved");

		InstalledPlugin removed = manager.uninstall("com.example.plain");
		assertEquals("1.0.0", removed.version());
		assertNull(bundle("com.example.plain"), "gone from the framework");
		assertEquals(0, filesIn(manager.home().resolve("bundles")), "its file is deleted");
		assertTrue(manager.installed().isEmpty());
		PluginException again = assertThrows(PluginException.class, () -> manager.uninstall("com.example.plain"));
		assertTrue(again.refused());
		assertEquals("no plugin 'com.example.plain' is installed", again.getMessage());
	}

	@Test
	void refusesABundleThatDoesNotResolveAndLeavesEverythingAsItWas() throws Exception {
		install(Jars.bundle(dir.resolve("keep.jar"), "com.example.keep", "1.0.0"));
		String recordBefore = Files.readString(manager.home().resolve("plugins.properties"));
		Path bad = Jars.bundle(dir.resolve("bad.jar"), "com.example.missing", "1.0.0", "Import-Package", "org.nowhere.pkg");
		PluginException e = assertThrows(PluginException.class, () -> install(bad));
		assertTrue(e.refused());
		assertEquals("the plugin cannot run in this workbench: bundle com.example.missing 1.0.0: it needs the Java package "
				+ "org.nowhere.pkg, which neither the workbench nor an installed plugin provides", e.getMessage());
		assertTrue(e.detail().contains("org.nowhere.pkg"), e.detail());
		assertNull(bundle("com.example.missing"));
		assertEquals(1, filesIn(manager.home().resolve("bundles")));
		assertEquals(recordBefore, Files.readString(manager.home().resolve("plugins.properties")));
		assertEquals(0, filesIn(manager.home().resolve("staging")), "the staging folder is cleaned");
		assertNotNull(bundle("com.example.keep"));
	}

	@Test
	void replacesAPluginOfTheSameIdAndRestoresItWhenTheNewOneFails() throws Exception {
		install(Jars.bundle(dir.resolve("v1.jar"), "com.example.versioned", "1.0.0"));
		InstallResult second = install(Jars.bundle(dir.resolve("v2.jar"), "com.example.versioned", "2.0.0"));
		assertEquals("1.0.0", second.replaced());
		assertEquals("2.0.0", bundle("com.example.versioned").getVersion().toString());
		assertEquals(1, filesIn(manager.home().resolve("bundles")), "the old file is deleted");

		Path broken = Jars.bundle(dir.resolve("v3.jar"), "com.example.versioned", "3.0.0", "Require-Bundle", "com.example.absent");
		PluginException e = assertThrows(PluginException.class, () -> install(broken));
		assertTrue(e.getMessage().contains("it needs the bundle com.example.absent, which is not installed"), e.getMessage());
		assertEquals("2.0.0", bundle("com.example.versioned").getVersion().toString(), "version 2 is back");
		assertEquals("2.0.0", manager.find("com.example.versioned").orElseThrow().version());
	}

	@Test
	void installsTheBundlesAP2RepositoryOffers() throws Exception {
		Path repo = TestRepositories.write(Files.createDirectories(dir.resolve("repo")), true);
		PluginCandidate candidate = manager.read(repo.toString());
		assertEquals("com.example.feature", candidate.id(), "named after the repository's one feature");
		assertEquals(List.of("com.example.a", "com.example.lib"), candidate.bundles().stream().map(b -> b.symbolicName()).sorted().toList());
		assertEquals(List.of("com.example.a.source 1.1.0: a source bundle"), candidate.skipped());
		assertTrue(candidate.needsConsent());
		manager.install(candidate);
		assertEquals("1.1.0", bundle("com.example.a").getVersion().toString());
		assertNotNull(bundle("com.example.lib"));
		// uninstall by the name of one of its bundles
		assertEquals("com.example.feature", manager.uninstall("com.example.lib").id());
		assertNull(bundle("com.example.a"));
	}

	@Test
	void refusesBundlesOfTheWorkbenchAndFoldersThatAreNoRepository() throws Exception {
		PluginException own = assertThrows(PluginException.class,
				() -> manager.read(Jars.bundle(dir.resolve("core.jar"), "io.custops.core", "9.0.0").toString()));
		assertTrue(own.getMessage().startsWith("bundle io.custops.core is part of the workbench itself"), own.getMessage());
		Files.createDirectories(dir.resolve("folder"));
		PluginException folder = assertThrows(PluginException.class, () -> manager.read(dir.resolve("folder").toString()));
		assertTrue(folder.getMessage().endsWith("is a folder but not a p2 repository (it has no content.jar, content.xml.xz, content.xml or compositeContent.*)"),
				folder.getMessage());
		PluginException missing = assertThrows(PluginException.class, () -> manager.read(dir.resolve("nothing.jar").toString()));
		assertTrue(missing.getMessage().endsWith("nothing.jar does not exist"), missing.getMessage());
	}

	@Test
	void syncInstallsRecordedPluginsAndRemovesUnrecordedOnes() throws Exception {
		install(Jars.bundle(dir.resolve("s.jar"), "com.example.synced", "1.0.0"));
		Bundle b = bundle("com.example.synced");
		b.uninstall(); // as after a fresh framework state
		PluginHome home = new PluginHome(manager.home());
		FrameworkPlugins framework = new FrameworkPlugins(context, home);
		assertTrue(framework.sync(home.load(), true));
		assertNotNull(bundle("com.example.synced"), "installed again from the record");
		assertFalse(framework.sync(home.load(), true), "nothing more to do");

		// another process uninstalled it: the record no longer has it
		PluginState state = home.load();
		state.plugins().clear();
		home.save(state);
		assertTrue(framework.sync(home.load(), true));
		assertNull(bundle("com.example.synced"));
	}
}
