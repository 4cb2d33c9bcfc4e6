package io.custops.core.spi;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.osgi.annotation.versioning.ConsumerType;

import io.custops.core.param.Parameters;

/**
 * An analysis expressed as one SQL query over the source's tables, for data that stays in the
 * source database (PostgreSQL, Trino, Spark SQL, DuckDB, HSQLDB). Implemented by a plugin, for
 * its own {@link CustomerAnalysis}, and returned by {@link CustomerAnalysis#sqlPushdown()}.
 *
 * <p>The query returns one row per customer the analysis reports on: {@code customer_id}, then
 * {@code label} (a {@link Label#id()}, or NULL for a customer counted but not classified), then
 * the analysis's columns in {@link CustomerAnalysis#columnNames} order. Values are read as
 * text; a DECIMAL is written with two decimals (money), a NULL as an empty field, exactly as the
 * in-memory run writes them. The query only reads the tables of {@link SourceTables}; it must give
 * the same values as {@link CustomerAnalysis#classify} on the same facts: the same tie rules,
 * the same "as of" (only what happened before {@code asOf} 00:00 counts, in the source's
 * wall-clock time), exact quantiles.
 */
@ConsumerType
public interface SqlPushdown {

	/** Whether {@link #query} can be written for this dialect. */
	boolean supports(SqlDialect dialect);

	/**
	 * Whether {@link #query} can be written for this dialect with these parameters (some rules
	 * need window functions a dialect lacks); by default {@link #supports(SqlDialect)}.
	 */
	default boolean supports(SqlDialect dialect, Parameters parameters) {
		return supports(dialect);
	}

	/**
	 * The query, or a {@link io.custops.core.param.ParameterException} naming a parameter that
	 * cannot be pushed down (the workbench then refuses the run; it never pulls every row).
	 */
	String query(SqlDialect dialect, SourceTables tables, LocalDate asOf, Parameters parameters);

	/**
	 * The summary of a run, from what the runner counted while the rows streamed by: the same
	 * keys as {@link CustomerClassification#summary()} of the in-memory run.
	 */
	default Map<String, Object> summary(Parameters parameters, LocalDate asOf, RunCounts counts) {
		return Map.of();
	}

	/**
	 * Columns of {@link #query} whose values the runner counts, row by row, for
	 * {@link #summary}: columns of few distinct values (scores, levels). None by default.
	 *
	 * @since 1.4
	 */
	default List<String> talliedColumns(Parameters parameters) {
		return List.of();
	}

	/**
	 * What the runner counts: the customers of the source (every distinct customer id in the
	 * mapped tables), the rows the query returned, the rows per label id (NULL labels not
	 * counted there), and for each of {@link #talliedColumns} the rows per value (as text, a
	 * NULL as the empty text).
	 */
	record RunCounts(long customers, long rows, Map<String, Long> perLabel, Map<String, Map<String, Long>> perValue) {
		public RunCounts {
			perLabel = Map.copyOf(perLabel);
			Map<String, Map<String, Long>> copy = new java.util.LinkedHashMap<>();
			perValue.forEach((column, counts) -> copy.put(column, Map.copyOf(counts)));
			perValue = java.util.Collections.unmodifiableMap(copy);
		}

		/** Counts without tallied columns. */
		public RunCounts(long customers, long rows, Map<String, Long> perLabel) {
			this(customers, rows, perLabel, Map.of());
		}

		/** The rows per value of a tallied column (empty for a column not tallied). */
		public Map<String, Long> perValue(String column) {
			return perValue.getOrDefault(column, Map.of());
		}

		/** Rows with a label. */
		public long classified() {
			return perLabel.values().stream().mapToLong(Long::longValue).sum();
		}
	}

	/**
	 * Where the canonical facts live in the source: a table per kind ({@code orders},
	 * {@code events}, {@code customers}) and, for each canonical field named differently in the
	 * source, its column there.
	 */
	record SourceTables(Map<String, String> tableByKind, Map<String, String> columnByField) {

		private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*){0,2}");

		public SourceTables {
			tableByKind = Map.copyOf(Objects.requireNonNull(tableByKind));
			columnByField = Map.copyOf(Objects.requireNonNull(columnByField));
			for (String t : tableByKind.values()) {
				checkName("table", t);
			}
			for (String c : columnByField.values()) {
				checkName("column", c);
			}
		}

		/** A plain or qualified SQL name (schema.table, catalog.schema.table), checked so it cannot smuggle SQL. */
		public static String checkName(String what, String name) {
			if (name == null || !NAME.matcher(name).matches()) {
				throw new IllegalArgumentException(what + " '" + name + "' is not a plain SQL name (letters, digits, _, dots)");
			}
			return name;
		}

		public boolean has(String kind) {
			return tableByKind.containsKey(kind);
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

		/**
		 * {@code SELECT col AS field, … FROM table} over the canonical fields of a kind, for a
		 * {@code WITH} clause: the rest of the query then uses canonical names only. Customer ids
		 * are read as text (the workbench's ids are text).
		 */
		public String select(String kind, String... fields) {
			List<String> items = new ArrayList<>();
			for (String field : fields) {
				String column = column(field);
				items.add((field.equals("customer_id") || field.equals("order_id") ? "CAST(" + column + " AS VARCHAR(200))"
						: column) + " AS " + field);
			}
			return "SELECT " + String.join(", ", items) + " FROM " + table(kind);
		}
	}
}
