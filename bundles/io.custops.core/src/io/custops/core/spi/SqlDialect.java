package io.custops.core.spi;

/** The SQL dialects a {@link SqlPushdown} may be asked for. */
public enum SqlDialect {
	POSTGRESQL, TRINO, SPARK_SQL, HSQLDB, DUCKDB
}
