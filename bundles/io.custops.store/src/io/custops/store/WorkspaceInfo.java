package io.custops.store;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.custops.core.data.FactKind;

/**
 * A summary of a workspace: how many facts of each kind it holds, the time span of its orders
 * and events (local times of the workspace zone) and the history of its imports, newest first.
 *
 * @param counts     rows per kind (every kind is present, 0 when none)
 * @param orderLines order lines held for orders imported as lines
 * @param tags       manual tags (customer, tag pairs)
 */
public record WorkspaceInfo(Path directory, ZoneId zone, int schemaVersion, Map<FactKind, Long> counts,
		long orderLines, long tags, Optional<TimeRange> orders, Optional<TimeRange> events,
		List<ImportRecord> imports) {

	/** The first and last time of a kind of fact. */
	public record TimeRange(LocalDateTime first, LocalDateTime last) {
	}

	/**
	 * One import in the history.
	 *
	 * @param state    {@code done}, {@code failed} (nothing was kept) or {@code interrupted} (the
	 *                 process was killed; undone when the workspace was next opened)
	 * @param source   the file, or what the connector read
	 * @param finished null for an interrupted import
	 * @param message  why it failed, or null
	 */
	public record ImportRecord(String importId, FactKind kind, String connector, String source,
			Map<String, String> parameters, String user, String host, long pid, String state, Instant started,
			Instant finished, long read, long imported, long rejected, long unchanged, Path rejectsFile,
			String message) {
	}
}
