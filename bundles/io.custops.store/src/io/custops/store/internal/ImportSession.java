package io.custops.store.internal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.FactKind;
import io.custops.core.spi.BlockSink;
import io.custops.core.spi.RowBlock;

/**
 * The sink a connector writes one import into: checks each row (through the kind's
 * {@link FactWriter}), keeps the rejected ones, counts everything, and stops the connector
 * when more rows than {@code maxRejects} were rejected.
 *
 * <p>The connector reads on its own thread while the rows are checked and stored on another
 * ({@link #pipelined}): reading a file and storing its rows are each about half the work, and
 * an analyst's machine has more than one core. Rows pass in batches, in order, so the rejects
 * file, the counts and the stored rows are exactly those of a single thread.
 */
final class ImportSession implements BlockSink {

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

	/** Rows handed to the storing thread: line, checked row (null for a rejected one), raw, rejection. */
	private static final int BATCH = 2048;
	private static final Object[] END = new Object[0];
	private java.util.concurrent.BlockingQueue<Object> queue;
	private Thread storing;
	private Object[] batch;
	private int batched;
	/** What stopped the storing thread, seen by the connector's thread at its next row. */
	private volatile Throwable storingFailure;
	private volatile boolean stopping;

	/** About how many rows the source holds (0: unknown), to size the lookups up front. */
	long expectedRows;
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
	volatile String abortReason;
	volatile Throwable abortCause;

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

	/**
	 * Stores rows on a thread of their own from now on; {@link #finish} or {@link #stop} ends it.
	 */
	void pipelined() {
		queue = new java.util.concurrent.ArrayBlockingQueue<>(8);
		batch = new Object[BATCH * 4];
		storing = new Thread(this::storeBatches, "custops-store-" + importId);
		storing.setDaemon(true);
		storing.start();
	}

	/** The source's column of each canonical field it maps (written by the connector's thread before its rows). */
	private volatile Map<String, String> sourceColumns = Map.of();

	@Override
	public void sourceColumns(Map<String, String> columnOfField) {
		sourceColumns = columnOfField == null ? Map.of() : Map.copyOf(columnOfField);
	}

	@Override
	public void accept(long line, Map<String, String> fields, String raw) {
		accept(line, fields, null, raw);
	}

	@Override
	public void accept(long line, Map<String, String> fields, Map<String, String> sourceValues, String raw) {
		if (queue != null) {
			// checked here, stored there: the two threads share the work about equally
			FactWriter.Row row;
			try {
				row = parse(line, fields, raw);
			} catch (Canonical.BadValue bad) {
				hand(line, null, raw, new String[] { bad.field, sourceReason(bad, fields, sourceValues) });
				return;
			}
			hand(line, row, raw, null);
			return;
		}
		checkRunning();
		read++;
		if ((read & 1023) == 0) {
			monitor.checkCanceled();
		}
		FactWriter.Row row;
		try {
			row = parse(line, fields, raw);
		} catch (Canonical.BadValue bad) {
			rejectRow(line, bad.field, sourceReason(bad, fields, sourceValues), raw);
			return;
		}
		store(row);
	}

	/** The reason quoting the source's own text of the field at fault, when the connector converted it. */
	private static String sourceReason(Canonical.BadValue bad, Map<String, String> fields, Map<String, String> sourceValues) {
		String reason = bad.getMessage();
		if (sourceValues == null || bad.field == null || bad.field.isEmpty()) {
			return reason;
		}
		return Reasons.withSourceValue(reason, fields.get(bad.field), sourceValues.get(bad.field));
	}

	/** The writer's parse, after the limits every kind shares (docs/formats.md, "Limits"). */
	private FactWriter.Row parse(long line, Map<String, String> fields, String raw) throws Canonical.BadValue {
		// the field first: its name tells the user more than the row's length
		for (Map.Entry<String, String> e : fields.entrySet()) {
			String value = e.getValue();
			if (value != null && value.length() > Canonical.MAX_FIELD) {
				throw new Canonical.BadValue(e.getKey(), e.getKey() + " is " + value.length()
						+ " characters long; a field holds at most " + Canonical.MAX_FIELD + " (64 KiB)");
			}
		}
		if (raw != null && raw.length() > Canonical.MAX_LINE) {
			throw new Canonical.BadValue("", "the row is " + raw.length() + " characters long; a row holds at most "
					+ Canonical.MAX_LINE + " (1 MiB)");
		}
		return writer.parse(line, fields, raw);
	}

	private void store(FactWriter.Row row) {
		try {
			writer.add(row);
		} catch (SQLException | IOException e) {
			throw abort("cannot write to the workspace: " + e.getMessage(), e);
		}
	}

	/** The connector's notes about the whole source, in order (at most a few; the connector's thread). */
	final List<String> notes = new ArrayList<>();

	@Override
	public void note(String message) {
		if (message != null && !message.isBlank() && notes.size() < 20) {
			notes.add(message.strip());
		}
	}

	@Override
	public void reject(long line, String field, String reason, String raw) {
		if (queue != null) {
			hand(line, null, raw, new String[] { field, reason });
			return;
		}
		checkRunning();
		read++;
		rejectRow(line, field, reason, raw);
	}

	private long handed;

	/** On the connector's thread: adds a checked row or a rejection to the batch, handing it over when full. */
	private void hand(long line, FactWriter.Row row, String raw, String[] rejection) {
		checkRunning();
		if ((++handed & 1023) == 0) {
			monitor.checkCanceled();
		}
		int at = batched * 4;
		batch[at] = line;
		batch[at + 1] = row;
		batch[at + 2] = raw;
		batch[at + 3] = rejection;
		if (++batched == BATCH) {
			handOver(batch);
			batch = new Object[BATCH * 4];
			batched = 0;
		}
	}

	/** On the connector's thread: the next thread's turn (the parsing one once blocks come, else the storing one). */
	private void handOver(Object rows) {
		if (parsing != null) {
			handOver(parseQueue, parsing, "parsing", rows);
		} else {
			handOver(queue, storing, "storing", rows);
		}
	}

	private void handOver(java.util.concurrent.BlockingQueue<Object> to, Thread next, String role, Object rows) {
		try {
			while (!to.offer(rows, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
				checkRunning();
				if (!next.isAlive()) {
					throw abort("the import's " + role + " thread ended", storingFailure);
				}
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw abort("interrupted", e);
		}
	}

	/**
	 * Blocks are parsed on a thread of their own, between the connector's and the storing one:
	 * reading and delimiting a file, parsing and coding its values, and storing the rows are each
	 * about a third of an import, and the three overlap. Started with the first block.
	 */
	private Thread parsing;
	private java.util.concurrent.BlockingQueue<Object> parseQueue;

	private void startParsing() {
		parseQueue = new java.util.concurrent.ArrayBlockingQueue<>(4);
		parsing = new Thread(this::parseBlocks, "custops-parse-" + importId);
		parsing.setDaemon(true);
		parsing.start();
	}

	/** The parsing thread: parses blocks and passes everything on to the storing thread, in order. */
	private void parseBlocks() {
		try {
			while (true) {
				Object taken = parseQueue.take();
				if (stopping) {
					return;
				}
				if (taken instanceof BlockBatch block) {
					parse(block);
				}
				handOver(queue, storing, "storing", taken);
				if (taken == END) {
					return;
				}
			}
		} catch (Throwable t) {
			failed(t, "cannot parse the rows: ");
			parseQueue.clear(); // the connector may be waiting to hand over a block
		}
	}

	/** The storing thread: the rows of each batch as {@link #accept} and {@link #reject} took them. */
	private void storeBatches() {
		try {
			while (true) {
				Object taken = queue.take();
				if (taken == END || stopping) {
					return;
				}
				if (taken instanceof BlockBatch block) {
					storeBlock(block);
					continue;
				}
				Object[] rows = (Object[]) taken;
				for (int i = 0; i < rows.length && rows[i] != null; i += 4) {
					long line = (Long) rows[i];
					FactWriter.Row row = (FactWriter.Row) rows[i + 1];
					read++;
					if (row == null) {
						String[] rejection = (String[]) rows[i + 3];
						rejectRow(line, rejection[0], rejection[1], (String) rows[i + 2]);
					} else {
						store(row);
					}
				}
			}
		} catch (Throwable t) {
			failed(t, "cannot store the rows: ");
			queue.clear(); // the connector may be waiting to hand over a batch
		}
	}

	/** What stopped a thread of the import, for the connector's thread to report at its next row. */
	private void failed(Throwable t, String what) {
		storingFailure = t;
		if (abortReason == null) {
			abortReason = t instanceof ImportAborted ? t.getMessage() : what + t;
			abortCause = t instanceof ImportAborted ? t.getCause() : t;
		}
	}

	// ---------------------------------------------------------------- blocks

	/** A block's rows as the connector's thread parsed them, for the storing thread. */
	private static final class BlockBatch {
		RowBlock block;
		final PlainRows plain;
		/** Per row: null when parsed into {@link #plain}, a checked Row, a rejection, or {@link #CONNECTOR_REJECTED}. */
		Object[] parsed;

		/** The rows parsed into {@link #plain}, and room for their values' hashes (see FactLayout.code). */
		final int[] plainRows;
		int plainCount;
		final int[] hashes;
		/** Per row, its identity key (see FactWriter.plainKeys), computed a block at a time. */
		final long[] keys;
		/** Room for a run of new rows (see storeBlock): their slots, and their lines by slot. */
		final int[] run;
		final long[] lines;

		BlockBatch(RowBlock block, int columns) {
			this.block = block;
			this.plain = new PlainRows(columns, block.capacity());
			this.parsed = new Object[block.capacity()];
			this.plainRows = new int[block.capacity()];
			this.hashes = new int[block.capacity()];
			this.keys = new long[block.capacity()];
			this.run = new int[block.capacity()];
			this.lines = new long[block.capacity()];
		}
	}

	private static final Object CONNECTOR_REJECTED = new Object();
	/** Batches stored, each holding an emptied block: handed back to the connector to refill. */
	private final java.util.concurrent.ConcurrentLinkedQueue<BlockBatch> spent = new java.util.concurrent.ConcurrentLinkedQueue<>();
	private java.util.List<String> blockFields;
	/** Per column of the kind's table, the field of the blocks that holds it, or -1. */
	private int[] fieldOf;
	private long[] none;

	/**
	 * Rows a block at a time: orders and events in their plain forms are parsed from the bytes
	 * here and stored from them there; every other row takes the way of {@link #accept(long, Map, String)}.
	 */
	@Override
	public RowBlock accept(RowBlock block) {
		if (queue == null || !writer.parsesPlain() || !plainFields(block.fields())) {
			block.replay(this);
			block.clear();
			return block;
		}
		checkRunning();
		if (batched > 0) { // rows handed one by one before: they go first
			batch[batched * 4] = null;
			handOver(batch);
			batch = new Object[BATCH * 4];
			batched = 0;
		}
		BlockBatch parsed = spent.poll();
		RowBlock next;
		if (parsed == null || parsed.block.capacity() < block.capacity()) {
			parsed = new BlockBatch(block, writer.table.columns.size());
			next = new RowBlock(block.fields(), block.capacity());
		} else {
			next = parsed.block;
			parsed.block = block;
		}
		if (parsing == null) {
			startParsing();
		}
		handed += block.rows();
		monitor.checkCanceled();
		handOver(parsed);
		return next;
	}

	/** Whether every field of the blocks is a column of the table (else a row must be parsed as text). */
	private boolean plainFields(java.util.List<String> fields) {
		if (fields.equals(blockFields)) {
			return fieldOf != null;
		}
		blockFields = fields;
		Table table = writer.table;
		int[] of = new int[table.columns.size()];
		java.util.Arrays.fill(of, -1);
		for (int f = 0; f < fields.size(); f++) {
			int column = table.index(fields.get(f));
			if (column < 0) {
				return (fieldOf = null) != null;
			}
			of[column] = f;
		}
		fieldOf = of;
		none = writer.layout().none();
		return true;
	}

	private void parse(BlockBatch batch) {
		// locals, not fields: the storing thread writes this object's counters all along, and a
		// field read per row would share their cache line
		RowBlock block = batch.block;
		PlainRows plain = batch.plain;
		FactWriter writer = this.writer;
		FactLayout layout = writer.layout();
		ColumnStore.Writer facts = this.facts;
		int[] fieldOf = this.fieldOf;
		long[] none = this.none;
		parse(batch, block, plain, writer, layout, facts, fieldOf, none);
	}

	private static void parse(BlockBatch batch, RowBlock block, PlainRows plain, FactWriter writer, FactLayout layout,
			ColumnStore.Writer facts, int[] fieldOf, long[] none) {
		int plainCount = 0;
		plain.clear(block.rows(), none);
		for (int row = 0; row < block.rows(); row++) {
			if (block.isRejected(row)) {
				batch.parsed[row] = CONNECTOR_REJECTED;
				continue;
			}
			if (writer.parsePlain(block, row, fieldOf, plain, row)) {
				batch.parsed[row] = null;
				batch.plainRows[plainCount++] = row;
				continue;
			}
			try {
				batch.parsed[row] = writer.parse(block.line(row), block.map(row), block.raw(row));
			} catch (Canonical.BadValue bad) {
				batch.parsed[row] = new String[] { bad.field, bad.getMessage() };
			}
		}
		batch.plainCount = plainCount;
		writer.plainKeys(plain, batch.plainRows, plainCount, block.bytes(), batch.keys);
		try {
			layout.code(facts, plain, batch.plainRows, plainCount, block.bytes(), batch.hashes, false);
		} catch (IOException e) {
			throw new ImportAborted("cannot write to the workspace: " + e.getMessage(), e);
		}
	}

	/**
	 * The storing thread: a parsed block's rows in order. New rows parsed from bytes are gathered
	 * into runs written column by column; a row whose key is held, or any other row, ends a run.
	 */
	private void storeBlock(BlockBatch batch) {
		RowBlock block = batch.block;
		int rows = block.rows();
		int appended = 0;
		int[] run = batch.run;
		int pending = 0;
		read += rows; // once a block: the parsing thread reads this object's fields all along
		try {
			ColumnStore.Writer facts = this.facts;
			writer.layout().code(facts, batch.plain, batch.plainRows, batch.plainCount, block.bytes(), batch.hashes, true);
			writer.prepareKeys(batch.plainRows, batch.plainCount, batch.keys);
			for (int row = 0; row < rows; row++) {
				Object parsed = batch.parsed[row];
				if (parsed == null && writer.claim(block, row, batch.keys[row], pending)) {
					run[pending++] = row;
					continue;
				}
				writer.appendRun(block, batch.plain, run, pending, batch.lines, batch.keys);
				appended += pending;
				pending = 0;
				if (parsed == null) {
					writer.addHeld(block, row, batch.plain, row, batch.keys[row]);
				} else if (parsed instanceof FactWriter.Row checked) {
					store(checked);
				} else if (parsed == CONNECTOR_REJECTED) {
					rejectRow(block.line(row), block.rejectedField(row), block.rejection(row), block.raw(row));
				} else {
					String[] rejection = (String[]) parsed;
					rejectRow(block.line(row), rejection[0], rejection[1], block.raw(row));
				}
			}
			writer.appendRun(block, batch.plain, run, pending, batch.lines, batch.keys);
			appended += pending;
		} catch (SQLException | IOException e) {
			throw abort("cannot write to the workspace: " + e.getMessage(), e);
		}
		imported += appended;
		progress(appended); // the other rows are counted where they are stored
		block.clear();
		Object[] parsed = batch.parsed;
		for (int row = 0; row < rows; row++) { // not Arrays.fill: see RowBlock.clear
			parsed[row] = null;
		}
		spent.offer(batch);
	}

	/** Ends the storing thread without storing more (the import failed); waits for it. */
	void stop() {
		if (storing == null) {
			return;
		}
		stopping = true;
		try {
			if (parsing != null) {
				parseQueue.clear();
				parseQueue.offer(END);
				parsing.join(60_000);
				parsing = null;
			}
			queue.clear();
			queue.offer(END);
			storing.join(60_000);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		storing = null;
	}

	/** Keeps a rejected row (already counted in {@link #read}). */
	void rejectRow(long line, String field, String canonicalReason, String raw) {
		rejected++;
		String reason = Reasons.withColumn(canonicalReason, field, sourceColumns);
		if (firstRejects.size() < FIRST_REJECTS) {
			firstRejects.add("line " + line + (field == null || field.isEmpty() ? "" : ", " + field) + ": " + reason);
		}
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

	/** How many rejects an import that rejected every row quotes in its message. */
	private static final int FIRST_REJECTS = 3;
	/** The first rejects' reasons, for that message (written on the storing thread, read after it ended). */
	private final List<String> firstRejects = new ArrayList<>(FIRST_REJECTS);

	/** Writes what is still buffered; called once the connector has read everything. */
	void finish() throws SQLException, IOException {
		if (storing != null) {
			if (batched > 0) {
				batch[batched * 4] = null;
				handOver(batch);
				batched = 0;
			}
			handOver(END);
			try {
				if (parsing != null) {
					parsing.join();
					parsing = null;
				}
				storing.join();
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw abort("interrupted", e);
			}
			storing = null;
			queue = null;
		}
		checkRunning();
		writer.finish();
		checkRunning();
		rejects.flush();
		if (read > 0 && rejected == read) {
			// nothing usable: bad input, reported as such (the rejected rows are kept with their reasons)
			throw abort("every one of the " + read + " rows was rejected, nothing was imported (" + String.join("; ", firstRejects)
					+ (rejected > firstRejects.size() ? "; …" : "") + "); the rejected rows are in " + rejects.path(), null);
		}
	}

	private void checkRunning() {
		if (abortReason != null) {
			throw new ImportAborted(abortReason, abortCause);
		}
	}

	/**
	 * Ends the import because of its input, with a reason the user reads (a writer's way to refuse
	 * a whole file); the workspace reports it as the connector's error, naming the file.
	 */
	ImportAborted refuse(String reason) {
		return abort(reason, new InputRefused(reason));
	}

	/** The cause of an import refused for its input, not for a fault. */
	static final class InputRefused extends Exception {
		private static final long serialVersionUID = 1L;

		InputRefused(String reason) {
			super(reason, null, false, false);
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
