package io.custops.plugins.internal;

import java.nio.file.Path;
import java.util.regex.Pattern;

import io.custops.plugins.PluginException;

/**
 * The names a plugin brings (a p2 unit's id and version, a bundle's symbolic name and version)
 * become file names under the plugin folder: each is checked against the OSGi grammar before
 * anything is written, so that no {@code ../} or {@code /} can lead a file outside.
 */
final class PluginNames {

	/** OSGi's symbolic-name: tokens of letters, digits, '_' and '-', joined by single dots. */
	private static final Pattern SYMBOLIC_NAME = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");
	/** OSGi's version: major[.minor[.micro[.qualifier]]]. */
	private static final Pattern VERSION = Pattern.compile("[0-9]{1,9}(\\.[0-9]{1,9}(\\.[0-9]{1,9}(\\.[A-Za-z0-9_-]+)?)?)?");
	/** Longer names are no bundle's: a file name stays well under the file system's 255 bytes. */
	private static final int MAX_LENGTH = 160;

	private PluginNames() {
	}

	static void checkSymbolicName(String name, String shownAs) throws PluginException {
		if (name == null || name.length() > MAX_LENGTH || !SYMBOLIC_NAME.matcher(name).matches()) {
			throw PluginException.refused(shownAs + " has the name '" + shown(name)
					+ "', which is no OSGi symbolic name (letters, digits, '_' and '-', joined by single dots): it is not installed");
		}
	}

	static void checkVersion(String version, String shownAs) throws PluginException {
		if (version == null || version.length() > MAX_LENGTH || !VERSION.matcher(version).matches()) {
			throw PluginException.refused(shownAs + " has the version '" + shown(version)
					+ "', which is no OSGi version (such as 1.2.0 or 1.2.0.v20261207): it is not installed");
		}
	}

	/**
	 * {@code dir/fileName}, refused unless it is a plain file name directly inside {@code dir}.
	 */
	static Path inside(Path dir, String fileName) throws PluginException {
		Path base = dir.toAbsolutePath().normalize();
		if (fileName == null || fileName.isEmpty() || fileName.contains("/") || fileName.contains("\\")
				|| fileName.equals(".") || fileName.equals("..") || fileName.indexOf('\0') >= 0) {
			throw PluginException.refused("'" + shown(fileName) + "' is no plain file name inside " + base
					+ ": nothing is written or deleted outside the plugin folder");
		}
		Path target = base.resolve(fileName).normalize();
		if (!base.equals(target.getParent())) {
			throw PluginException.refused("'" + shown(fileName) + "' leads outside " + base
					+ ": nothing is written or deleted outside the plugin folder");
		}
		return target;
	}

	private static String shown(String s) {
		if (s == null) {
			return "";
		}
		String clean = s.replaceAll("\\p{Cntrl}", "?");
		return clean.length() > 80 ? clean.substring(0, 80) + "…" : clean;
	}
}
