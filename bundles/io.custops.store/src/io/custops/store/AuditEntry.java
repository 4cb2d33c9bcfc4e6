package io.custops.store;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One recorded action on the workspace's data that leaves it: a target list exported (masked or
 * not), a campaign created. Who, when, what, where to.
 *
 * @param seq     the entry's number, ascending in time
 * @param action  {@code target-list-export}, {@code campaign-create}, {@code personal-data-reveal}, …
 * @param subject what the action was on (a campaign id; a customer id for {@code personal-data-reveal}), or null
 * @param file    the file written, or null
 * @param masked  whether personal data was masked, or null when not applicable
 * @param rows    rows written, or null
 * @param details more, as text
 */
public record AuditEntry(long seq, Instant at, String user, String host, long pid, String action, String subject,
		String file, Boolean masked, Long rows, Map<String, String> details) {

	public AuditEntry {
		details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
	}

	/** What a caller records; the log adds the time, user, host and process. */
	public record Action(String action, String subject, String file, Boolean masked, Long rows,
			Map<String, String> details) {
	}
}
