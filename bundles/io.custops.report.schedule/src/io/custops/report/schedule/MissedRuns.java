package io.custops.report.schedule;

import java.util.Locale;

/**
 * What happens to a due time that passed while nothing was running (the computer was off, no
 * daemon ran): {@link #RUN} makes the report once at the next start, however many due times
 * were missed; {@link #SKIP} records them as missed and waits for the next due time.
 */
public enum MissedRuns {
	RUN, SKIP;

	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static MissedRuns of(String text) {
		for (MissedRuns m : values()) {
			if (m.id().equalsIgnoreCase(text.trim())) {
				return m;
			}
		}
		throw new ScheduleException("missed", "'" + text + "' is not run or skip");
	}
}
