package io.custops.plugins.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import io.custops.plugins.Signature;

/**
 * The record of installed plugins, kept as a properties file that people can read:
 *
 * <pre>
 * plugin.1.id=io.custops.example.repurchase
 * plugin.1.version=1.0.0.v20261123-1500
 * plugin.1.source=/home/ana/repurchase-plugin/repository
 * plugin.1.installed=2026-11-23T15:00:00Z
 * plugin.1.bundle.1.file=io.custops.example.repurchase_1.0.0.v20261123-1500_3f2a9c1d.jar
 * plugin.1.bundle.1.name=io.custops.example.repurchase
 * plugin.1.bundle.1.version=1.0.0.v20261123-1500
 * plugin.1.bundle.1.fragment=false
 * plugin.1.bundle.1.signature=unsigned
 * disabled.io.custops.example.repurchase/io.custops.example.repurchase.Broken=classify threw …
 * </pre>
 *
 * Written to a temporary file and moved into place, so a reader never sees half of it.
 */
final class PluginState {

	record BundleRecord(String file, String symbolicName, String version, boolean fragment, Signature signature) {
	}

	record Entry(String id, String version, String source, Instant installed, List<BundleRecord> bundles) {
		Entry {
			bundles = List.copyOf(bundles);
		}
	}

	private final Map<String, Entry> plugins = new LinkedHashMap<>();
	/** {@code bundle/component} of a DS component disabled after it failed → why. */
	private final Map<String, String> disabled = new TreeMap<>();

	static PluginState load(Path file) throws IOException {
		PluginState state = new PluginState();
		if (!Files.isRegularFile(file)) {
			return state;
		}
		Properties p = new Properties();
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			p.load(in);
		}
		for (int i = 1; p.getProperty("plugin." + i + ".id") != null; i++) {
			String k = "plugin." + i + ".";
			List<BundleRecord> bundles = new ArrayList<>();
			for (int j = 1; p.getProperty(k + "bundle." + j + ".file") != null; j++) {
				String b = k + "bundle." + j + ".";
				Signature.Status status = Signature.Status.UNSIGNED;
				for (Signature.Status s : Signature.Status.values()) {
					if (s.id().equals(p.getProperty(b + "signature"))) {
						status = s;
					}
				}
				bundles.add(new BundleRecord(p.getProperty(b + "file"), p.getProperty(b + "name"),
						p.getProperty(b + "version", "0.0.0"), Boolean.parseBoolean(p.getProperty(b + "fragment")),
						new Signature(status, p.getProperty(b + "signer"), p.getProperty(b + "signature.note"))));
			}
			String installed = p.getProperty(k + "installed");
			Entry entry = new Entry(p.getProperty(k + "id"), p.getProperty(k + "version", "0.0.0"),
					p.getProperty(k + "source", ""), installed == null ? Instant.EPOCH : Instant.parse(installed), bundles);
			state.plugins.put(entry.id(), entry);
		}
		for (String key : p.stringPropertyNames()) {
			if (key.startsWith("disabled.")) {
				state.disabled.put(key.substring("disabled.".length()), p.getProperty(key));
			}
		}
		return state;
	}

	void save(Path file) throws IOException {
		Properties p = new Properties(); // written in key order (JDK 18+)
		int i = 0;
		for (Entry e : plugins.values()) {
			String k = "plugin." + (++i) + ".";
			p.put(k + "id", e.id());
			p.put(k + "version", e.version());
			p.put(k + "source", e.source());
			p.put(k + "installed", e.installed().toString());
			int j = 0;
			for (BundleRecord b : e.bundles()) {
				String bk = k + "bundle." + (++j) + ".";
				p.put(bk + "file", b.file());
				p.put(bk + "name", b.symbolicName());
				p.put(bk + "version", b.version());
				p.put(bk + "fragment", Boolean.toString(b.fragment()));
				p.put(bk + "signature", b.signature().status().id());
				if (b.signature().signer() != null) {
					p.put(bk + "signer", b.signature().signer());
				}
				if (b.signature().note() != null) {
					p.put(bk + "signature.note", b.signature().note());
				}
			}
		}
		disabled.forEach((k, v) -> p.put("disabled." + k, v));
		Path tmp = Files.createTempFile(file.getParent(), "plugins", ".tmp");
		try {
			try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
				p.store(out, "CustOps installed plugins (written by the workbench; ./custops plugins list shows them)");
			}
			Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		} finally {
			Files.deleteIfExists(tmp);
		}
	}

	Map<String, Entry> plugins() {
		return plugins;
	}

	Map<String, String> disabled() {
		return disabled;
	}

	/** The plugin that owns a bundle, by symbolic name. */
	Entry ownerOf(String symbolicName) {
		for (Entry e : plugins.values()) {
			for (BundleRecord b : e.bundles()) {
				if (b.symbolicName().equals(symbolicName)) {
					return e;
				}
			}
		}
		return null;
	}

	/** Forgets the disabled components of a bundle (on uninstall or reinstall). */
	void forgetDisabled(String symbolicName) {
		disabled.keySet().removeIf(k -> k.startsWith(symbolicName + "/"));
	}
}
