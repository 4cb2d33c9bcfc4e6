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

	/** A mapped table. {@code first} and {@code last} are ISO date-times, or null without rows. */
	public record TableCheck(String kind, String table, long rows, String first, String last, List<ColumnCheck> columns) {
		public TableCheck {
			columns = List.copyOf(columns);
		}
	}

	/** A canonical field, its column in the source and that column's type ({@code null}: missing). */
	public record ColumnCheck(String field, String column, String type, boolean usable) {
	}
}
