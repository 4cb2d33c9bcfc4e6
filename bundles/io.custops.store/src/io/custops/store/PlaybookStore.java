package io.custops.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The playbooks of a workspace and their runs ({@link Workspace#playbooks()}). The claim on a
 * playbook is how the scheduler keeps one from running twice at once: the same rule as report
 * schedules (a claim of this process whose lease holds refuses another; one of another process
 * is stale, since one process owns a workspace, and is taken over, its running runs recorded as
 * interrupted).
 */
public interface PlaybookStore {

	/** Every playbook, by id. */
	List<PlaybookRecord> list() throws WorkspaceException;

	Optional<PlaybookRecord> get(String id) throws WorkspaceException;

	/**
	 * Stores a new playbook; its first due time is the first after {@code lastDue}.
	 *
	 * @throws IllegalArgumentException when a playbook of that id exists
	 */
	PlaybookRecord add(PlaybookRecord playbook, Instant lastDue) throws WorkspaceException;

	/** Forgets a playbook (its runs and campaigns stay); false when there was none of that id. */
	boolean remove(String id) throws WorkspaceException;

	/** Takes the claim on a playbook for a run; false when it is held (or there is no such playbook). */
	boolean claim(String id, String owner, Instant now, Instant leaseUntil) throws WorkspaceException;

	/** Releases a claim and, when given, moves the last due time on. */
	void release(String id, String owner, Instant lastDue) throws WorkspaceException;

	/** Records a run as started (status {@code running}) or, for a missed one, whole; returns its id. */
	long startRun(PlaybookRun run) throws WorkspaceException;

	/** Records how a run ended. */
	void finishRun(PlaybookRun run) throws WorkspaceException;

	/**
	 * Recorded runs, newest first.
	 *
	 * @param playbookId one playbook's, or null for all
	 * @param limit      at most this many (0 or less: all)
	 */
	List<PlaybookRun> runs(String playbookId, int limit) throws WorkspaceException;
}
