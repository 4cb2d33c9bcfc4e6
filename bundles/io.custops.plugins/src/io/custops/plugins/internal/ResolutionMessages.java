package io.custops.plugins.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the framework resolver's report (the text of the BundleException Equinox throws when a
 * bundle cannot be resolved) into sentences an analyst can act on.
 */
final class ResolutionMessages {

	private static final Pattern UNRESOLVED = Pattern.compile("Unresolved requirement:\\s*([\\w-]+):\\s*(.*)");
	private static final Pattern EE_VERSION = Pattern.compile("version(?:>=|=)([0-9.]+)");
	private static final Pattern VERSION_ATTRIBUTE = Pattern.compile("(?:version|bundle-version)=\"?([\\[\\(][^\\]\\)]*[\\]\\)]|[0-9][^;\"]*)");

	private ResolutionMessages() {
	}

	/** The reasons, one sentence each, for a bundle that did not resolve; never empty. */
	static List<String> explain(String report) {
		Set<String> reasons = new LinkedHashSet<>();
		if (report != null) {
			for (String line : report.split("\\R")) {
				Matcher m = UNRESOLVED.matcher(line.trim());
				if (m.find()) {
					reasons.add(sentence(m.group(1), m.group(2).trim()));
				}
			}
		}
		List<String> result = new ArrayList<>(reasons);
		if (result.isEmpty()) {
			result.add(report == null || report.isBlank() ? "the framework could not resolve it" : report.trim());
		}
		return result;
	}

	static String sentence(String header, String requirement) {
		String name = JarInspector.headerValue(requirement);
		String range = version(requirement);
		switch (header) {
		case "Import-Package":
			return "it needs the Java package " + name + (range == null ? "" : " " + range)
					+ ", which neither the workbench nor an installed plugin provides";
		case "Require-Bundle":
			return "it needs the bundle " + name + (range == null ? "" : " " + range) + ", which is not installed";
		case "Fragment-Host":
			return "it is a fragment of " + name + ", which is not installed";
		case "Require-Capability":
			if (name.equals("osgi.ee")) {
				Matcher v = EE_VERSION.matcher(requirement);
				String wanted = v.find() ? v.group(1) : null;
				return "it needs " + (wanted == null ? "another Java" : "Java " + trimZeros(wanted))
						+ " (its Bundle-RequiredExecutionEnvironment), but the workbench runs on Java "
						+ Runtime.version().feature();
			}
			if (name.equals("osgi.extender") || name.equals("osgi.service")) {
				return "it needs " + requirement + ", which nothing installed provides";
			}
			return "it needs the capability " + requirement + ", which nothing installed provides";
		default:
			return "unresolved " + header + ": " + requirement;
		}
	}

	private static String version(String requirement) {
		Matcher m = VERSION_ATTRIBUTE.matcher(requirement);
		return m.find() ? "version " + m.group(1) : null;
	}

	private static String trimZeros(String version) {
		return version.replaceAll("(\\.0)+$", "");
	}
}
