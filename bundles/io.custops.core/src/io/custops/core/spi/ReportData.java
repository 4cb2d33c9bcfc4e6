package io.custops.core.spi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The data of one report run: named tables for the design's data sets, and named single
 * values (title, period, totals) for its labels.
 */
public final class ReportData {

	private final Map<String, Table> tables = new LinkedHashMap<>();
	private final Map<String, Object> values = new LinkedHashMap<>();

	public ReportData table(String name, Table table) {
		tables.put(Objects.requireNonNull(name), Objects.requireNonNull(table));
		return this;
	}

	public ReportData value(String name, Object value) {
		values.put(Objects.requireNonNull(name), value);
		return this;
	}

	public Map<String, Table> tables() {
		return tables;
	}

	public Map<String, Object> values() {
		return values;
	}

	/** Rows of values (String, Long, Integer, Double, BigDecimal, LocalDate) under column names. */
	public record Table(List<String> columns, List<Object[]> rows) {
		public Table {
			columns = List.copyOf(columns);
			rows = List.copyOf(rows);
			for (Object[] row : rows) {
				if (row.length != columns.size()) {
					throw new IllegalArgumentException("row of " + row.length + " values for columns " + columns);
				}
			}
		}
	}
}
