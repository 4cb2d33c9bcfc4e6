package io.custops.plugins;

import java.util.List;

/**
 * What an installation did.
 *
 * @param plugin   the installed plugin with its services
 * @param replaced the version of the same plugin it replaced, or {@code null}
 * @param warnings services that failed their check after installation and were disabled, in plain words
 */
public record InstallResult(InstalledPlugin plugin, String replaced, List<String> warnings) {

	public InstallResult {
		warnings = List.copyOf(warnings);
	}
}
