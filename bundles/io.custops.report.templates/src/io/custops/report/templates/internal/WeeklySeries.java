package io.custops.report.templates.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a lifecycle model's weekly dormant series from its summary. Accepted shapes, under the
 * key {@code weekly_dormant}, {@code dormant_weekly}, {@code series} or {@code weekly}: a list of
 * maps with a week ({@code week}, {@code week_start}, {@code date} or {@code start}) and a count
 * ({@code dormant}, {@code count} or {@code customers}); or a map of week → count.
 */
final class WeeklySeries {

	private static final List<String> KEYS = List.of("weekly_dormant", "dormant_weekly", "series", "weekly");
	private static final List<String> WEEK = List.of("week", "week_start", "date", "start");
	private static final List<String> COUNT = List.of("dormant", "count", "customers");

	private WeeklySeries() {
	}

	/** Rows {@code [week text, dormant count]}, in the model's order; empty when there is no series. */
	static List<Object[]> read(Map<String, Object> summary) {
		for (String key : KEYS) {
			Object series = summary.get(key);
			if (series instanceof Map<?, ?> nested && !(nested.keySet().stream().allMatch(k -> k instanceof String s && s.matches("\\d{4}-.*")))) {
				for (String inner : List.of("dormant", "weekly")) {
					if (nested.get(inner) != null) {
						series = nested.get(inner);
						break;
					}
				}
			}
			List<Object[]> rows = new ArrayList<>();
			if (series instanceof List<?> list) {
				for (Object item : list) {
					if (item instanceof Map<?, ?> point) {
						Object week = first(point, WEEK);
						Object count = first(point, COUNT);
						if (week != null && count instanceof Number n) {
							rows.add(new Object[] { week.toString(), n.longValue() });
						}
					}
				}
			} else if (series instanceof Map<?, ?> byWeek) {
				byWeek.forEach((week, count) -> {
					if (count instanceof Number n) {
						rows.add(new Object[] { week.toString(), n.longValue() });
					}
				});
			}
			if (!rows.isEmpty()) {
				return rows;
			}
		}
		return List.of();
	}

	private static Object first(Map<?, ?> point, List<String> names) {
		for (String name : names) {
			if (point.get(name) != null) {
				return point.get(name);
			}
		}
		return null;
	}
}
