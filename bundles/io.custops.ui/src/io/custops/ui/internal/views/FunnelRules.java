package io.custops.ui.internal.views;

import java.util.Map;

import io.custops.engine.FunnelResult;

/**
 * The rules a funnel was counted by (its window, order, step windows, exclusions), said in the
 * analyst's language; SWT-free. The Behaviour part shows them beside the counts, as the command
 * line ({@link FunnelResult#describeRules()}) and the behavior-path report do, so that two funnels
 * of different windows are not mistaken for the same.
 */
public final class FunnelRules {

	private FunnelRules() {
	}

	/** "Window 14d from the first step, ordered." or its Chinese. */
	public static String text(FunnelResult r, boolean zh) {
		Map<String, String> p = r.parameters();
		StringBuilder out = new StringBuilder(zh ? "窗口：首步后 " + r.window() + " 内，" + order(r.order(), true)
				: "Window " + r.window() + " from the first step, " + r.order());
		if (p.containsKey("stepWindow")) {
			out.append(zh ? "，每步距上一步 " + p.get("stepWindow") + " 内" : ", each step within " + p.get("stepWindow"));
		}
		p.forEach((k, v) -> {
			if (k.startsWith("window.")) {
				String step = k.substring("window.".length());
				out.append(zh ? "，第 " + step + " 步距上一步 " + v + " 内" : ", step " + step + " within " + v);
			}
		});
		if (p.containsKey("exclude")) {
			out.append(zh ? "，排除 " + p.get("exclude") : ", excluding " + p.get("exclude"));
		}
		return out.append(zh ? "。" : ".").toString();
	}

	private static String order(String order, boolean zh) {
		if (!zh || order == null) {
			return order;
		}
		return switch (order) {
		case "strict" -> "严格顺序";
		case "any" -> "任意顺序";
		default -> "按顺序";
		};
	}
}
