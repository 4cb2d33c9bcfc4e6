package io.custops.core.spi;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

import io.custops.core.param.Parameters;

/**
 * An analysis expressed as one SQL query over the source's tables, for data that should stay in
 * the source database (PostgreSQL, Trino, Spark SQL). The query returns one row per classified
 * customer: {@code customer_id}, {@code label} (a {@link Label#id()}), then the analysis's
 * columns in {@link CustomerAnalysis#columnNames} order.
 */
public interface SqlPushdown {

	boolean supports(SqlDialect dialect);

	String query(SqlDialect dialect, SourceTables tables, LocalDate asOf, Parameters parameters);

	/**
	 * Where the canonical facts live in the source: a table (or sub-query) per kind and, for
	 * each, the source column of each canonical field that is named differently.
	 */
	record SourceTables(Map<String, String> tableByKind, Map<String, String> columnByField) {
		public SourceTables {
			tableByKind = Map.copyOf(Objects.requireNonNull(tableByKind));
			columnByField = Map.copyOf(Objects.requireNonNull(columnByField));
		}

		public String table(String kind) {
			String table = tableByKind.get(kind);
			if (table == null) {
				throw new IllegalArgumentException("no source table for " + kind);
			}
			return table;
		}

		public String column(String field) {
			return columnByField.getOrDefault(field, field);
		}
	}
}
