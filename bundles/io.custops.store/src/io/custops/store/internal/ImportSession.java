package io.custops.store.internal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Map;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.FactKind;
import io.custops.core.spi.RecordSink;

/**
 * The sink a connector writes one import into: checks each row (through the kind's
 * {@link FactWriter}), keeps the rejected ones, counts everything, and stops the connector
 * when more rows than {@code maxRejects} were rejected.
 */
final class ImportSession implements RecordSink {

	final Connection connection;
	final String importId;
	final FactKind kind;
	final ZoneId zone;
	final boolean lines;
	final ProgressMonitor monitor;
	final RejectsFile rejects;
	/** The columnar set the kind feeds, or null. */
	final String columnSet;
	private final long maxRejects;
	private final FactWriter writer;

	long read;
	long imported;
	long rejected;
	long unchanged;
	long nextEventSeq;

	/** The fact set's files the rows go to (orders, events), or null: they go to the database. */
	ColumnStore.Writer facts;
	/** Whether rows held before were changed (a copied set must then be rebuilt). */
	boolean changedExisting;
	/** Why the import stopped, when the sink stopped it. */
	String abortReason;
	Throwable abortCause;

	ImportSession(Connection connection, String importId, FactKind kind, ZoneId zone, long maxRejects, boolean lines,
			ProgressMonitor monitor, RejectsFile rejects, long nextEventSeq) {
		this.connection = connection;
		this.importId = importId;
		this.kind = kind;
		this.zone = zone;
		this.maxRejects = maxRejects;
		this.lines = lines;
		this.monitor = monitor;
		this.rejects = rejects;
		this.nextEventSeq = nextEventSeq;
		this.columnSet = switch (kind) {
		case ORDERS -> ColumnStore.ORDERS;
		case EVENTS -> ColumnStore.EVENTS;
		case CUSTOMERS -> ColumnStore.CUSTOMERS;
		default -> null;
		};
		this.writer = switch (kind) {
		case ORDERS -> new OrdersWriter(this);
		case CUSTOMERS -> new CustomersWriter(this);
		case EVENTS -> new EventsWriter(this);
		case CAMPAIGNS -> new CampaignsWriter(this);
		case CAMPAIGN_MEMBERS -> new MembersWriter(this);
		case TAGS -> new TagsWriter(this);
		};
	}

	@Override
	public void accept(long line, Map<String, String> fields, String raw) {
		checkRunning();
		read++;
		if ((read & 1023) == 0) {
			monitor.checkCanceled();
		}
		try {
			FactWriter.Row row;
			try {
				row = writer.parse(line, fields, raw);
			} catch (Canonical.BadValue bad) {
				rejectRow(line, bad.field, bad.getMessage(), raw);
				return;
			}
			writer.add(row);
		} catch (SQLException | IOException e) {
			throw abort("cannot write to the workspace: " + e.getMessage(), e);
		}
	}

	@Override
	public void reject(long line, String field, String reason, String raw) {
		checkRunning();
		read++;
		rejectRow(line, field, reason, raw);
	}

	/** Keeps a rejected row (already counted in {@link #read}). */
	void rejectRow(long line, String field, String reason, String raw) {
		rejected++;
		try {
			rejects.write(line, field, reason, raw);
		} catch (IOException e) {
			throw abort("cannot write the rejects file " + rejects.path() + ": " + e.getMessage(), e);
		}
		if (maxRejects >= 0 && rejected > maxRejects) {
			throw abort("more than " + maxRejects + " rows rejected (maxRejects=" + maxRejects
					+ "); nothing was imported; the rejected rows are in " + rejects.path(), null);
		}
	}

	/** Writes what is still buffered; called once the connector has read everything. */
	void finish() throws SQLException, IOException {
		checkRunning();
		writer.finish();
		checkRunning();
		rejects.flush();
	}

	private void checkRunning() {
		if (abortReason != null) {
			throw new ImportAborted(abortReason, abortCause);
		}
	}

	private ImportAborted abort(String reason, Throwable cause) {
		abortReason = reason;
		abortCause = cause;
		return new ImportAborted(reason, cause);
	}

	void progress(long rows) {
		monitor.worked(rows);
	}
}
