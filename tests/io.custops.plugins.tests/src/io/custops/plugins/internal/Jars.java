package io.custops.plugins.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Makes small jars for the tests. */
final class Jars {

	private Jars() {
	}

	/** A jar with these main manifest headers (none: no manifest at all) and these text entries. */
	static Path jar(Path file, Map<String, String> headers, Map<String, String> entries) throws IOException {
		Files.createDirectories(file.getParent());
		try (OutputStream out = Files.newOutputStream(file);
				JarOutputStream jar = headers == null ? new JarOutputStream(out) : new JarOutputStream(out, manifest(headers))) {
			for (Map.Entry<String, String> e : entries.entrySet()) {
				jar.putNextEntry(new JarEntry(e.getKey()));
				jar.write(e.getValue().getBytes(StandardCharsets.UTF_8));
				jar.closeEntry();
			}
		}
		return file;
	}

	static Path bundle(Path file, String name, String version, String... extraHeaders) throws IOException {
		Map<String, String> headers = new java.util.LinkedHashMap<>();
		headers.put("Bundle-ManifestVersion", "2");
		headers.put("Bundle-SymbolicName", name);
		headers.put("Bundle-Version", version);
		for (int i = 0; i + 1 < extraHeaders.length; i += 2) {
			headers.put(extraHeaders[i], extraHeaders[i + 1]);
		}
		return jar(file, headers, Map.of("readme.txt", "bundle " + name + " " + version));
	}

	private static Manifest manifest(Map<String, String> headers) {
		Manifest m = new Manifest();
		m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		headers.forEach((k, v) -> m.getMainAttributes().putValue(k, v));
		return m;
	}

	/** Runs a JDK tool (keytool, jarsigner) of the running JDK; fails the test on a non-zero exit. */
	static void jdkTool(String tool, String... args) throws IOException, InterruptedException {
		Path exe = Path.of(System.getProperty("java.home"), "bin", tool);
		java.util.List<String> command = new java.util.ArrayList<>();
		command.add(exe.toString());
		command.addAll(java.util.List.of(args));
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (p.waitFor() != 0) {
			throw new IOException(tool + " failed: " + output);
		}
	}
}
