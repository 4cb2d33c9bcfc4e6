package io.custops.report.schedule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What to render and when.
 *
 * @param id         a name of letters, digits, {@code - _ .} (up to 200)
 * @param cron       five fields, minute hour day-of-month month day-of-week (Unix cron), or
 *                   {@code @hourly}, {@code @daily}, {@code @weekly}, {@code @monthly},
 *                   {@code @yearly}; in the workspace's time zone
 * @param template   the id of a report template
 * @param formats    pdf, html, xlsx (at least one)
 * @param parameters the template's parameters and {@code lang}; values may be relative dates
 *                   ({@link RelativeDates}), resolved at each run
 * @param out        the output folder, absolute, with placeholders ({@link OutputFolders})
 * @param keep       how many runs' outputs to keep (the newest); 0 keeps all
 * @param missed     what happens to due times missed while nothing ran
 */
public record Schedule(String id, String cron, String template, List<String> formats, Map<String, String> parameters,
		String out, int keep, MissedRuns missed) {

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

	public Schedule {
		if (id == null || !ID.matcher(id).matches()) {
			throw new ScheduleException("id", "'" + id + "' is not a schedule id (letters, digits, - _ . ; up to 200)");
		}
		if (template == null || template.isBlank()) {
			throw new ScheduleException("template", "missing");
		}
		formats = List.copyOf(formats);
		if (formats.isEmpty()) {
			throw new ScheduleException("format", "names no format; use pdf, html or xlsx");
		}
		for (String format : formats) {
			if (!List.of("pdf", "html", "xlsx").contains(format)) {
				throw new ScheduleException("format", "'" + format + "' is not one of pdf, html, xlsx");
			}
		}
		parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
		for (Map.Entry<String, String> e : parameters.entrySet()) {
			RelativeDates.check(e.getKey(), e.getValue());
		}
		if (out == null || out.isBlank()) {
			throw new ScheduleException("out", "missing");
		}
		OutputFolders.check(out);
		if (keep < 0) {
			throw new ScheduleException("keep", keep + " is negative (0 keeps every output)");
		}
		if (missed == null) {
			missed = MissedRuns.RUN;
		}
		CronSchedule.parse(cron);
	}
}
