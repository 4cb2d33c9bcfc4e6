package io.custops.segmentation.rfm.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.custops.core.param.Parameters;
import io.custops.segmentation.rfm.RfmScoring;
import io.custops.segmentation.rfm.RfmScoring.Dimension;

/**
 * The customers per score level of each dimension, and what the analyst must be told when a
 * level is empty: quintiles leave levels empty when many customers share a value (most have one
 * order: equal values get equal scores, so F jumps from 1 to 4), fixed thresholds when no
 * customer falls in a level's range. The same summary entries in memory and pushed down (made
 * there from the runner's per-score tallies).
 */
final class ScoreLevels {

	static final String SCORE_LEVELS = "score_levels";
	static final String EMPTY_SCORE_LEVELS = "empty_score_levels";
	static final String WARNINGS = "warnings";
	static final String WARNINGS_ZH = "warnings_zh";

	private ScoreLevels() {
	}

	/** Customers per score 1–5 (index 0–4) of one dimension's scores; 0 (not scored) is not counted. */
	static long[] count(byte[] scores) {
		long[] levels = new long[5];
		for (byte s : scores) {
			if (s >= 1 && s <= 5) {
				levels[s - 1]++;
			}
		}
		return levels;
	}

	/**
	 * The summary entries: {@code scoring_by_dimension}, {@code score_levels} (customers per
	 * level 1–5), {@code empty_score_levels} (per dimension the empty levels) and
	 * {@code warnings} / {@code warnings_zh}, one sentence per dimension with an empty level.
	 *
	 * @param levels per dimension (R, F, M) the customers per score 1–5
	 */
	static Map<String, Object> summary(RfmScoring scoring, Parameters parameters, long scored, long[][] levels) {
		Map<String, Object> summary = new LinkedHashMap<>();
		Map<String, String> modes = new LinkedHashMap<>();
		Map<String, List<Long>> counts = new LinkedHashMap<>();
		Map<String, List<Integer>> empty = new LinkedHashMap<>();
		List<String> warnings = new ArrayList<>();
		List<String> warningsZh = new ArrayList<>();
		for (Dimension d : Dimension.values()) {
			long[] n = levels[d.ordinal()];
			modes.put(d.letter(), scoring.mode(d));
			List<Long> perLevel = new ArrayList<>();
			List<Integer> none = new ArrayList<>();
			for (int k = 1; k <= 5; k++) {
				perLevel.add(n[k - 1]);
				if (scored > 0 && n[k - 1] == 0) {
					none.add(k);
				}
			}
			counts.put(d.letter(), perLevel);
			empty.put(d.letter(), none);
			if (!none.isEmpty()) {
				warnings.add(scoring.isQuantile(d) ? quantileWarning(d, parameters, scored, n, none, false)
						: fixedWarning(d, scoring, parameters, none, false));
				warningsZh.add(scoring.isQuantile(d) ? quantileWarning(d, parameters, scored, n, none, true)
						: fixedWarning(d, scoring, parameters, none, true));
			}
		}
		summary.put("scoring_by_dimension", modes);
		summary.put(SCORE_LEVELS, counts);
		summary.put(EMPTY_SCORE_LEVELS, empty);
		summary.put(WARNINGS, warnings);
		summary.put(WARNINGS_ZH, warningsZh);
		return summary;
	}

	/** Quintiles with empty levels: the over-full level below each run of empty ones holds a tie. */
	private static String quantileWarning(Dimension d, Parameters parameters, long scored, long[] n, List<Integer> none,
			boolean zh) {
		String x = d.letter().toUpperCase(Locale.ROOT);
		List<String> full = new ArrayList<>();
		for (int k = 1; k <= 5; k++) {
			// a level just below an empty one: its customers share a value that spans the level's boundary
			if (n[k - 1] > 0 && k < 5 && n[k] == 0) {
				full.add(zh ? String.format(Locale.ROOT, "%s%d 占已评分客户的 %.1f%%", x, k, 100.0 * n[k - 1] / scored)
						: String.format(Locale.ROOT, "%s%d holds %.1f %%", x, k, 100.0 * n[k - 1] / scored));
			}
		}
		String fix = "--param " + d.scoringKey() + "=fixed --param " + d.thresholdsKey() + "="
				+ String.join(",", parameters.list(d.thresholdsKey()));
		if (zh) {
			return String.format(Locale.ROOT,
					"%s 分档为空（%s按五分位评分）：%s（五分位每档约 20%%），这些客户的%s相同，而五分位给相同的值相同的分，"
							+ "于是跳过了其上的分档，需要这些分档的客群没有客户。若要%s按固定阈值评分而其他维度不变：%s",
					levelList(x, none, true), zhName(d), String.join("，", full), zhName(d), zhName(d), fix);
		}
		return String.format(Locale.ROOT,
				"%s %s empty (%s scored by quintiles): %s of the %,d scored customers (a quintile holds about 20 %%), "
						+ "customers with one and the same %s, and quintiles give equal values equal scores, so the "
						+ "levels above are skipped and segments that need them get nobody. To score %s by fixed "
						+ "thresholds while the other dimensions stay as they are: %s",
				levelList(x, none, false), none.size() == 1 ? "is" : "are", enName(d), String.join(", ", full), scored,
				enName(d), enName(d), fix);
	}

	/** Fixed thresholds with empty levels: nobody falls in those levels' ranges. */
	private static String fixedWarning(Dimension d, RfmScoring scoring, Parameters parameters, List<Integer> none,
			boolean zh) {
		String x = d.letter().toUpperCase(Locale.ROOT);
		List<String> ranges = new ArrayList<>();
		for (int k : none) {
			ranges.add(x + k + (zh ? "：" : ": ") + range(d, scoring, k, zh));
		}
		String thresholds = d.thresholdsKey() + "=" + String.join(",", parameters.list(d.thresholdsKey()));
		if (zh) {
			return String.format(Locale.ROOT,
					"%s 分档为空（%s按固定阈值 %s 评分）：没有已评分客户落在其区间（%s）；需要这些分档的客群没有客户。"
							+ "可调整阈值（--param %s=…）或改按五分位评分（--param %s=quantile）",
					levelList(x, none, true), zhName(d), thresholds, String.join("；", ranges), d.thresholdsKey(),
					d.scoringKey());
		}
		return String.format(Locale.ROOT,
				"%s %s empty (%s scored by the fixed thresholds %s): no scored customer falls in %s (%s), so segments "
						+ "that need %s get nobody. Change the thresholds (--param %s=…) or score %s by quintiles "
						+ "(--param %s=quantile)",
				levelList(x, none, false), none.size() == 1 ? "is" : "are", enName(d), thresholds,
				none.size() == 1 ? "its range" : "their ranges", String.join("; ", ranges),
				none.size() == 1 ? "it" : "them", d.thresholdsKey(), enName(d), d.scoringKey());
	}

	/** The values a fixed level stands for, as RfmScoring's rules give them. */
	private static String range(Dimension d, RfmScoring scoring, int k, boolean zh) {
		if (d == Dimension.RECENCY) {
			long[] t = scoring.recencyThresholds();
			// R5: ≤ t1; R4: t1 < days ≤ t2; …; R1: > t4
			if (k == 5) {
				return zh ? "最近一单在 " + t[0] + " 天内" : "last paid order " + t[0] + " days ago or less";
			}
			if (k == 1) {
				return zh ? "最近一单在 " + t[3] + " 天以前" : "more than " + t[3] + " days ago";
			}
			long from = t[4 - k] + 1;
			long to = t[5 - k];
			return zh ? from + " 至 " + to + " 天前" : from + " to " + to + " days ago";
		}
		if (d == Dimension.FREQUENCY) {
			long[] t = scoring.frequencyThresholds();
			// F1: below t1; Fk (2–4): t(k-1) to t(k) - 1; F5: t4 or more
			if (k == 1) {
				return zh ? "少于 " + t[0] + " 单" : "fewer than " + t[0] + " paid orders";
			}
			if (k == 5) {
				return zh ? t[3] + " 单及以上" : t[3] + " or more paid orders";
			}
			return zh ? t[k - 2] + " 至 " + (t[k - 1] - 1) + " 单" : t[k - 2] + " to " + (t[k - 1] - 1) + " paid orders";
		}
		long[] t = scoring.monetaryThresholdCents();
		if (k == 1) {
			return (zh ? "低于 " : "below ") + value(t[0], true);
		}
		if (k == 5) {
			return value(t[3], true) + (zh ? " 及以上" : " or more");
		}
		return zh ? value(t[k - 2], true) + " 至低于 " + value(t[k - 1], true)
				: "from " + value(t[k - 2], true) + " to below " + value(t[k - 1], true);
	}

	private static String value(long v, boolean cents) {
		return cents ? BigDecimal.valueOf(v, 2).stripTrailingZeros().toPlainString() : Long.toString(v);
	}

	private static String levelList(String x, List<Integer> levels, boolean zh) {
		List<String> names = new ArrayList<>();
		for (int k : levels) {
			names.add(x + k);
		}
		if (zh) {
			return String.join("、", names);
		}
		if (names.size() == 1) {
			return names.get(0);
		}
		return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
	}

	private static String enName(Dimension d) {
		return switch (d) {
		case RECENCY -> "recency";
		case FREQUENCY -> "frequency";
		case MONETARY -> "monetary value";
		};
	}

	private static String zhName(Dimension d) {
		return switch (d) {
		case RECENCY -> "最近购买时间";
		case FREQUENCY -> "购买频次";
		case MONETARY -> "消费金额";
		};
	}
}
