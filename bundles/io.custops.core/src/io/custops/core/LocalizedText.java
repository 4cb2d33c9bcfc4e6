package io.custops.core;

import java.util.Locale;
import java.util.Objects;

/**
 * A text shown to analysts, in English and Chinese. Services describe themselves, their
 * parameters and their labels with it, so that the workbench and reports can follow the
 * user's language without knowing the service.
 */
public record LocalizedText(String en, String zh) {

	public LocalizedText {
		Objects.requireNonNull(en, "en");
		if (zh == null || zh.isBlank()) {
			zh = en;
		}
	}

	public static LocalizedText of(String en, String zh) {
		return new LocalizedText(en, zh);
	}

	public static LocalizedText of(String en) {
		return new LocalizedText(en, en);
	}

	/** The text for a locale: Chinese for any {@code zh} locale, English otherwise. */
	public String get(Locale locale) {
		return locale != null && "zh".equals(locale.getLanguage()) ? zh : en;
	}

	@Override
	public String toString() {
		return en;
	}
}
