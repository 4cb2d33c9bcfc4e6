package io.custops.core.spi;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The SQL dialects a {@link SqlPushdown} may be asked for, with the few expressions that are
 * written differently in each (integer division, differences of days and seconds, ordered
 * string aggregation). A pushdown writes portable SQL and asks its dialect for these, so that one
 * query text serves every engine. Arguments are SQL expressions, inserted as given.
 */
public enum SqlDialect {
	POSTGRESQL("postgresql"), TRINO("trino"), SPARK_SQL("spark"), HSQLDB("hsqldb"), DUCKDB("duckdb");

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

	private final String id;

	SqlDialect(String id) {
		this.id = id;
	}

	/** The dialect's name in messages and documents: {@code postgresql}, {@code trino}, {@code spark}, … */
	public String id() {
		return id;
	}

	/**
	 * The dialect of a source URL: {@code jdbc:postgresql:}, {@code jdbc:trino:}, {@code jdbc:duckdb:},
	 * {@code jdbc:hsqldb:}, and {@code sc://HOST:PORT} (Spark Connect) or {@code jdbc:sc:} for Spark SQL.
	 */
	public static Optional<SqlDialect> ofUrl(String url) {
		String u = url == null ? "" : url.strip().toLowerCase(Locale.ROOT);
		if (u.startsWith("jdbc:postgresql:")) {
			return Optional.of(POSTGRESQL);
		} else if (u.startsWith("jdbc:trino:")) {
			return Optional.of(TRINO);
		} else if (u.startsWith("jdbc:duckdb:")) {
			return Optional.of(DUCKDB);
		} else if (u.startsWith("jdbc:hsqldb:")) {
			return Optional.of(HSQLDB);
		} else if (u.startsWith("sc://") || u.startsWith("jdbc:sc:") || u.startsWith("jdbc:spark:")) {
			return Optional.of(SPARK_SQL);
		}
		return Optional.empty();
	}

	/** The dialect with this {@link #id()}. */
	public static Optional<SqlDialect> ofId(String id) {
		for (SqlDialect d : values()) {
			if (d.id.equals(id)) {
				return Optional.of(d);
			}
		}
		return Optional.empty();
	}

	/**
	 * Whole-number division truncating toward zero of two whole-number expressions. Plain {@code /}
	 * is a fraction on Spark and DuckDB, and on PostgreSQL a {@code SUM} of integers is
	 * {@code numeric}: both sides are cast to BIGINT first.
	 */
	public String intDiv(String dividend, String divisor) {
		String a = "CAST(" + dividend + " AS BIGINT)";
		String b = "CAST(" + divisor + " AS BIGINT)";
		return switch (this) {
		case DUCKDB -> "(" + a + " // " + b + ")";
		case SPARK_SQL -> "(" + a + " div " + b + ")";
		default -> "(" + a + " / " + b + ")";
		};
	}

	/** The number of days from one DATE expression to a later one ({@code to - from}). */
	public String daysBetween(String from, String to) {
		return switch (this) {
		case POSTGRESQL -> "(" + to + " - " + from + ")";
		case SPARK_SQL -> "datediff(" + to + ", " + from + ")";
		case HSQLDB -> "DATEDIFF('day', " + from + ", " + to + ")";
		default -> "date_diff('day', " + from + ", " + to + ")";
		};
	}

	/** Whole seconds from one TIMESTAMP expression to another ({@code to - from}), as BIGINT. */
	public String secondsBetween(String from, String to) {
		return switch (this) {
		case POSTGRESQL -> "CAST(EXTRACT(EPOCH FROM (" + to + " - " + from + ")) AS BIGINT)";
		case SPARK_SQL -> "timestampdiff(SECOND, " + from + ", " + to + ")";
		case HSQLDB -> "DATEDIFF('second', " + from + ", " + to + ")";
		default -> "date_diff('second', " + from + ", " + to + ")";
		};
	}

	/** A DATE literal. */
	public String date(LocalDate date) {
		return "DATE '" + date + "'";
	}

	/** A TIMESTAMP (without time zone) literal: the wall-clock time the source keeps. */
	public String timestamp(LocalDateTime time) {
		return "TIMESTAMP '" + TIMESTAMP.format(time) + "'";
	}

	/** The local day of a TIMESTAMP expression, as a DATE. */
	public String dayOf(String timestamp) {
		return "CAST(" + timestamp + " AS DATE)";
	}

	/** {@code expression + days}, days being a whole number, on a TIMESTAMP expression. */
	public String plusDays(String timestamp, long days) {
		return "(" + timestamp + " + INTERVAL '" + days + "' DAY)";
	}

	/** {@code timestamp + seconds}, seconds being a whole-number SQL expression. */
	public String plusSeconds(String timestamp, String seconds) {
		return switch (this) {
		case POSTGRESQL -> "(" + timestamp + " + (" + seconds + ") * INTERVAL '1 second')";
		case TRINO -> "date_add('second', " + seconds + ", " + timestamp + ")";
		case DUCKDB -> "(" + timestamp + " + to_seconds(" + seconds + "))";
		case SPARK_SQL -> "timestampadd(SECOND, " + seconds + ", " + timestamp + ")";
		case HSQLDB -> "TIMESTAMPADD(SQL_TSI_SECOND, " + seconds + ", " + timestamp + ")";
		};
	}

	/**
	 * The values of a text expression of each group joined by a separator in the order of a
	 * whole-number expression (an aggregate).
	 */
	public String orderedJoin(String value, String order, String separator) {
		String sep = literal(separator);
		return switch (this) {
		case TRINO -> "array_join(array_agg(" + value + " ORDER BY " + order + "), " + sep + ")";
		case SPARK_SQL -> "array_join(transform(array_sort(collect_list(named_struct('o', " + order + ", 'v', " + value
				+ "))), x -> x.v), " + sep + ")";
		case HSQLDB -> "GROUP_CONCAT(" + value + " ORDER BY " + order + " SEPARATOR " + sep + ")";
		default -> "string_agg(" + value + ", " + sep + " ORDER BY " + order + ")";
		};
	}

	/**
	 * A text value in a result, as VARCHAR: on HSQLDB a CASE of plain literals is CHAR, padded
	 * with blanks to its longest branch.
	 */
	public String text(String value) {
		return this == HSQLDB ? "CAST(" + literal(value) + " AS VARCHAR(" + Math.max(1, value.length()) + "))" : literal(value);
	}

	/** A text literal, quotes doubled. */
	public static String literal(String text) {
		return "'" + text.replace("'", "''") + "'";
	}
}
