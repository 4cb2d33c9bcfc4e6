package io.custops.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Duration;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.core.data.FactKind;
import io.custops.core.param.ParameterException;
import io.custops.core.param.ParameterSpec;
import io.custops.core.param.Parameters;
import io.custops.core.spi.ConnectorException;
import io.custops.core.spi.DataConnector;
import io.custops.core.spi.ImportRequest;
import io.custops.store.AuditLog;
import io.custops.store.CampaignStore;
import io.custops.store.PlaybookStore;
import io.custops.store.SourceStore;
import io.custops.store.ImportResult;
import io.custops.store.TooManyRejectsException;
import io.custops.store.Workspace;
import io.custops.store.WorkspaceException;
import io.custops.store.WorkspaceInfo;

/**
 * A workspace directory: {@code db/} (the HSQLDB database), {@code columns/} (the columnar
 * copy), {@code rejects/} (one file per import that rejected rows), {@code workspace.lock}
 * and, while an import runs, {@code import.running} (so that an import killed with its process
 * is recorded when the workspace is next opened).
 */
final class HsqlWorkspace implements Workspace {

	private static final String MARKER = "import.running";
	private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	private final Path directory;
	private final WorkspaceLock lock;
	private final Database db;
	private final ColumnStore columns;
	private ZoneId zone;
	private CustomerDataset cached;
	private String cachedStamp;
	private long tagsVersion;
	private boolean closed;
	private final CampaignStore campaigns = new HsqlCampaignStore(this);
	private final SourceStore sources = new HsqlSourceStore(this);
	private final PlaybookStore playbooks = new HsqlPlaybookStore(this);
	private final AuditLog audit = new HsqlAuditLog(this);

	private HsqlWorkspace(Path directory, WorkspaceLock lock, Database db, ColumnStore columns) {
		this.directory = directory;
		this.lock = lock;
		this.db = db;
		this.columns = columns;
	}

	static HsqlWorkspace open(Path directory) throws WorkspaceException {
		Path dir = directory.toAbsolutePath().normalize();
		if (dir.toString().indexOf(';') >= 0) {
			throw new WorkspaceException("workspace " + dir + ": the path must not contain ';'");
		}
		try {
			Files.createDirectories(dir);
		} catch (IOException e) {
			throw new WorkspaceException("workspace " + dir + ": cannot create the directory: " + e.getMessage(), e);
		}
		WorkspaceLock lock = WorkspaceLock.acquire(dir);
		Database db = null;
		try {
			Files.createDirectories(dir.resolve("db"));
			db = new Database(dir.resolve("db"));
			Connection c = db.main();
			int version = Schema.version(c);
			if (version > Schema.CURRENT) {
				throw new WorkspaceException("workspace " + dir + " has schema version " + version
						+ ", made by a newer CustOps; this one knows versions up to " + Schema.CURRENT);
			}
			if (version < Schema.CURRENT) {
				db.guarded(conn -> {
					Schema.migrate(conn, version);
					return null;
				});
			}
			PrivateFiles.workspace(dir); // personal data: the owner's only
			HsqlWorkspace ws = new HsqlWorkspace(dir, lock, db, new ColumnStore(dir.resolve("columns")));
			ws.recoverInterruptedImport();
			ws.moveFactsOutOfDatabase();
			ws.zone = ws.loadZone();
			return ws;
		} catch (WorkspaceException e) {
			close(db, lock);
			throw e;
		} catch (Exception e) {
			close(db, lock);
			throw new WorkspaceException("workspace " + dir + ": cannot open: " + e.getMessage(), e);
		}
	}

	private static void close(Database db, WorkspaceLock lock) {
		if (db != null) {
			db.close();
		}
		lock.close();
	}

	@Override
	public Path directory() {
		return directory;
	}

	@Override
	public synchronized ZoneId zone() {
		return zone;
	}

	private ZoneId loadZone() throws SQLException, WorkspaceException {
		Connection c = db.main();
		String stored = Settings.get(c, "zone");
		if (stored == null) {
			ZoneId system = ZoneId.systemDefault();
			Settings.put(c, "zone", system.getId());
			return system;
		}
		try {
			return ZoneId.of(stored);
		} catch (DateTimeException e) {
			throw new WorkspaceException("workspace " + directory + ": unknown time zone '" + stored + "' in its settings");
		}
	}

	@Override
	public synchronized void setZone(ZoneId newZone) throws WorkspaceException {
		ensureOpen();
		Objects.requireNonNull(newZone, "zone");
		if (newZone.equals(zone)) {
			return;
		}
		try {
			Connection c = db.main();
			long held = columns.rows(ColumnStore.ORDERS) + columns.rows(ColumnStore.EVENTS);
			if (held > 0) {
				throw new WorkspaceException("workspace " + directory + " already holds orders or events in the time zone "
						+ zone + "; its zone can only be set before the first import of them");
			}
			Settings.put(c, "zone", newZone.getId());
			zone = newZone;
		} catch (SQLException e) {
			throw failure("cannot set the time zone", e);
		}
	}

	// ---------------------------------------------------------------- import

	@Override
	public synchronized ImportResult importFacts(DataConnector given, FactKind kind, Optional<Path> file,
			Map<String, String> rawParams, ProgressMonitor monitor) throws WorkspaceException, ConnectorException {
		ensureOpen();
		Objects.requireNonNull(given, "connector");
		DataConnector connector = ImportGuard.guarded(given); // the one guard of every import
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(file, "file");
		ProgressMonitor progress = monitor == null ? ProgressMonitor.NULL : monitor;
		if (!connector.supportedKinds().contains(kind)) {
			throw new WorkspaceException("connector '" + connector.id() + "' does not read " + kind.id() + " (it reads "
					+ connector.supportedKinds().stream().map(FactKind::id).sorted().collect(Collectors.joining(", "))
					+ ")");
		}
		if (connector.needsFile() && file.isEmpty()) {
			throw new WorkspaceException("connector '" + connector.id() + "' reads a file: name it (--file)");
		}
		Map<String, String> storeRaw = new LinkedHashMap<>();
		Map<String, String> connectorRaw = new LinkedHashMap<>();
		(rawParams == null ? Map.<String, String>of() : rawParams).forEach((k, v) -> {
			if (IMPORT_PARAMETERS.stream().anyMatch(s -> s.matches(k))) {
				storeRaw.put(k, v);
			} else {
				connectorRaw.put(k, v);
			}
		});
		Parameters own = Parameters.resolve(IMPORT_PARAMETERS, storeRaw);
		Parameters params;
		try {
			params = Parameters.resolve(connector.parameters(), connectorRaw);
		} catch (ParameterException e) {
			if (e.getMessage().contains("unknown")) {
				// name the workspace's own parameters too, so the message lists everything accepted
				throw new ParameterException(e.key(), "unknown; known parameters: " + java.util.stream.Stream
						.concat(connector.parameters().stream(), IMPORT_PARAMETERS.stream()).map(ParameterSpec::key)
						.collect(Collectors.joining(", ")));
			}
			throw e;
		}
		long maxRejects = own.integer("maxRejects");
		boolean lines = own.bool("lines");
		if (lines && kind != FactKind.ORDERS) {
			throw new ParameterException("lines", "applies to orders only, not " + kind.id());
		}

		long startNanos = System.nanoTime();
		OffsetDateTime started = OffsetDateTime.now();
		Connection main;
		int seq;
		try {
			main = db.main();
			seq = Settings.getInt(main, "import.seq", 0) + 1;
		} catch (SQLException e) {
			throw failure("cannot start the import", e);
		}
		String importId = started.atZoneSameInstant(zone).format(ID_TIME) + "-" + seq;
		Path rejectsPath = directory.resolve("rejects").resolve(importId + "-" + kind.id() + ".csv");
		RejectsFile rejects = new RejectsFile(rejectsPath);
		String source = file.map(Path::toString).orElse(connector.id());
		Map<String, String> recorded = new LinkedHashMap<>(own.asText());
		recorded.putAll(params.asText());
		ImportRecordRow record = new ImportRecordRow(importId, seq, kind, connector.id(), source, recorded, started);
		writeMarker(record);

		String set = columnSet(kind);
		boolean facts = ColumnStore.isFactSet(set);
		ImportSession[] session = new ImportSession[1];
		ImportRequest request = new ImportRequest(kind, file, params, zone, progress);
		try {
			db.guarded(c -> {
				record.insert(c, "running");
				c.commit();
				ImportSession s = new ImportSession(c, importId, kind, zone, maxRejects, lines, progress, rejects,
						Settings.getLong(c, "event.seq", 0));
				session[0] = s;
				if (facts) {
					s.facts = columns.appender(set);
					s.expectedRows = expectedRows(file);
					s.pipelined();
				}
				progress.begin("Importing " + kind.id() + " from " + request.sourceName(), -1);
				try {
					connector.read(request, s);
					s.finish();
				} catch (Throwable t) {
					s.stop(); // before the database is undone under it
					throw t;
				}
				if (facts && s.imported > 0) {
					// the commit point of the rows; undone at the next open if the database's
					// commit below does not follow (see recoverInterruptedImport)
					columns.commitAppend(set, s.facts, importId);
					if (Boolean.getBoolean("custops.test.haltAfterFactsCommit")) {
						Runtime.getRuntime().halt(137); // crash test: the window between the two commits
					}
				}
				record.read = s.read;
				record.imported = s.imported;
				record.rejected = s.rejected;
				record.unchanged = s.unchanged;
				record.rejectsFile = rejects.exists() ? rejectsPath : null;
				record.finished = OffsetDateTime.now();
				record.update(c, "done", null);
				Settings.put(c, "import.seq", Integer.toString(seq));
				Settings.put(c, "event.seq", Long.toString(s.nextEventSeq));
				if (set != null && !facts && s.imported > 0) {
					Settings.put(c, "columns." + set, Integer.toString(seq));
				}
				return s;
			});
		} catch (Throwable t) {
			Exception failure = importFailed(t, session[0], record, rejects, set);
			switch (failure) {
			case ConnectorException e -> throw e;
			case WorkspaceException e -> throw e;
			case RuntimeException e -> throw e;
			default -> throw new WorkspaceException(failure.getMessage(), failure);
			}
		} finally {
			progress.done();
		}
		ImportSession s = session[0];
		changes++;
		closeFacts(s);
		deleteMarker();
		try {
			rejects.close();
		} catch (IOException e) {
			// the rows are counted and recorded; a rejects file that failed to close is still readable
		}
		if (set != null && !facts && s.imported > 0) {
			try {
				columns.invalidate(set); // the copy is rebuilt from the database when next needed
			} catch (IOException e) {
				// the generation check catches it anyway
			}
		}
		if (kind == FactKind.TAGS && s.imported > 0) {
			tagsVersion++;
		}
		return new ImportResult(importId, kind, s.read, s.imported, s.rejected, s.unchanged,
				rejects.exists() ? rejectsPath : null, Duration.ofNanos(System.nanoTime() - startNanos), s.notes);
	}

	/** A guess of the rows of a file (60 bytes a row: a table grown once costs less than one too big). */
	private static long expectedRows(Optional<Path> file) {
		try {
			return file.isPresent() && Files.isRegularFile(file.get()) ? Files.size(file.get()) / 60 : 0;
		} catch (IOException e) {
			return 0;
		}
	}

	private static void closeFacts(ImportSession s) {
		if (s != null && s.facts != null) {
			try {
				s.facts.close();
			} catch (IOException ignored) {
				// committed or not, the manifest says what counts
			}
		}
	}

	/** Undoes the import (the guarded change undid the database), records the failure, and says what went wrong. */
	private Exception importFailed(Throwable t, ImportSession s, ImportRecordRow record, RejectsFile rejects,
			String set) {
		closeFacts(s);
		if (ColumnStore.isFactSet(set)) {
			try {
				columns.rollback(set, record.importId);
			} catch (IOException e) {
				t.addSuppressed(e);
			}
		}
		Exception result;
		boolean keepRejects = false;
		if (s != null && s.abortCause instanceof ImportSession.InputRefused) {
			result = new ConnectorException(record.source + ": " + s.abortReason);
		} else if (s != null && s.abortReason != null && s.abortCause == null) {
			keepRejects = true; // too many rejects: the file says why
			result = new TooManyRejectsException("import of " + record.kind.id() + " from " + record.source
					+ " stopped: " + s.abortReason, rejects.path(), s.rejected);
		} else if (s != null && s.abortReason != null) {
			result = new WorkspaceException("import of " + record.kind.id() + " from " + record.source + " stopped: "
					+ s.abortReason, s.abortCause);
		} else if (t instanceof ConnectorException | t instanceof ParameterException
				| t instanceof CancellationException) {
			result = (Exception) t;
		} else if (t instanceof WorkspaceException w) {
			result = w;
		} else {
			// the guard's message names the service and what it did, in plain words: no class name before it
			String why = t instanceof io.custops.engine.ServiceFailedException ? t.getMessage() : t.toString();
			result = new WorkspaceException("import of " + record.kind.id() + " from " + record.source + " failed: " + why,
					t);
		}
		if (keepRejects) {
			try {
				rejects.close();
			} catch (IOException ignored) {
				// best effort
			}
		} else {
			rejects.discard();
		}
		if (s != null) {
			record.read = s.read;
			record.rejected = s.rejected;
		}
		record.imported = 0;
		record.unchanged = 0;
		record.rejectsFile = keepRejects && rejects.exists() ? rejects.path() : null;
		record.finished = OffsetDateTime.now();
		try {
			Connection c = db.main();
			c.setAutoCommit(true);
			record.insert(c, "failed");
			record.update(c, "failed", t instanceof CancellationException ? "cancelled" : result.getMessage());
			Settings.put(c, "import.seq", Integer.toString(record.seq));
		} catch (SQLException e) {
			result.addSuppressed(e);
		}
		deleteMarker();
		return result;
	}

	private static String columnSet(FactKind kind) {
		return switch (kind) {
		case ORDERS -> ColumnStore.ORDERS;
		case EVENTS -> ColumnStore.EVENTS;
		case CUSTOMERS -> ColumnStore.CUSTOMERS;
		default -> null;
		};
	}

	/** Whether the columnar copy of a set (customers) reflects the database. */
	private boolean columnsCurrent(Connection c, String set) throws SQLException {
		long generation = Settings.getLong(c, "columns." + set, 0);
		return generation == 0 ? columns.generation(set) <= 0 : columns.generation(set) == generation;
	}

	private void writeMarker(ImportRecordRow record) throws WorkspaceException {
		Properties p = new Properties();
		p.setProperty("import_id", record.importId);
		p.setProperty("seq", Integer.toString(record.seq));
		p.setProperty("kind", record.kind.id());
		p.setProperty("connector", record.connector);
		p.setProperty("source", record.source);
		p.setProperty("params", ImportRecordRow.formatParams(record.params));
		p.setProperty("started", record.started.toString());
		try (OutputStream out = Files.newOutputStream(directory.resolve(MARKER))) {
			p.store(out, "an import is running; if its process dies, the next open records it as interrupted");
		} catch (IOException e) {
			throw new WorkspaceException("workspace " + directory + ": cannot write " + MARKER + ": " + e.getMessage(), e);
		}
	}

	private void deleteMarker() {
		try {
			Files.deleteIfExists(directory.resolve(MARKER));
		} catch (IOException e) {
			// recognised as finished at the next open (the import is in the history)
		}
	}

	/**
	 * An import whose process died left its marker. The database is already back to the state
	 * before it (see {@link Database}); record it in the history, unless it had in fact finished.
	 */
	private void recoverInterruptedImport() throws IOException, SQLException {
		Path marker = directory.resolve(MARKER);
		ColumnStore.deleteTree(columns.dir().resolve("pending")); // left by versions before schema 5
		if (!Files.exists(marker)) {
			return;
		}
		Properties p = new Properties();
		try (InputStream in = Files.newInputStream(marker)) {
			p.load(in);
		} catch (IOException | IllegalArgumentException e) {
			Files.deleteIfExists(marker);
			return;
		}
		String importId = p.getProperty("import_id");
		Connection c = db.main();
		boolean known;
		try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM imports WHERE import_id = ?")) {
			ps.setString(1, importId);
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				known = rs.getLong(1) > 0;
			}
		}
		if (!known && importId != null) {
			for (String set : List.of(ColumnStore.ORDERS, ColumnStore.EVENTS)) {
				columns.rollback(set, importId); // its rows were committed, the database's record was not
			}
			int seq = Integer.parseInt(p.getProperty("seq", "0"));
			FactKind kind = FactKind.fromId(p.getProperty("kind", "orders"));
			ImportRecordRow record = new ImportRecordRow(importId, seq, kind, p.getProperty("connector", "?"),
					p.getProperty("source"), ImportRecordRow.parseParams(p.getProperty("params", "")),
					OffsetDateTime.parse(p.getProperty("started")));
			record.insert(c, "interrupted");
			record.update(c, "interrupted",
					"the process ended during the import; nothing of it was kept (undone when the workspace was next opened)");
			if (seq > Settings.getInt(c, "import.seq", 0)) {
				Settings.put(c, "import.seq", Integer.toString(seq));
			}
			Files.deleteIfExists(directory.resolve("rejects").resolve(importId + "-" + kind.id() + ".csv"));
		}
		Files.deleteIfExists(marker);
	}

	/**
	 * Workspaces made before schema 5 kept orders and events in the database: copy them into
	 * their fact sets, then empty the tables. A crash in between copies them again next time.
	 */
	private void moveFactsOutOfDatabase() throws Exception {
		for (String set : List.of(ColumnStore.ORDERS, ColumnStore.EVENTS)) {
			if (Table.count(db.main(), set) == 0) {
				continue;
			}
			DatasetLoader.rebuild(columns, set, db.main(), 0);
			db.guarded(c -> {
				try (java.sql.Statement s = c.createStatement()) {
					s.execute("TRUNCATE TABLE " + set);
				}
				return null;
			});
		}
	}

	// ---------------------------------------------------------------- reading

	@Override
	public synchronized CustomerDataset dataset() throws WorkspaceException {
		ensureOpen();
		try {
			Connection c = db.main();
			String stamp = ensureColumns(c) + "/" + tagsVersion + "/" + zone;
			if (cached != null && stamp.equals(cachedStamp)) {
				return cached;
			}
			cached = DatasetLoader.build(columns, zone, c);
			cachedStamp = stamp;
			return cached;
		} catch (SQLException | IOException e) {
			throw failure("cannot load the dataset", e);
		}
	}

	/** Rebuilds the out-of-date sets of the columnar copy; returns their generations. */
	private String ensureColumns(Connection c) throws SQLException, IOException {
		StringBuilder stamp = new StringBuilder();
		String set = ColumnStore.CUSTOMERS;
		long generation = Settings.getLong(c, "columns." + set, 0);
		if (!columnsCurrent(c, set)) {
			DatasetLoader.rebuild(columns, set, c, generation);
		}
		stamp.append(set).append('=').append(generation).append(';');
		for (String facts : List.of(ColumnStore.ORDERS, ColumnStore.EVENTS)) {
			stamp.append(facts).append('=').append(columns.rows(facts)).append('/').append(columns.liveRows(facts))
					.append('/').append(columns.lastImport(facts)).append(';');
		}
		return stamp.toString();
	}

	@Override
	public synchronized WorkspaceInfo info() throws WorkspaceException {
		ensureOpen();
		try {
			Connection c = db.main();
			ensureColumns(c);
			Map<FactKind, Long> counts = new EnumMap<>(FactKind.class);
			counts.put(FactKind.CUSTOMERS, Table.count(c, "customers"));
			counts.put(FactKind.ORDERS, columns.hasFacts(ColumnStore.ORDERS) ? columns.liveRows(ColumnStore.ORDERS) : 0);
			counts.put(FactKind.EVENTS, columns.hasFacts(ColumnStore.EVENTS) ? columns.liveRows(ColumnStore.EVENTS) : 0);
			counts.put(FactKind.CAMPAIGNS, Table.count(c, "campaigns"));
			counts.put(FactKind.CAMPAIGN_MEMBERS, Table.count(c, "campaign_members"));
			counts.put(FactKind.TAGS, Table.count(c, "tags"));
			List<WorkspaceInfo.ImportRecord> history = new ArrayList<>();
			try (PreparedStatement ps = c.prepareStatement("SELECT import_id, kind, connector, source, params, user_name,"
					+ " host, pid, state, started, finished, rows_read, rows_imported, rows_rejected, rows_unchanged,"
					+ " rejects_file, message FROM imports ORDER BY seq DESC, started DESC");
					ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					OffsetDateTime finished = rs.getObject(11, OffsetDateTime.class);
					String rejectsFile = rs.getString(16);
					history.add(new WorkspaceInfo.ImportRecord(rs.getString(1), FactKind.fromId(rs.getString(2)),
							rs.getString(3), rs.getString(4), ImportRecordRow.parseParams(rs.getString(5)),
							rs.getString(6), rs.getString(7), rs.getLong(8), rs.getString(9),
							rs.getObject(10, OffsetDateTime.class).toInstant(),
							finished == null ? null : finished.toInstant(), rs.getLong(12), rs.getLong(13),
							rs.getLong(14), rs.getLong(15), rejectsFile == null ? null : Path.of(rejectsFile),
							rs.getString(17)));
				}
			}
			return new WorkspaceInfo(directory, zone, Schema.version(c), counts, Table.count(c, "order_lines"),
					Table.count(c, "tags"), range(ColumnStore.ORDERS), range(ColumnStore.EVENTS), List.copyOf(history));
		} catch (SQLException | IOException e) {
			throw failure("cannot read the workspace summary", e);
		}
	}

	@Override
	public synchronized Optional<Map<String, String>> order(String orderId) throws WorkspaceException {
		ensureOpen();
		if (orderId == null || !columns.hasFacts(ColumnStore.ORDERS)) {
			return Optional.empty();
		}
		try (ColumnStore.Writer w = columns.reader(ColumnStore.ORDERS)) {
			Object[] probe = new Object[OrdersWriter.TABLE.columns.size()];
			probe[OrdersWriter.ORDER_ID] = orderId;
			long key = FactLayout.ORDERS.key(probe);
			long[] keys = w.readAll(FactLayout.ORDERS.keyColumn());
			java.util.BitSet superseded = w.supersededRows();
			for (int row = keys.length - 1; row >= 0; row--) {
				// the row of an order not superseded is its current one
				if (keys[row] == key && (superseded == null || !superseded.get(row))
						&& orderId.equals(w.readString(OrdersWriter.ORDER_ID, row))) {
					Object[] values = FactLayout.ORDERS.read(w, row).values;
					Map<String, String> fields = new LinkedHashMap<>();
					for (int i = 0; i < values.length; i++) {
						Object v = values[i];
						if (v != null) {
							fields.put(OrdersWriter.TABLE.columns.get(i).name(),
									v instanceof java.math.BigDecimal d ? d.toPlainString() : v.toString());
						}
					}
					return Optional.of(fields);
				}
			}
			return Optional.empty();
		} catch (IOException e) {
			throw failure("cannot read order " + orderId, e);
		}
	}

	private Optional<WorkspaceInfo.TimeRange> range(String set) {
		long[] range = columns.hasFacts(set) && columns.liveRows(set) > 0 ? columns.timeRange(set) : null;
		if (range == null) {
			return Optional.empty();
		}
		// the range of every row appended, superseded ones too: a changed fact keeps its time
		// unless its time was what changed, which moves the range at most by that much
		return Optional.of(new WorkspaceInfo.TimeRange(FactLayout.time(range[0]), FactLayout.time(range[1])));
	}

	// ---------------------------------------------------------------- tags

	@Override
	public synchronized boolean addTag(String customerId, String tag) throws WorkspaceException {
		ensureOpen();
		String[] checked = checkTag(customerId, tag);
		try (PreparedStatement ps = db.main().prepareStatement(
				"INSERT INTO tags(customer_id, tag, created) SELECT ?, ?, ? FROM (VALUES(0))"
						+ " WHERE NOT EXISTS (SELECT 1 FROM tags WHERE customer_id = ? AND tag = ?)")) {
			ps.setString(1, checked[0]);
			ps.setString(2, checked[1]);
			ps.setObject(3, OffsetDateTime.now());
			ps.setString(4, checked[0]);
			ps.setString(5, checked[1]);
			boolean added = ps.executeUpdate() > 0;
			if (added) {
				tagsVersion++;
			}
			return added;
		} catch (SQLException e) {
			throw failure("cannot add the tag", e);
		}
	}

	@Override
	public synchronized boolean removeTag(String customerId, String tag) throws WorkspaceException {
		ensureOpen();
		String[] checked = checkTag(customerId, tag);
		try (PreparedStatement ps = db.main().prepareStatement("DELETE FROM tags WHERE customer_id = ? AND tag = ?")) {
			ps.setString(1, checked[0]);
			ps.setString(2, checked[1]);
			boolean removed = ps.executeUpdate() > 0;
			if (removed) {
				tagsVersion++;
			}
			return removed;
		} catch (SQLException e) {
			throw failure("cannot remove the tag", e);
		}
	}

	private static String[] checkTag(String customerId, String tag) {
		try {
			return new String[] { Canonical.id("customer_id", customerId), Canonical.tag("tag", tag) };
		} catch (Canonical.BadValue e) {
			throw new IllegalArgumentException(e.getMessage());
		}
	}

	@Override
	public synchronized java.util.SortedMap<String, Long> tagCounts() throws WorkspaceException {
		return read("cannot count the tags", c -> {
			java.util.SortedMap<String, Long> counts = new java.util.TreeMap<>();
			try (PreparedStatement ps = c.prepareStatement("SELECT tag, COUNT(*) FROM tags GROUP BY tag");
					ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					counts.put(rs.getString(1), rs.getLong(2));
				}
			}
			return counts;
		});
	}

	// ---------------------------------------------------------------- campaigns and audit

	@Override
	public CampaignStore campaigns() {
		return campaigns;
	}

	@Override
	public SourceStore sources() {
		return sources;
	}

	@Override
	public PlaybookStore playbooks() {
		return playbooks;
	}

	@Override
	public AuditLog audit() {
		return audit;
	}

	/** Work on the workspace's connection, auto-commit on. */
	interface Work<T> {
		T run(Connection connection) throws SQLException;
	}

	/** Runs a read or a small write on the workspace's own connection. */
	synchronized <T> T read(String what, Work<T> work) throws WorkspaceException {
		ensureOpen();
		try {
			return work.run(db.main());
		} catch (SQLException e) {
			throw failure(what, e);
		}
	}

	/** How many changes and imports this workspace has seen: what caches compare. */
	private volatile long changes;

	long changeCount() {
		return changes;
	}

	/** Runs a change all or nothing (see {@link Database#guarded}); bad input is thrown as it is. */
	synchronized <T> T change(String what, Database.Change<T> work) throws WorkspaceException {
		ensureOpen();
		changes++;
		try {
			return db.guarded(work);
		} catch (WorkspaceException | RuntimeException e) {
			throw e;
		} catch (Exception e) {
			throw failure(what, e);
		}
	}

	// ---------------------------------------------------------------- the rest

	@Override
	public Connection connection() throws WorkspaceException {
		ensureOpen();
		try {
			return db.newConnection();
		} catch (SQLException e) {
			throw failure("cannot connect to the database", e);
		}
	}

	@Override
	public synchronized void close() {
		if (closed) {
			return;
		}
		closed = true;
		cached = null;
		try {
			db.close();
		} finally {
			lock.close();
		}
	}

	private void ensureOpen() throws WorkspaceException {
		if (closed) {
			throw new WorkspaceException("workspace " + directory + " is closed");
		}
	}

	private WorkspaceException failure(String what, Exception e) {
		return new WorkspaceException("workspace " + directory + ": " + what + ": " + e.getMessage(), e);
	}

	@Override
	public String toString() {
		return "workspace " + directory + " (" + lock.owner() + ")";
	}

}
