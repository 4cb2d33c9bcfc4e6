package io.custops.source;

import java.util.Map;

import io.custops.core.spi.SqlDialect;
import io.custops.core.spi.SqlPushdown.RunCounts;

/**
 * What a pushed-down run did: the dialect, the SQL sent, what was counted and the analysis's
 * summary (the same keys as the in-memory run), and how long the engine took.
 */
public record PushdownRun(SqlDialect dialect, String sql, RunCounts counts, Map<String, Object> summary, long millis) {
}
