package io.custops.report.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates relative to the day a report is made ("today": the day of the due time in the
 * workspace's zone), written as a parameter value that starts with {@code @}:
 * <ul>
 * <li>{@code @today}, {@code @yesterday}, {@code @tomorrow}, optionally shifted:
 * {@code @today-7d}, {@code @today+1w}, {@code @today-3m}, {@code @today-1y}
 * (days, weeks, months, years);</li>
 * <li>a period with an edge: {@code @this-week}, {@code @last-week}, {@code @this-month},
 * {@code @last-month}, {@code @this-quarter}, {@code @last-quarter}, {@code @this-year},
 * {@code @last-year}, followed by {@code .start} (its first day), {@code .end} (the day after
 * its last day: the exclusive end that {@code to} and {@code asOf} expect) or {@code .last}
 * (its last day). Weeks start on Monday.</li>
 * </ul>
 * So {@code --param from=@last-month.start --param to=@last-month.end} is the whole of last
 * month. A value that starts with {@code @@} stands for itself without the first {@code @}; any
 * other value is left as it is.
 */
public final class RelativeDates {

	private static final Pattern DAY = Pattern.compile("@(today|yesterday|tomorrow)(?:([+-])(\\d{1,4})([dwmy]))?");
	private static final Pattern PERIOD = Pattern.compile("@(this|last)-(week|month|quarter|year)\\.(start|end|last)");

	private RelativeDates() {
	}

	/** Whether a value is a relative date (or malformed as one). */
	public static boolean isRelative(String value) {
		return value != null && value.startsWith("@") && !value.startsWith("@@");
	}

	/**
	 * The ISO date a value stands for on {@code today}, or the value itself when it is not relative.
	 *
	 * @throws ScheduleException naming the parameter for a malformed relative date
	 */
	public static String resolve(String key, String value, LocalDate today) {
		if (value == null || !value.startsWith("@")) {
			return value;
		}
		if (value.startsWith("@@")) {
			return value.substring(1);
		}
		String text = value.trim().toLowerCase(Locale.ROOT);
		Matcher day = DAY.matcher(text);
		if (day.matches()) {
			LocalDate date = switch (day.group(1)) {
			case "yesterday" -> today.minusDays(1);
			case "tomorrow" -> today.plusDays(1);
			default -> today;
			};
			if (day.group(2) != null) {
				int amount = Integer.parseInt(day.group(3)) * (day.group(2).equals("-") ? -1 : 1);
				date = switch (day.group(4)) {
				case "w" -> date.plusWeeks(amount);
				case "m" -> date.plusMonths(amount);
				case "y" -> date.plusYears(amount);
				default -> date.plusDays(amount);
				};
			}
			return date.toString();
		}
		Matcher period = PERIOD.matcher(text);
		if (period.matches()) {
			boolean last = period.group(1).equals("last");
			LocalDate start = switch (period.group(2)) {
			case "week" -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(last ? 1 : 0);
			case "month" -> today.withDayOfMonth(1).minusMonths(last ? 1 : 0);
			case "quarter" -> today.with(IsoFields.DAY_OF_QUARTER, 1).minusMonths(last ? 3 : 0);
			default -> today.withDayOfYear(1).minusYears(last ? 1 : 0);
			};
			LocalDate end = switch (period.group(2)) {
			case "week" -> start.plusWeeks(1);
			case "month" -> start.plusMonths(1);
			case "quarter" -> start.plusMonths(3);
			default -> start.plusYears(1);
			};
			return switch (period.group(3)) {
			case "start" -> start.toString();
			case "end" -> end.toString();
			default -> end.minusDays(1).toString();
			};
		}
		throw new ScheduleException(key, "'" + value + "' is not a relative date: use @today, @yesterday, @today-7d, "
				+ "@last-month.start, @this-quarter.end, @last-week.last … (or @@ for a literal @)");
	}

	/** Checks that a value is a well-formed relative date, or not a relative date at all. */
	public static void check(String key, String value) {
		resolve(key, value, LocalDate.of(2000, 1, 1));
	}

	/** Every value resolved on {@code today}, in the same order. */
	public static Map<String, String> resolveAll(Map<String, String> parameters, LocalDate today) {
		Map<String, String> resolved = new LinkedHashMap<>();
		parameters.forEach((k, v) -> resolved.put(k, resolve(k, v, today)));
		return resolved;
	}
}
