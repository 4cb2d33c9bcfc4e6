package io.custops.ui.internal.views;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.custops.core.param.ParameterSpec;
import io.custops.ui.internal.session.UiPreferences;

/** The analyst's preferences as parameter values, for the keys a service declares. */
final class Defaults {

	private Defaults() {
	}

	static Map<String, String> of(List<ParameterSpec> parameters, UiPreferences preferences) {
		Map<String, String> values = new LinkedHashMap<>();
		preferences.parameterDefaults().forEach((key, value) -> {
			if (parameters.stream().anyMatch(p -> !p.isFamily() && p.key().equals(key))) {
				values.put(key, value);
			}
		});
		return values;
	}
}
