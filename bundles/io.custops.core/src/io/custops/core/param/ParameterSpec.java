package io.custops.core.param;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.custops.core.LocalizedText;

/**
 * The declaration of one parameter of a service: key, type, default, label and help in two
 * languages, and the constraints checked before the service runs. A key ending in
 * {@code .*} declares a family ({@code map.*} accepts {@code map.customer_id}, …).
 */
public final class ParameterSpec {

	private final String key;
	private final ParameterType type;
	private final String defaultValue;
	private final LocalizedText label;
	private final LocalizedText description;
	private final boolean required;
	private final List<String> choices;
	private final BigDecimal min;
	private final BigDecimal max;
	private final boolean secret;

	private ParameterSpec(Builder b) {
		this.key = Objects.requireNonNull(b.key, "key");
		this.type = Objects.requireNonNull(b.type, "type");
		this.defaultValue = b.defaultValue;
		this.label = b.label != null ? b.label : LocalizedText.of(b.key);
		this.description = b.description != null ? b.description : LocalizedText.of("");
		this.required = b.required;
		this.choices = List.copyOf(b.choices);
		this.min = b.min;
		this.max = b.max;
		this.secret = b.secret;
		if (type == ParameterType.CHOICE && choices.isEmpty()) {
			throw new IllegalArgumentException("choice parameter '" + key + "' declares no choices");
		}
		if (defaultValue != null) {
			parse(defaultValue); // a bad default is the service author's bug: fail at declaration
		}
	}

	public static Builder builder(String key, ParameterType type) {
		return new Builder(key, type);
	}

	public String key() {
		return key;
	}

	public ParameterType type() {
		return type;
	}

	/** The default as text, or {@code null} when the parameter has none. */
	public String defaultValue() {
		return defaultValue;
	}

	public LocalizedText label() {
		return label;
	}

	public LocalizedText description() {
		return description;
	}

	public boolean required() {
		return required;
	}

	public List<String> choices() {
		return choices;
	}

	public BigDecimal min() {
		return min;
	}

	public BigDecimal max() {
		return max;
	}

	/**
	 * Whether the value is a secret (a password): {@link Parameters#asText()} and
	 * {@link Parameters#toString()} show it masked, so that run records and logs never hold it.
	 */
	public boolean secret() {
		return secret;
	}

	/** Whether this spec declares a family of keys ({@code map.*}). */
	public boolean isFamily() {
		return key.endsWith(".*");
	}

	/** Whether {@code candidate} is this parameter's key or belongs to its family. */
	public boolean matches(String candidate) {
		if (isFamily()) {
			String prefix = key.substring(0, key.length() - 1);
			return candidate.startsWith(prefix) && candidate.length() > prefix.length();
		}
		return key.equals(candidate);
	}

	/** Reads a value of this parameter's type; throws {@link ParameterException} naming the key. */
	public Object parse(String raw) {
		return parse(key, raw);
	}

	Object parse(String actualKey, String raw) {
		if (raw == null) {
			throw new ParameterException(actualKey, "has no value");
		}
		String text = raw.trim();
		try {
			Object value = switch (type) {
			case STRING -> raw;
			case INTEGER -> Long.valueOf(text);
			case DECIMAL -> new BigDecimal(text);
			case BOOLEAN -> parseBoolean(actualKey, text);
			case DATE -> LocalDate.parse(text);
			case DURATION -> parseDuration(actualKey, text);
			case CHOICE -> parseChoice(actualKey, text);
			case LIST -> text.isEmpty() ? List.<String>of()
					: Arrays.stream(text.split(",")).map(String::trim).toList();
			case PERCENT -> parsePercent(text);
			};
			checkRange(actualKey, value);
			return value;
		} catch (NumberFormatException | DateTimeParseException e) {
			throw new ParameterException(actualKey, "'" + raw + "' is not " + expected());
		}
	}

	private String expected() {
		return switch (type) {
		case STRING, LIST -> "text";
		case INTEGER -> "a whole number";
		case DECIMAL -> "a decimal number";
		case BOOLEAN -> "true or false";
		case DATE -> "an ISO date (yyyy-MM-dd)";
		case DURATION -> "a duration such as 30m, 12h, 7d";
		case CHOICE -> "one of " + choices;
		case PERCENT -> "a percentage such as 20% or a ratio such as 0.2";
		};
	}

	private void checkRange(String actualKey, Object value) {
		BigDecimal number = switch (value) {
		case Long l -> BigDecimal.valueOf(l);
		case BigDecimal d -> d;
		default -> null;
		};
		if (number == null) {
			return;
		}
		if (min != null && number.compareTo(min) < 0) {
			throw new ParameterException(actualKey, number + " is below the minimum " + min.toPlainString());
		}
		if (max != null && number.compareTo(max) > 0) {
			throw new ParameterException(actualKey, number + " is above the maximum " + max.toPlainString());
		}
	}

	private static Boolean parseBoolean(String key, String text) {
		return switch (text.toLowerCase(Locale.ROOT)) {
		case "true", "yes", "1", "on" -> Boolean.TRUE;
		case "false", "no", "0", "off" -> Boolean.FALSE;
		default -> throw new ParameterException(key, "'" + text + "' is not true or false");
		};
	}

	private String parseChoice(String key, String text) {
		for (String choice : choices) {
			if (choice.equalsIgnoreCase(text)) {
				return choice;
			}
		}
		throw new ParameterException(key, "'" + text + "' is not one of " + String.join(", ", choices));
	}

	private static BigDecimal parsePercent(String text) {
		if (text.endsWith("%")) {
			return new BigDecimal(text.substring(0, text.length() - 1).trim()).movePointLeft(2);
		}
		return new BigDecimal(text);
	}

	private static Duration parseDuration(String key, String text) {
		if (text.startsWith("P") || text.startsWith("p")) {
			return Duration.parse(text.toUpperCase(Locale.ROOT));
		}
		if (text.length() < 2) {
			throw new ParameterException(key, "'" + text + "' is not a duration such as 30m, 12h, 7d");
		}
		long amount = Long.parseLong(text.substring(0, text.length() - 1).trim());
		return switch (Character.toLowerCase(text.charAt(text.length() - 1))) {
		case 's' -> Duration.ofSeconds(amount);
		case 'm' -> Duration.ofMinutes(amount);
		case 'h' -> Duration.ofHours(amount);
		case 'd' -> Duration.ofDays(amount);
		case 'w' -> Duration.ofDays(7 * amount);
		default -> throw new ParameterException(key, "'" + text + "' is not a duration such as 30m, 12h, 7d");
		};
	}

	@Override
	public String toString() {
		return key + ":" + type + (defaultValue != null ? "=" + defaultValue : "");
	}

	/** Builds a {@link ParameterSpec}. */
	public static final class Builder {
		private final String key;
		private final ParameterType type;
		private String defaultValue;
		private LocalizedText label;
		private LocalizedText description;
		private boolean required;
		private final List<String> choices = new ArrayList<>();
		private BigDecimal min;
		private BigDecimal max;
		private boolean secret;

		private Builder(String key, ParameterType type) {
			this.key = key;
			this.type = type;
		}

		public Builder defaultValue(String value) {
			this.defaultValue = value;
			return this;
		}

		public Builder label(String en, String zh) {
			this.label = LocalizedText.of(en, zh);
			return this;
		}

		public Builder description(String en, String zh) {
			this.description = LocalizedText.of(en, zh);
			return this;
		}

		public Builder required() {
			this.required = true;
			return this;
		}

		/** Marks the value as a secret: masked wherever parameters are shown or recorded. */
		public Builder secret() {
			this.secret = true;
			return this;
		}

		public Builder choices(String... values) {
			choices.addAll(Arrays.asList(values));
			return this;
		}

		public Builder min(long value) {
			this.min = BigDecimal.valueOf(value);
			return this;
		}

		public Builder max(long value) {
			this.max = BigDecimal.valueOf(value);
			return this;
		}

		public Builder range(BigDecimal minimum, BigDecimal maximum) {
			this.min = minimum;
			this.max = maximum;
			return this;
		}

		public ParameterSpec build() {
			return new ParameterSpec(this);
		}
	}
}
