/**
 * The SQL of the engine's shared analyses (tier conversion, campaign ROI, funnels, paths) for data that stays in
 * a source: pure text builders per {@link io.custops.core.spi.SqlDialect}, with no JDBC here. The
 * caller (the source runtime) sends the text and hands the rows back; the figures are then made
 * in Java, by the same code and rounding as the in-memory run. The queries push down exact
 * counts and sums only: every ratio and every amount of money is computed here with
 * {@link java.math.BigDecimal}, since dialects differ in division (Trino keeps the decimal scale,
 * Spark and DuckDB divide whole numbers into fractions).
 */
@Version("1.2.0")
package io.custops.engine.sql;

import org.osgi.annotation.versioning.Version;
