package io.custops.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading p2 metadata without p2: selection through categories and features, files, checksums. */
class P2RepositoryTest {

	@TempDir
	Path dir;

	private static List<String> ids(List<P2Repository.BundleUnit> units) {
		return units.stream().map(u -> u.id() + "_" + u.version() + (u.source() ? "(source)" : "")).sorted().toList();
	}

	@Test
	void followsTheCategoryToTheFeaturesBundlesHighestVersionFirst() throws Exception {
		P2Repository repo = P2Repository.read(TestRepositories.write(dir, true).toUri());
		assertEquals("Example plugins", repo.name());
		assertEquals(List.of("com.example.a.source_1.1.0(source)", "com.example.a_1.1.0", "com.example.lib_2.0.0"),
				ids(repo.selectBundles()), "the unlisted bundle is not offered by any category");
		assertEquals(List.of("com.example.feature.feature.group"), repo.rootFeatures().stream().map(P2Repository.Unit::id).toList());
		P2Repository.BundleUnit a = repo.selectBundles().stream().filter(u -> u.id().equals("com.example.a")).findFirst().orElseThrow();
		Path got = repo.download(a, Files.createDirectories(dir.resolve("out")));
		assertEquals("com.example.a_1.1.0.jar", got.getFileName().toString());
		assertEquals(Files.size(dir.resolve("plugins/com.example.a_1.1.0.jar")), Files.size(got));
	}

	@Test
	void refusesADownloadThatDoesNotMatchItsChecksum() throws Exception {
		P2Repository repo = P2Repository.read(TestRepositories.write(dir, false).toUri());
		P2Repository.BundleUnit a = repo.selectBundles().stream().filter(u -> u.id().equals("com.example.a")).findFirst().orElseThrow();
		IOException e = assertThrows(IOException.class, () -> repo.download(a, Files.createDirectories(dir.resolve("out"))));
		assertTrue(e.getMessage().contains("does not match the repository's checksum"), e.getMessage());
	}

	@Test
	void readsCompositeAndZippedRepositories() throws Exception {
		TestRepositories.write(Files.createDirectories(dir.resolve("site/child")), true);
		TestRepositories.writeComposite(dir.resolve("site"));
		assertTrue(P2Repository.looksLikeRepository(dir.resolve("site")));
		P2Repository composite = P2Repository.read(dir.resolve("site").toUri());
		assertEquals(3, composite.selectBundles().size());
		Path zip = TestRepositories.zip(dir.resolve("site/child"), dir.resolve("repo.zip"));
		P2Repository zipped = P2Repository.read(URI.create("jar:" + zip.toUri() + "!/"));
		P2Repository.BundleUnit lib = zipped.selectBundles().stream().filter(u -> u.id().equals("com.example.lib")).findFirst().orElseThrow();
		assertTrue(Files.isRegularFile(zipped.download(lib, Files.createDirectories(dir.resolve("out")))));
	}

	@Test
	void saysWhatIsMissing() throws Exception {
		Files.createDirectories(dir.resolve("empty"));
		IOException e = assertThrows(IOException.class, () -> P2Repository.read(dir.resolve("empty").toUri()));
		assertTrue(e.getMessage().startsWith("no p2 metadata (content.jar, content.xml.xz or content.xml) at "), e.getMessage());
	}
}
