package io.custops.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import io.custops.plugins.PluginException;
import io.custops.plugins.PluginManager;
import io.custops.plugins.Signature;

/**
 * Issue 22's path traversal at install: a p2 unit id or a Bundle-SymbolicName with {@code ../}
 * is refused before anything is written, and uninstall never deletes outside the plugin folder.
 * Through the plugin manager of the service registry.
 */
class PluginContainmentTest {

	private static ServiceTracker<PluginManager, PluginManager> tracker;
	private static PluginManager manager;

	@TempDir
	Path dir;

	@BeforeAll
	static void open() throws Exception {
		BundleContext context = FrameworkUtil.getBundle(PluginContainmentTest.class).getBundleContext();
		for (Bundle b : context.getBundles()) {
			if (List.of("io.custops.engine", "io.custops.plugins").contains(b.getSymbolicName())) {
				b.start();
			}
		}
		tracker = new ServiceTracker<>(context, PluginManager.class, null);
		tracker.open();
		manager = tracker.waitForService(10_000);
		assertNotNull(manager);
	}

	@AfterAll
	static void close() {
		tracker.close();
	}

	/** A one-bundle p2 repository (plain content.xml and artifacts.xml) whose unit has this id and version. */
	private static Path repository(Path repo, String id, String version) throws Exception {
		Files.createDirectories(repo.resolve("plugins"));
		Jars.bundle(repo.resolve("plugins").resolve("payload.jar"), "com.example.payload", "1.0.0");
		Files.writeString(repo.resolve("content.xml"), """
				<?xml version='1.0' encoding='UTF-8'?>
				<?metadataRepository version='1.2.0'?>
				<repository name='Bad' type='org.eclipse.equinox.internal.p2.metadata.repository.LocalMetadataRepository' version='1'>
				  <units size='1'>
				    <unit id='%1$s' version='%2$s'><provides size='2'>
				      <provided namespace='osgi.bundle' name='%1$s' version='%2$s'/>
				      <provided namespace='org.eclipse.equinox.p2.eclipse.type' name='bundle' version='1.0.0'/></provides>
				      <artifacts size='1'><artifact classifier='osgi.bundle' id='%1$s' version='%2$s'/></artifacts></unit>
				  </units>
				</repository>
				""".formatted(id, version), StandardCharsets.UTF_8);
		Files.writeString(repo.resolve("artifacts.xml"), """
				<?xml version='1.0' encoding='UTF-8'?>
				<?artifactRepository version='1.1.0'?>
				<repository name='Bad' type='org.eclipse.equinox.p2.artifact.repository.simpleRepository' version='1'>
				  <mappings size='1'><rule filter='(&amp; (classifier=osgi.bundle))' output='${repoUrl}/plugins/payload.jar'/></mappings>
				  <artifacts size='1'><artifact classifier='osgi.bundle' id='%s' version='%s'/></artifacts>
				</repository>
				""".formatted(id, version), StandardCharsets.UTF_8);
		return repo;
	}

	/** Every file whose name contains {@code part}, under the plugin home's parent and the test folder. */
	private List<Path> filesNamed(String part) throws Exception {
		List<Path> found = new java.util.ArrayList<>();
		for (Path root : List.of(manager.home().getParent(), dir)) {
			try (Stream<Path> files = Files.walk(root)) {
				files.filter(f -> f.getFileName().toString().contains(part)).forEach(found::add);
			}
		}
		return found;
	}

	@Test
	void aP2UnitIdWithDotDotIsRefusedBeforeAnythingIsWritten() throws Exception {
		for (String id : List.of("../../../escaped.unit", "..", "a/../../escaped.unit", "a\\..\\escaped.unit")) {
			Path repo = repository(Files.createTempDirectory(dir, "repo"), id, "1.0.0");
			PluginException e = assertThrows(PluginException.class, () -> manager.read(repo.toString()), id);
			assertTrue(e.refused(), e.getMessage());
			assertTrue(e.getMessage().contains("no OSGi symbolic name"), e.getMessage());
			assertEquals(List.of(), filesNamed("escaped"), "nothing written for " + id);
		}
		Path badVersion = repository(Files.createTempDirectory(dir, "repo"), "com.example.ok", "1.0.0/../../../escaped");
		PluginException e = assertThrows(PluginException.class, () -> manager.read(badVersion.toString()));
		assertTrue(e.getMessage().contains("no OSGi version"), e.getMessage());
		assertEquals(List.of(), filesNamed("escaped"));
		assertStagingEmpty();
	}

	@Test
	void aBundleSymbolicNameWithDotDotIsRefused() throws Exception {
		for (String name : List.of("../../escaped.bundle", "../escaped", "ok/../../escaped")) {
			Path jar = Jars.bundle(dir.resolve("evil.jar"), name, "1.0.0");
			PluginException e = assertThrows(PluginException.class, () -> manager.read(jar.toString()), name);
			assertTrue(e.refused());
			assertTrue(e.getMessage().contains("no OSGi symbolic name"), e.getMessage());
		}
		Path jar = Jars.bundle(dir.resolve("evil.jar"), "com.example.ok", "1.0.0/../../escaped");
		assertThrows(PluginException.class, () -> manager.read(jar.toString()));
		assertEquals(List.of(), filesNamed("escaped"));
		assertStagingEmpty();
	}

	@Test
	void uninstallNeverDeletesOutsideThePluginFolder() throws Exception {
		Path victim = Files.writeString(manager.home().getParent().resolve("victim.jar"), "the user's file");
		PluginHome home = new PluginHome(manager.home());
		PluginState state = home.load();
		state.plugins().put("com.example.tampered", new PluginState.Entry("com.example.tampered", "1.0.0", "hand-edited",
				Instant.now(), List.of(new PluginState.BundleRecord("../../victim.jar", "com.example.tampered", "1.0.0", false,
						Signature.unsigned(null)))));
		home.save(state);
		manager.uninstall("com.example.tampered");
		assertTrue(Files.exists(victim), "a record naming ../../victim.jar does not delete it");
		assertFalse(manager.find("com.example.tampered").isPresent());
		Files.delete(victim);
	}

	private void assertStagingEmpty() throws Exception {
		Path staging = manager.home().resolve("staging");
		if (Files.isDirectory(staging)) {
			try (Stream<Path> files = Files.list(staging)) {
				assertEquals(List.of(), files.toList(), "the staging folder is emptied after a refusal");
			}
		}
	}
}
