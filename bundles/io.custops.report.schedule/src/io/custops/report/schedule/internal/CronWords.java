package io.custops.report.schedule.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The common shapes of a five-field cron expression in words, English and Chinese: a time on
 * every day, on weekdays, on a day of the month or of the year, every N minutes, every hour or
 * every N hours. Any other shape gives null, and the caller falls back to a generic describer;
 * a wrong sentence ("at 08:00 at Monday day") is worse than none.
 */
public final class CronWords {

	private static final String[] DAYS_EN = { "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday" };
	private static final String[] DAYS_ZH = { "周日", "周一", "周二", "周三", "周四", "周五", "周六" };
	private static final String[] DAY_NAMES = { "SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT" };
	private static final String[] MONTHS_EN = { "January", "February", "March", "April", "May", "June", "July", "August",
			"September", "October", "November", "December" };
	private static final String[] MONTH_NAMES = { "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT",
			"NOV", "DEC" };

	private CronWords() {
	}

	/**
	 * @param fields the expression's five fields (shortcuts already expanded)
	 * @return the sentence, or null when the shape is not one of the common ones
	 */
	public static String describe(String[] fields, Locale locale) {
		if (fields.length != 5) {
			return null;
		}
		boolean zh = locale != null && locale.getLanguage().equals("zh");
		String minute = fields[0];
		String hour = fields[1];
		String dom = fields[2];
		String month = fields[3];
		String dow = fields[4];
		boolean everyDay = dom.equals("*") && month.equals("*") && dow.equals("*");
		Integer m = number(minute, 0, 59);
		Integer h = number(hour, 0, 23);
		if (everyDay && m == null && h == null && hour.equals("*")) {
			Integer step = step(minute, 1, 59);
			if (step != null) {
				return zh ? "每 " + step + " 分钟" : step == 1 ? "every minute" : "every " + step + " minutes";
			}
			return null;
		}
		if (m == null) {
			return null;
		}
		if (h == null) {
			if (!everyDay) {
				return null;
			}
			if (hour.equals("*")) {
				return zh ? "每小时第 " + m + " 分钟" : "every hour at minute " + m;
			}
			Integer step = step(hour, 1, 23);
			if (step == null) {
				return null;
			}
			return zh ? "每 " + step + " 小时（第 " + m + " 分钟）" : "every " + step + " hours at minute " + m;
		}
		String time = String.format(Locale.ROOT, "%02d:%02d", h, m);
		if (everyDay) {
			return zh ? "每天 " + time : "every day at " + time;
		}
		if (dom.equals("*") && month.equals("*")) {
			String days = weekdays(dow, zh);
			return days == null ? null : zh ? "每" + days + " " + time : "every " + days + " at " + time;
		}
		if (!dow.equals("*")) {
			return null; // day of month and day of week together: cron takes either, which no short sentence says well
		}
		Integer day = number(dom, 1, 31);
		if (day == null) {
			return null;
		}
		if (month.equals("*")) {
			return zh ? "每月 " + day + " 日 " + time : "on day " + day + " of every month at " + time;
		}
		Integer mon = month(month);
		if (mon == null) {
			return null;
		}
		return zh ? "每年 " + mon + " 月 " + day + " 日 " + time : "every year on " + day + " " + MONTHS_EN[mon - 1] + " at " + time;
	}

	/** "Monday", "Monday and Thursday", "Monday to Friday" (周一、周四; 周一至周五), or null. */
	private static String weekdays(String field, boolean zh) {
		List<String> parts = new ArrayList<>();
		for (String item : field.split(",")) {
			int dash = item.indexOf('-');
			if (dash > 0) {
				Integer from = weekday(item.substring(0, dash));
				Integer to = weekday(item.substring(dash + 1));
				if (from == null || to == null || to < from) {
					return null;
				}
				parts.add(zh ? DAYS_ZH[from % 7] + "至" + DAYS_ZH[to % 7] : DAYS_EN[from % 7] + " to " + DAYS_EN[to % 7]);
			} else {
				Integer day = weekday(item);
				if (day == null) {
					return null;
				}
				parts.add(zh ? DAYS_ZH[day % 7] : DAYS_EN[day % 7]);
			}
		}
		if (zh) {
			return String.join("、", parts);
		}
		if (parts.size() == 1) {
			return parts.get(0);
		}
		return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
	}

	private static Integer weekday(String text) {
		for (int i = 0; i < DAY_NAMES.length; i++) {
			if (DAY_NAMES[i].equalsIgnoreCase(text)) {
				return i;
			}
		}
		return number(text, 0, 7);
	}

	private static Integer month(String text) {
		for (int i = 0; i < MONTH_NAMES.length; i++) {
			if (MONTH_NAMES[i].equalsIgnoreCase(text)) {
				return i + 1;
			}
		}
		return number(text, 1, 12);
	}

	/** {@code *}{@code /N} or {@code 0/N}: every N. */
	private static Integer step(String field, int min, int max) {
		String rest = field.startsWith("*/") ? field.substring(2) : field.startsWith("0/") ? field.substring(2) : null;
		return rest == null ? null : number(rest, min, max);
	}

	private static Integer number(String text, int min, int max) {
		if (text.isEmpty() || text.length() > 2 || !text.chars().allMatch(Character::isDigit)) {
			return null;
		}
		int n = Integer.parseInt(text);
		return n < min || n > max ? null : n;
	}
}
