package io.custops.report.internal;

import java.util.Map;

import io.custops.core.spi.ReportData;

/**
 * What designs' scripts see as {@code custops}: the {@link ReportData} values by name. An unknown
 * name throws, so a typo in a design fails the render instead of printing nothing.
 */
public final class ScriptValues {

	private final Map<String, Object> values;

	ScriptValues(ReportData data) {
		this.values = data.values();
	}

	public Object value(String name) {
		if (!values.containsKey(name)) {
			throw new IllegalArgumentException("report value '" + name + "' is not in the report data; values: "
					+ values.keySet());
		}
		Object value = values.get(name);
		return ReportTableDataSet.toBirt(value);
	}

	/** The value as text ("" for null): for labels that must not be formatted as numbers. */
	public String text(String name) {
		Object value = value(name);
		return value == null ? "" : value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString();
	}

	public boolean has(String name) {
		return values.containsKey(name);
	}
}
