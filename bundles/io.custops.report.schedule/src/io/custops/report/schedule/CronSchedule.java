package io.custops.report.schedule;

import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.cronutils.descriptor.CronDescriptor;
import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

import io.custops.report.schedule.internal.CronWords;

/**
 * A cron expression, read by cron-utils with the Unix definition: five fields, minute (0–59),
 * hour (0–23), day of month (1–31), month (1–12 or JAN–DEC), day of week (0–7 or SUN–SAT, 0 and
 * 7 are Sunday), with {@code *}, lists {@code 1,15}, ranges {@code 1-5} and steps
 * {@code *}{@code /15}. Also the shortcuts {@code @hourly}, {@code @daily} ({@code @midnight}),
 * {@code @weekly} (Sunday 00:00), {@code @monthly} and {@code @yearly} ({@code @annually}).
 * Times are evaluated in the zone of the date-time given (the workspace's zone).
 */
public final class CronSchedule {

	private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
	private static final Map<String, String> SHORTCUTS = Map.of("@hourly", "0 * * * *", "@daily", "0 0 * * *",
			"@midnight", "0 0 * * *", "@weekly", "0 0 * * 0", "@monthly", "0 0 1 * *", "@yearly", "0 0 1 1 *",
			"@annually", "0 0 1 1 *");

	private final String text;
	/** The five fields, shortcuts expanded. */
	private final String fields;
	private final Cron cron;
	private final ExecutionTime times;

	private CronSchedule(String text, String fields, Cron cron) {
		this.text = text;
		this.fields = fields;
		this.cron = cron;
		this.times = ExecutionTime.forCron(cron);
	}

	/** @throws ScheduleException naming the field {@code cron} and what is wrong */
	public static CronSchedule parse(String expression) {
		if (expression == null || expression.isBlank()) {
			throw new ScheduleException("cron", "missing (five fields: minute hour day-of-month month day-of-week)");
		}
		String text = expression.trim().replaceAll("\\s+", " ");
		String expanded = SHORTCUTS.getOrDefault(text.toLowerCase(Locale.ROOT), text);
		if (expanded.startsWith("@")) {
			throw new ScheduleException("cron", "'" + text + "' is not a known shortcut; use one of " + SHORTCUTS.keySet()
					.stream().sorted().toList());
		}
		int fields = expanded.split(" ").length;
		if (fields != 5) {
			throw new ScheduleException("cron", "'" + text + "' has " + fields
					+ " fields; a cron expression has five: minute hour day-of-month month day-of-week");
		}
		try {
			Cron cron = PARSER.parse(expanded).validate();
			return new CronSchedule(text, expanded, cron);
		} catch (IllegalArgumentException e) {
			throw new ScheduleException("cron", "'" + text + "' is not a valid cron expression: " + e.getMessage());
		}
	}

	/** The expression as written (spaces normalised). */
	public String text() {
		return text;
	}

	/** The first time strictly after {@code time} that matches. */
	public Optional<ZonedDateTime> next(ZonedDateTime time) {
		return times.nextExecution(time);
	}

	/** The last time strictly before {@code time} that matches. */
	public Optional<ZonedDateTime> previous(ZonedDateTime time) {
		return times.lastExecution(time);
	}

	/**
	 * In words, in English or Chinese: "every Monday at 08:00" / "每周一 08:00". The common shapes
	 * are worded by this bundle; any other is cron-utils' English, or in Chinese the expression
	 * itself ("按 cron 表达式「…」"), rather than a sentence that reads wrong.
	 */
	public String describe(Locale locale) {
		String words = CronWords.describe(fields.split(" "), locale);
		if (words != null) {
			return words;
		}
		if (locale != null && locale.getLanguage().equals("zh")) {
			return "按 cron 表达式「" + text + "」";
		}
		try {
			return CronDescriptor.instance(Locale.ENGLISH).describe(cron);
		} catch (RuntimeException e) {
			return text; // the descriptor has no text for some expressions
		}
	}

	@Override
	public String toString() {
		return text;
	}
}
