package io.custops.store;

import java.util.List;

/** The workspace's audit log ({@link Workspace#audit()}): actions that take data out of it. */
public interface AuditLog {

	/** Records an action now, as the current user, host and process; returns the entry. */
	AuditEntry record(AuditEntry.Action action) throws WorkspaceException;

	/** The entries about a subject (a campaign id), or all when {@code subject} is null; oldest first. */
	List<AuditEntry> entries(String subject) throws WorkspaceException;
}
