package io.custops.plugins;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A plugin installed for this user: where it came from, its bundles and the services they
 * contribute right now.
 *
 * @param id        the plugin's id: the bundle's symbolic name for a single bundle, else the
 *                  repository's feature (or category) id
 * @param version   the version of that bundle or feature
 * @param source    the jar, folder or URL it was installed from
 * @param installed when it was installed
 * @param bundles   its bundle jars, as kept under {@code CUSTOPS_HOME/plugins/bundles}
 * @param services  the services its bundles contribute (empty where not known)
 */
public record InstalledPlugin(String id, String version, String source, Instant installed, List<PluginBundle> bundles,
		List<PluginService> services) {

	public InstalledPlugin {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(version, "version");
		bundles = List.copyOf(bundles);
		services = List.copyOf(services);
	}
}
