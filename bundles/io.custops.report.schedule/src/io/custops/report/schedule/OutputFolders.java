package io.custops.report.schedule;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The output folder of a run, from the schedule's pattern: {@code {date:PATTERN}} is the due
 * time in the workspace's zone formatted with a java.time pattern ({@code {date:yyyy-MM-dd}},
 * {@code {date:yyyy-'W'ww}}, {@code {date:yyyyMMdd-HHmm}}); {@code {date}} is
 * {@code {date:yyyy-MM-dd}}; {@code {schedule}} and {@code {template}} are the ids. E.g.
 * {@code /srv/reports/{template}/{date:yyyy-MM}}.
 */
public final class OutputFolders {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)(?::([^}]*))?}");

	private OutputFolders() {
	}

	public static Path resolve(String pattern, ZonedDateTime time, String scheduleId, String templateId) {
		Matcher m = PLACEHOLDER.matcher(pattern);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String value = switch (m.group(1)) {
			case "date" -> DateTimeFormatter.ofPattern(m.group(2) == null ? "yyyy-MM-dd" : m.group(2)).format(time);
			case "schedule" -> scheduleId;
			case "template" -> templateId;
			default -> throw new ScheduleException("out", "unknown placeholder {" + m.group(1) + "} in '" + pattern
					+ "'; use {date:yyyy-MM-dd}, {schedule} or {template}");
			};
			m.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		m.appendTail(out);
		try {
			return Path.of(out.toString());
		} catch (InvalidPathException e) {
			throw new ScheduleException("out", "'" + out + "' is not a path: " + e.getMessage());
		}
	}

	/** Checks the placeholders and date patterns of a pattern. */
	public static void check(String pattern) {
		try {
			resolve(pattern, ZonedDateTime.parse("2000-01-02T03:04:05Z"), "id", "template");
		} catch (IllegalArgumentException e) {
			if (e instanceof ScheduleException) {
				throw e;
			}
			throw new ScheduleException("out", "bad date pattern in '" + pattern + "': " + e.getMessage());
		}
	}
}
