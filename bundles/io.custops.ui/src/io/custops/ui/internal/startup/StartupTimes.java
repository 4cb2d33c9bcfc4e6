package io.custops.ui.internal.startup;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The moments of the workbench's cold start, in milliseconds of the wall clock, kept for the
 * start-up measurement ({@code -Dcustops.startup.report=FILE}, see {@link StartupTimerAddon}).
 * Recording costs a call to {@link System#currentTimeMillis()}; nothing is written unless asked.
 */
public final class StartupTimes {

	/** Where the measurement is appended; without it nothing is reported. */
	public static final String REPORT_PROPERTY = "custops.startup.report";
	/** Wall-clock milliseconds when the launching script started java (set by the script). */
	public static final String LAUNCHED_PROPERTY = "custops.startup.launched";
	/** "true": close the workbench once the start is measured. */
	public static final String EXIT_PROPERTY = "custops.startup.exit";

	private static final Map<String, Long> MOMENTS = new LinkedHashMap<>();

	private StartupTimes() {
	}

	public static synchronized void mark(String moment) {
		MOMENTS.putIfAbsent(moment, System.currentTimeMillis());
	}

	public static synchronized Map<String, Long> moments() {
		return new LinkedHashMap<>(MOMENTS);
	}

	public static boolean enabled() {
		return System.getProperty(REPORT_PROPERTY) != null;
	}
}
