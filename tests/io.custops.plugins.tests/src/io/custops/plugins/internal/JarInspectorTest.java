package io.custops.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.custops.plugins.PluginBundle;
import io.custops.plugins.PluginException;
import io.custops.plugins.Signature;

/** What the installer sees in a jar before it installs anything. */
class JarInspectorTest {

	@TempDir
	Path dir;

	private static PluginBundle inspect(Path jar) throws PluginException {
		return JarInspector.inspect(jar, jar.getFileName().toString());
	}

	@Test
	void readsABundlesNameVersionAndThatItIsUnsigned() throws Exception {
		Path jar = Jars.bundle(dir.resolve("a.jar"), "com.example.a;singleton:=true", "2.1.0.v1");
		PluginBundle b = inspect(jar);
		assertEquals("com.example.a", b.symbolicName());
		assertEquals("2.1.0.v1", b.version());
		assertFalse(b.fragment());
		assertEquals(Signature.Status.UNSIGNED, b.signature().status());
		assertTrue(b.signature().needsConsent());
		assertEquals("unsigned", b.signature().describe());
	}

	@Test
	void refusesWhatIsNotABundle() throws Exception {
		PluginException plain = assertThrows(PluginException.class, () -> inspect(
				Jars.jar(dir.resolve("plain.jar"), Map.of("Main-Class", "x.Y"), Map.of("x.txt", "x"))));
		assertTrue(plain.refused());
		assertTrue(plain.getMessage().contains("is not an OSGi bundle: its META-INF/MANIFEST.MF has no Bundle-SymbolicName"),
				plain.getMessage());
		PluginException none = assertThrows(PluginException.class,
				() -> inspect(Jars.jar(dir.resolve("none.jar"), null, Map.of("x.txt", "x"))));
		assertTrue(none.getMessage().contains("has no META-INF/MANIFEST.MF"), none.getMessage());
		Path text = Files.writeString(dir.resolve("text.jar"), "not a zip");
		PluginException notJar = assertThrows(PluginException.class, () -> inspect(text));
		assertTrue(notJar.getMessage().contains("is not a jar file"), notJar.getMessage());
		PluginException r3 = assertThrows(PluginException.class, () -> inspect(Jars.bundle(dir.resolve("r3.jar"), "old.style", "1.0", "Bundle-ManifestVersion", "1")));
		assertTrue(r3.getMessage().contains("Bundle-ManifestVersion 1"), r3.getMessage());
	}

	@Test
	void refusesClassesForANewerJava() throws Exception {
		byte[] header = { (byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, (byte) (44 + 99) };
		Path jar = Jars.bundle(dir.resolve("newer.jar"), "com.example.newer", "1.0.0");
		try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
			Files.createDirectories(zip.getPath("com/example"));
			Files.write(zip.getPath("com/example/New.class"), header);
			// the same class for Java 99 under META-INF/versions is fine: a multi-release jar
			Files.createDirectories(zip.getPath("META-INF/versions/99/com/example"));
			Files.write(zip.getPath("META-INF/versions/99/com/example/Old.class"), header);
		}
		PluginException e = assertThrows(PluginException.class, () -> inspect(jar));
		assertTrue(e.getMessage().contains("is compiled for Java 99 (class com/example/New.class)"), e.getMessage());
		assertTrue(e.refused());
	}

	@Test
	void showsWhoSignedAndRefusesAJarChangedAfterSigning() throws Exception {
		Path keystore = dir.resolve("keys.p12");
		Jars.jdkTool("keytool", "-genkeypair", "-keystore", keystore.toString(), "-storepass", "secret123", "-storetype",
				"PKCS12", "-alias", "team", "-keyalg", "EC", "-dname", "CN=Example Team,O=Example", "-validity", "30");
		Path jar = Jars.bundle(dir.resolve("signed.jar"), "com.example.signed", "1.0.0");
		Jars.jdkTool("jarsigner", "-keystore", keystore.toString(), "-storepass", "secret123", jar.toString(), "team");
		Signature s = inspect(jar).signature();
		assertEquals(Signature.Status.SIGNED_UNTRUSTED, s.status());
		assertEquals("CN=Example Team,O=Example", s.signer());
		assertEquals("self-signed", s.note());
		assertTrue(s.needsConsent(), "a self-signed jar needs consent like an unsigned one");
		assertEquals("signed by CN=Example Team,O=Example (not trusted: self-signed)", s.describe());

		// change a signed entry afterwards
		try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
			Files.writeString(zip.getPath("readme.txt"), "changed");
		}
		PluginException e = assertThrows(PluginException.class, () -> inspect(jar));
		assertTrue(e.getMessage().contains("signature that does not match its contents"), e.getMessage());

		// an entry added after signing is not covered: treated as unsigned, saying so
		Path partly = Jars.bundle(dir.resolve("partly.jar"), "com.example.partly", "1.0.0");
		Jars.jdkTool("jarsigner", "-keystore", keystore.toString(), "-storepass", "secret123", partly.toString(), "team");
		try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + partly.toUri()), Map.of())) {
			Files.writeString(zip.getPath("added.txt"), "added later");
		}
		Signature p = inspect(partly).signature();
		assertEquals(Signature.Status.UNSIGNED, p.status());
		assertNull(p.signer());
		assertTrue(p.note().startsWith("partly signed by CN=Example Team,O=Example: 1 entries not covered"), p.note());
	}

	@Test
	void aBundleExportingAWorkbenchPackageIsRefused() throws Exception {
		for (String header : new String[] { "io.custops.core.spi;version=\"9.0.0\"", "com.example.api,io.custops.evil",
				"com.example.a;com.example.b;version=\"[1,2)\",io.custops" }) {
			Path jar = Jars.bundle(dir.resolve("exports.jar"), "com.example.exports", "1.0.0", "Export-Package", header);
			PluginException e = org.junit.jupiter.api.Assertions.assertThrows(PluginException.class, () -> inspect(jar), header);
			org.junit.jupiter.api.Assertions.assertTrue(e.refused());
			org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("exports the package io.custops"), e.getMessage());
		}
		assertEquals(java.util.List.of("com.example.a", "com.example.b", "io.custops"),
				JarInspector.packages("com.example.a;com.example.b;version=\"[1,2)\",io.custops"));
		inspect(Jars.bundle(dir.resolve("fine.jar"), "com.example.fine", "1.0.0", "Export-Package", "com.example.custops.api"));
	}
}
