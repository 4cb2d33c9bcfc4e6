package io.custops.source;

import java.util.List;

/**
 * A temporary table a shared analysis needs in the source before its query (the campaign
 * members for ROI): created by {@code create}, filled by the prepared {@code insert} with one
 * parameter per column (text), in batches. It lives in the connection's session only and is
 * gone when the run ends: the one write a pushed-down analysis makes besides {@code --into}.
 */
public record Upload(String create, String insert, Iterable<String[]> rows) {
}
