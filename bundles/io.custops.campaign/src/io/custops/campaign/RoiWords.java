package io.custops.campaign;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.custops.engine.RoiStatistics;

/**
 * The words of a campaign's uncertainty ({@link RoiStatistics}' warnings, "too few customers to
 * tell") in English, as {@code ./custops roi} prints them, or in Chinese: one translation for the
 * workbench's Campaigns part and the roi report.
 */
public final class RoiWords {

	/** {@link RoiStatistics#TOO_FEW} in Chinese. */
	public static final String TOO_FEW_ZH = "客户太少，无法判断";

	private static final Pattern ARM = Pattern.compile(Pattern.quote(RoiStatistics.TOO_FEW)
			+ ": the (treatment|control) group has (\\d+) (member|responder)s? \\(fewer than (\\d+)\\)");
	private static final Pattern SPANS = Pattern.compile(Pattern.quote(RoiStatistics.TOO_FEW)
			+ ": the (.+?) interval of (incremental revenue|the uplift in response rate), (\\[.*\\]), includes zero");
	private static final String NO_CONTROL = "no control group:";

	private RoiWords() {
	}

	/** "too few customers to tell", or its Chinese. */
	public static String tooFew(boolean zh) {
		return zh ? TOO_FEW_ZH : RoiStatistics.TOO_FEW;
	}

	/**
	 * One of {@link RoiStatistics}' warnings as it is ({@code zh} false) or in Chinese; a warning
	 * this does not know stays in English.
	 */
	public static String warning(String warning, boolean zh) {
		if (!zh || warning == null) {
			return warning;
		}
		Matcher m = ARM.matcher(warning);
		if (m.matches()) {
			return TOO_FEW_ZH + "：" + (m.group(1).equals("treatment") ? "实验组" : "对照组") + "只有 " + m.group(2)
					+ (m.group(3).equals("member") ? " 人" : " 位响应客户") + "（少于 " + m.group(4) + "）";
		}
		m = SPANS.matcher(warning);
		if (m.matches()) {
			return TOO_FEW_ZH + "：" + (m.group(2).equals("incremental revenue") ? "增量收入" : "响应率提升") + "的 "
					+ m.group(1) + " 区间 " + m.group(3) + " 包含 0";
		}
		if (warning.startsWith(NO_CONTROL)) {
			return "没有对照组：数字为总额，无法区分成员本来就会购买的部分";
		}
		return warning;
	}
}
