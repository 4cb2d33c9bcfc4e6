package io.custops.core.spi;

import java.util.Locale;
import java.util.Objects;

import io.custops.core.LocalizedText;

/**
 * A class a customer can be put in: a segment, a tier, a stage. {@code id} is what files and
 * JSON carry ({@code champions}, {@code vip}); {@code text} is what people read.
 */
public record Label(String id, LocalizedText text) {

	public Label {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(text, "text");
	}

	public static Label of(String id, String en, String zh) {
		return new Label(id, LocalizedText.of(en, zh));
	}

	public String text(Locale locale) {
		return text.get(locale);
	}
}
