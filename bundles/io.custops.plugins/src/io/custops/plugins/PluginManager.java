package io.custops.plugins;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Installs, lists and uninstalls plugins at run time. Installed plugins are kept per user under
 * {@link #home()} (not in the product), installed into the running framework at once, and
 * installed again by every later start of the command line or the workbench. Registered as an
 * OSGi service by the bundle {@code io.custops.plugins}.
 */
@ProviderType
public interface PluginManager {

	/** {@code CUSTOPS_HOME/plugins}: the installed bundle jars and the record of what is installed. */
	Path home();

	List<InstalledPlugin> installed();

	Optional<InstalledPlugin> find(String id);

	/**
	 * Reads a plugin from a bundle jar, a p2 repository folder, a p2 repository URL
	 * ({@code file:}, {@code http:}, {@code https:}) or a zipped p2 repository; checks each bundle
	 * (a bundle? signed? compiled for this Java?) and stages it. Installs nothing.
	 *
	 * @throws PluginException refused: not a jar or not a bundle, a signature that does not match,
	 *                         classes for a newer Java, nothing to install, a bundle of the workbench itself
	 */
	PluginCandidate read(String source) throws PluginException;

	/**
	 * Installs a candidate into the framework: when a bundle does not resolve, everything is
	 * uninstalled again, the installation is left as it was, and the exception says why in plain
	 * words. A plugin of the same id is replaced. The services of the new bundles are then checked
	 * through the {@link io.custops.engine.ServiceGuard}; one that throws or hangs is disabled and
	 * named in {@link InstallResult#warnings()}.
	 */
	InstallResult install(PluginCandidate candidate) throws PluginException;

	/** Uninstalls a plugin (by its id or the symbolic name of one of its bundles) and deletes its files. */
	InstalledPlugin uninstall(String id) throws PluginException;
}
