package io.custops.source;

import java.util.List;

/**
 * What {@code source test} found: per mapped table its rows, the range of its time column, and
 * per canonical field the source column and its type; problems say what is wrong where.
 */
public record SourceCheck(String id, String dialect, String product, List<TableCheck> tables, List<String> problems) {

	public SourceCheck {
		tables = List.copyOf(tables);
		problems = List.copyOf(problems);
	}

	public boolean ok() {
		return problems.isEmpty();
	}

	/**
	 * A mapped table. {@code first} and {@code last} are ISO date-times, or null without rows.
	 * {@code otherColumns} are the table's columns that no canonical field maps (a customers
	 * table's attributes, by which a funnel can be broken down); {@code eventTypes} are the
	 * distinct event types of an events table, the most frequent first (empty for other tables).
	 */
	public record TableCheck(String kind, String table, long rows, String first, String last, List<ColumnCheck> columns,
			List<String> otherColumns, List<String> eventTypes) {
		public TableCheck {
			columns = List.copyOf(columns);
			otherColumns = List.copyOf(otherColumns);
			eventTypes = List.copyOf(eventTypes);
		}

		/** A table checked without its other columns and event types (1.1 callers). */
		public TableCheck(String kind, String table, long rows, String first, String last, List<ColumnCheck> columns) {
			this(kind, table, rows, first, last, columns, List.of(), List.of());
		}
	}

	/** A canonical field, its column in the source and that column's type ({@code null}: missing). */
	public record ColumnCheck(String field, String column, String type, boolean usable) {
	}
}
