package io.custops.core;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Durations as a person reads them, one rule for the parts, the command line and the reports:
 * the two largest units that apply, {@code "2 h 36 min"}, {@code "3 d 4 h"}, {@code "45 s"}
 * ({@code "2 小时 36 分"}, {@code "3 天 4 小时"}, {@code "45 秒"}); {@code "—"} when there is none
 * (a step nobody reached has no median), never {@code "null"}.
 */
public final class Durations {

	private static final long[] UNIT_SECONDS = { 86_400, 3600, 60, 1 };
	private static final String[] EN = { "d", "h", "min", "s" };
	private static final String[] ZH = { "天", "小时", "分", "秒" };

	private Durations() {
	}

	/** @param seconds the duration, or null for none */
	public static String text(BigDecimal seconds, boolean zh) {
		return seconds == null ? "—" : text(seconds.setScale(0, RoundingMode.HALF_UP).longValueExact(), zh);
	}

	public static String text(long seconds, boolean zh) {
		String[] names = zh ? ZH : EN;
		if (seconds < 0) {
			return "−" + text(-seconds, zh);
		}
		for (int i = 0; i < UNIT_SECONDS.length; i++) {
			long whole = seconds / UNIT_SECONDS[i];
			if (whole == 0 && i < UNIT_SECONDS.length - 1) {
				continue;
			}
			StringBuilder out = new StringBuilder().append(whole).append(' ').append(names[i]);
			if (i < UNIT_SECONDS.length - 1) {
				long rest = seconds % UNIT_SECONDS[i] / UNIT_SECONDS[i + 1];
				if (rest > 0) {
					out.append(' ').append(rest).append(' ').append(names[i + 1]);
				}
			}
			return out.toString();
		}
		throw new AssertionError();
	}
}
