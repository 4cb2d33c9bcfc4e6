package io.custops.plugins;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One bundle jar of a plugin: checked and staged before installation, or installed.
 *
 * @param symbolicName the bundle's symbolic name
 * @param version      its version
 * @param file         the jar (in the staging folder before installation, under {@code CUSTOPS_HOME/plugins/bundles} after)
 * @param fragment     whether it is a fragment (fragments are attached, never started)
 * @param signature    what the signature check found
 */
public record PluginBundle(String symbolicName, String version, Path file, boolean fragment, Signature signature) {

	public PluginBundle {
		Objects.requireNonNull(symbolicName, "symbolicName");
		Objects.requireNonNull(version, "version");
		Objects.requireNonNull(file, "file");
		Objects.requireNonNull(signature, "signature");
	}
}
