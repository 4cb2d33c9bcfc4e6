package io.custops.report.templates.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

import io.custops.core.param.Parameters;
import io.custops.core.spi.CustomerAnalysis;
import io.custops.core.spi.Label;
import io.custops.engine.Analyses;

/** The texts of an analysis's labels, so that reports show "VIP会员" rather than the id "vip". */
final class Labels {

	private static final Map<String, String> ALIASES = Map.of("tier", "tiers", "segment", "rfm", "stage", "stages");

	private Labels() {
	}

	/**
	 * Label id → text in the locale, for a breakdown or analysis id (the aliases tier, segment and
	 * stage, {@code strategy:ID}, {@code model:ID}); empty for a customer attribute or an id nobody
	 * installed, whose values are shown as they are.
	 */
	static Map<String, String> texts(Analyses analyses, String id, Locale locale) {
		return texts(analyses, id, Map.of(), locale);
	}

	static Map<String, String> texts(Analyses analyses, String id, Map<String, String> parameters, Locale locale) {
		String plain = id.replaceFirst("^(strategy|model):", "");
		plain = ALIASES.getOrDefault(plain, plain);
		Map<String, String> texts = new LinkedHashMap<>();
		try {
			CustomerAnalysis analysis = analyses.find(plain);
			Parameters resolved;
			try {
				resolved = Parameters.resolve(analysis.parameters(), parameters);
			} catch (RuntimeException e) {
				resolved = Parameters.resolve(analysis.parameters(), Map.of());
			}
			for (Label label : analysis.labels(resolved)) {
				texts.put(label.id(), label.text(locale));
			}
		} catch (NoSuchElementException notAnAnalysis) {
			// an attribute: values are shown as they are
		}
		return texts;
	}
}
