package io.custops.source.spark.internal;

import java.sql.Types;

/** One result column as Spark's Arrow schema describes it, with its JDBC type. */
record Column(String name, int sqlType, String typeName, boolean nullable, int precision, int scale, String className) {

	static Column of(String name, int sqlType, String typeName, boolean nullable) {
		return new Column(name, sqlType, typeName, nullable, 0, 0, javaClass(sqlType));
	}

	static Column decimal(String name, boolean nullable, int precision, int scale) {
		return new Column(name, Types.DECIMAL, "DECIMAL(" + precision + "," + scale + ")", nullable, precision, scale,
				"java.math.BigDecimal");
	}

	private static String javaClass(int sqlType) {
		return switch (sqlType) {
		case Types.BIGINT -> "java.lang.Long";
		case Types.INTEGER -> "java.lang.Integer";
		case Types.SMALLINT -> "java.lang.Short";
		case Types.TINYINT -> "java.lang.Byte";
		case Types.DOUBLE -> "java.lang.Double";
		case Types.REAL -> "java.lang.Float";
		case Types.BOOLEAN -> "java.lang.Boolean";
		case Types.DATE -> "java.sql.Date";
		case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> "java.sql.Timestamp";
		case Types.VARBINARY -> "[B";
		case Types.NULL -> "java.lang.Object";
		default -> "java.lang.String";
		};
	}
}
