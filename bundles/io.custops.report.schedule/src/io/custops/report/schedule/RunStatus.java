package io.custops.report.schedule;

import java.util.Locale;

/** The state of a recorded run. */
public enum RunStatus {
	/** Started, not finished: the process still runs it, or died while running it. */
	RUNNING,
	/** Every format was written. */
	OK,
	/** The report failed; the error is recorded, nothing of it was kept. */
	FAILED,
	/** A due time passed while nothing ran, and the schedule says skip. */
	MISSED;

	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static RunStatus of(String id) {
		return valueOf(id.toUpperCase(Locale.ROOT));
	}
}
