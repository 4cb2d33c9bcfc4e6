package io.custops.plugins.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.custops.plugins.PluginBundle;
import io.custops.plugins.PluginCandidate;

/** A checked plugin whose jars wait in a staging folder of their own. */
final class StagedCandidate implements PluginCandidate {

	private final String id;
	private final String version;
	private final String source;
	private final List<PluginBundle> bundles;
	private final List<String> skipped;
	private final Path staging;

	StagedCandidate(String id, String version, String source, List<PluginBundle> bundles, List<String> skipped,
			Path staging) {
		this.id = id;
		this.version = version;
		this.source = source;
		this.bundles = List.copyOf(bundles);
		this.skipped = List.copyOf(skipped);
		this.staging = staging;
	}

	@Override
	public String id() {
		return id;
	}

	@Override
	public String version() {
		return version;
	}

	@Override
	public String source() {
		return source;
	}

	@Override
	public List<PluginBundle> bundles() {
		return bundles;
	}

	@Override
	public List<String> skipped() {
		return skipped;
	}

	@Override
	public void close() {
		deleteTree(staging);
	}

	static void deleteTree(Path dir) {
		if (dir == null || !Files.exists(dir)) {
			return;
		}
		try (Stream<Path> files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).forEach(FrameworkPlugins::deleteQuietly);
		} catch (IOException e) {
			System.err.println("custops: cannot clean " + dir + ": " + e.getMessage());
		}
	}
}
