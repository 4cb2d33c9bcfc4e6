package io.custops.core.param;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Parameter values checked against a service's {@link ParameterSpec}s: every key is known,
 * every value has its declared type, defaults are filled in and required ones are present.
 * A service reads its values through the typed getters.
 */
public final class Parameters {

	/** How a secret value is shown in {@link #asText()}. */
	public static final String MASK = "***";

	private static final Parameters EMPTY = new Parameters(Map.of(), Map.of());

	/**
	 * A password written into a value, as JDBC URLs allow: {@code ?password=…}, {@code &pwd=…},
	 * HSQLDB's {@code ;password=…}, or the {@code user:password@host} of a URL's authority.
	 */
	private static final java.util.regex.Pattern PASSWORD_IN_VALUE = java.util.regex.Pattern
			.compile("(?i)((?:^|[?&;:\\s])(?:password|pwd|passwd|secret)\\s*=)[^&;\\s]*");
	private static final java.util.regex.Pattern PASSWORD_IN_AUTHORITY = java.util.regex.Pattern
			.compile("(//[^/:@\\s]*:)[^/@\\s]+@");

	private final Map<String, Object> values;
	private final Map<String, String> texts;

	private Parameters(Map<String, Object> values, Map<String, String> texts) {
		this.values = values;
		this.texts = texts;
	}

	public static Parameters empty() {
		return EMPTY;
	}

	/**
	 * Checks raw {@code key=value} texts against the specs.
	 *
	 * @throws ParameterException for an unknown key, a value of the wrong type, or a missing
	 *                            required parameter; the message names the key
	 */
	public static Parameters resolve(List<ParameterSpec> specs, Map<String, String> raw) {
		Map<String, Object> values = new LinkedHashMap<>();
		Map<String, String> texts = new LinkedHashMap<>();
		for (ParameterSpec spec : specs) {
			if (!spec.isFamily() && spec.defaultValue() != null) {
				values.put(spec.key(), spec.parse(spec.defaultValue()));
				texts.put(spec.key(), spec.secret() ? MASK : spec.defaultValue());
			}
		}
		for (Map.Entry<String, String> entry : raw.entrySet()) {
			String key = entry.getKey();
			ParameterSpec spec = specs.stream().filter(s -> s.matches(key)).findFirst()
					.orElseThrow(() -> new ParameterException(key, "unknown; known parameters: "
							+ specs.stream().map(ParameterSpec::key).collect(Collectors.joining(", "))));
			values.put(key, spec.parse(key, entry.getValue()));
			texts.put(key, spec.secret() ? MASK : entry.getValue());
		}
		for (ParameterSpec spec : specs) {
			if (spec.required() && !spec.isFamily() && !values.containsKey(spec.key())) {
				throw new ParameterException(spec.key(), "is required");
			}
		}
		return new Parameters(Collections.unmodifiableMap(values), Collections.unmodifiableMap(texts));
	}

	public boolean has(String key) {
		return values.containsKey(key);
	}

	public Object get(String key) {
		return values.get(key);
	}

	public String string(String key) {
		return (String) require(key);
	}

	public long integer(String key) {
		return (Long) require(key);
	}

	public int intValue(String key) {
		return Math.toIntExact(integer(key));
	}

	public BigDecimal decimal(String key) {
		return (BigDecimal) require(key);
	}

	public boolean bool(String key) {
		return (Boolean) require(key);
	}

	public LocalDate date(String key) {
		return (LocalDate) require(key);
	}

	public Duration duration(String key) {
		return (Duration) require(key);
	}

	@SuppressWarnings("unchecked")
	public List<String> list(String key) {
		return (List<String>) require(key);
	}

	/** The values of a family ({@code map.*}), keyed by the part after the prefix. */
	public Map<String, String> family(String prefix) {
		String p = prefix.endsWith(".") ? prefix : prefix + ".";
		Map<String, String> result = new LinkedHashMap<>();
		texts.forEach((k, v) -> {
			if (k.startsWith(p)) {
				result.put(k.substring(p.length()), v);
			}
		});
		return result;
	}

	/** The values as the user wrote them (or the defaults), for summaries and run records; secrets masked. */
	public Map<String, String> asText() {
		Map<String, String> shown = new LinkedHashMap<>();
		texts.forEach((k, v) -> shown.put(k, withoutCredentials(v)));
		return Collections.unmodifiableMap(shown);
	}

	/**
	 * The text with any password written into it replaced by {@link #MASK}: what a run record,
	 * the import history or a message may keep of a value such as a JDBC URL.
	 */
	public static String withoutCredentials(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		String t = PASSWORD_IN_VALUE.matcher(text).replaceAll("$1" + MASK);
		return PASSWORD_IN_AUTHORITY.matcher(t).replaceAll("$1" + MASK + "@");
	}

	private Object require(String key) {
		Object value = values.get(key);
		if (value == null) {
			throw new ParameterException(key, "has no value and no default");
		}
		return value;
	}

	@Override
	public String toString() {
		return texts.toString();
	}
}
