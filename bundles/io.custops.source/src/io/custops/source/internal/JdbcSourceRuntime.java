package io.custops.source.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.custops.connector.jdbc.JdbcSecrets;
import io.custops.core.param.Parameters;
import io.custops.core.spi.CustomerAnalysis;
import io.custops.core.spi.SqlDialect;
import io.custops.core.spi.SqlPushdown;
import io.custops.core.spi.SqlPushdown.RunCounts;
import io.custops.core.spi.SqlPushdown.SourceTables;
import io.custops.source.PushdownRun;
import io.custops.source.PushdownUnsupportedException;
import io.custops.source.RowSink;
import io.custops.source.SourceCheck;
import io.custops.source.SourceException;
import io.custops.source.SourceRuntime;
import io.custops.source.TextRowSink;
import io.custops.source.Upload;
import io.custops.store.SourceRecord;

/** The source runtime over JDBC. */
@Component(service = SourceRuntime.class)
public class JdbcSourceRuntime implements SourceRuntime {

	/** Rows fetched per round trip: the driver holds one page, never the whole result. */
	static final int FETCH_SIZE = 10_000;

	private final List<Driver> drivers = new CopyOnWriteArrayList<>();

	@Reference
	private JdbcSecrets secrets;

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
	void addDriver(Driver driver) {
		drivers.add(driver);
	}

	void removeDriver(Driver driver) {
		drivers.remove(driver);
	}

	@Override
	public SqlDialect dialect(String url) throws SourceException {
		return SqlDialect.ofUrl(url).orElseThrow(() -> new SourceException("'" + Urls.scheme(url)
				+ "' is not a source kind: use jdbc:postgresql:, jdbc:trino:, jdbc:duckdb:, jdbc:hsqldb: or sc://HOST:PORT (Spark Connect)"));
	}

	@Override
	public SourceTables tables(SourceRecord source) {
		return new SourceTables(source.tables(), source.columns());
	}

	// ---------------------------------------------------------------- connections

	@Override
	public Connection connect(SourceRecord source, boolean readOnly) throws SourceException {
		Properties props = new Properties();
		if (source.user() != null) {
			props.setProperty("user", source.user());
		}
		char[] password = null;
		if (source.password()) {
			try {
				password = secrets.password(source.passwordKey()).orElseThrow(() -> new SourceException("source '"
						+ source.id() + "': no password in secure storage (add the source again with --password-stdin)"));
			} catch (IOException e) {
				throw new SourceException("source '" + source.id() + "': secure storage: " + e.getMessage(), e);
			}
			props.setProperty("password", new String(password));
		}
		String url = source.url();
		try {
			Connection c = open(url, props);
			if (c == null) {
				throw new SourceException("source '" + source.id() + "': no driver accepts " + Urls.redact(url));
			}
			if (readOnly && dialect(url) != SqlDialect.DUCKDB) {
				// DuckDB takes read-only at open time only (a URL option); the others per connection
				c.setReadOnly(true);
			}
			return c;
		} catch (SQLException e) {
			throw new SourceException("source '" + source.id() + "': cannot connect to " + Urls.redact(url) + ": "
					+ Urls.clean(e.getMessage(), password), e);
		}
	}

	private Connection open(String url, Properties props) throws SQLException {
		String u = url.toLowerCase(java.util.Locale.ROOT);
		if (u.startsWith("jdbc:hsqldb:")) {
			return new org.hsqldb.jdbc.JDBCDriver().connect(url, props);
		}
		if (u.startsWith("jdbc:postgresql:")) {
			return new org.postgresql.Driver().connect(url, props);
		}
		if (u.startsWith("jdbc:duckdb:")) {
			Optional<Connection> duck = DuckDb.connect(url, props);
			if (duck.isPresent()) {
				return duck.get();
			}
		}
		if (u.startsWith("jdbc:trino:")) {
			Optional<Connection> trino = Trino.connect(url, props);
			if (trino.isPresent()) {
				return trino.get();
			}
		}
		for (Driver driver : drivers) {
			if (driver.acceptsURL(url)) {
				return driver.connect(url, props);
			}
		}
		return DriverManager.getConnection(url, props);
	}

	// ---------------------------------------------------------------- runs

	private SqlPushdown pushdown(CustomerAnalysis analysis, SqlDialect dialect, Parameters parameters)
			throws PushdownUnsupportedException {
		Optional<SqlPushdown> pushdown = analysis.sqlPushdown();
		if (pushdown.isEmpty()) {
			throw new PushdownUnsupportedException(analysis.id(), dialect, "it has no SQL pushdown");
		}
		if (!pushdown.get().supports(dialect)) {
			throw new PushdownUnsupportedException(analysis.id(), dialect, "its pushdown does not support this dialect");
		}
		if (!pushdown.get().supports(dialect, parameters)) {
			throw new PushdownUnsupportedException(analysis.id(), dialect,
					"its pushdown does not support this dialect with these parameters (" + parameters.asText() + ")");
		}
		return pushdown.get();
	}

	@Override
	public String explain(SourceRecord source, CustomerAnalysis analysis, LocalDate asOf, Parameters parameters)
			throws SourceException {
		SqlDialect dialect = dialect(source.url());
		SourceTables tables = tables(source);
		return withCustomers(tables, pushdown(analysis, dialect, parameters).query(dialect, tables, asOf, parameters));
	}

	@Override
	public PushdownRun run(SourceRecord source, CustomerAnalysis analysis, LocalDate asOf, Parameters parameters,
			RowSink sink) throws SourceException {
		SqlDialect dialect = dialect(source.url());
		SqlPushdown pushdown = pushdown(analysis, dialect, parameters);
		SourceTables tables = tables(source);
		String sql = withCustomers(tables, pushdown.query(dialect, tables, asOf, parameters));
		long started = System.nanoTime();
		try (Connection c = connect(source, true)) {
			long customers = 0;
			Map<String, Long> perLabel = new LinkedHashMap<>();
			analysis.labels(parameters).forEach(l -> perLabel.put(l.id(), 0L));
			long rows = 0;
			// the tallied columns' positions among the values, and their rows per value
			List<String> columns = analysis.columnNames(parameters);
			List<String> tallied = pushdown.talliedColumns(parameters);
			int[] talliedAt = new int[tallied.size()];
			List<Map<String, Long>> tallies = new ArrayList<>();
			for (int t = 0; t < talliedAt.length; t++) {
				talliedAt[t] = columns.indexOf(tallied.get(t));
				tallies.add(new LinkedHashMap<>());
			}
			boolean auto = c.getAutoCommit();
			if (dialect == SqlDialect.POSTGRESQL) {
				c.setAutoCommit(false); // PostgreSQL pages a result (fetch size) only inside a transaction
			}
			try (Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
				s.setFetchSize(FETCH_SIZE);
				try (ResultSet rs = s.executeQuery(sql)) {
					// custops_customers, custops_row, then the analysis's customer_id, label, columns
					int n = rs.getMetaData().getColumnCount() - 4;
					String[] values = new String[n];
					while (rs.next()) {
						customers = rs.getLong(1);
						if (rs.getObject(2) == null) {
							continue; // the analysis returned no row: only the count came
						}
						String id = rs.getString(3);
						String label = rs.getString(4);
						for (int i = 0; i < n; i++) {
							values[i] = text(rs.getObject(i + 5));
						}
						rows++;
						if (label != null) {
							perLabel.merge(label, 1L, Long::sum);
						}
						for (int t = 0; t < talliedAt.length; t++) {
							if (talliedAt[t] >= 0 && talliedAt[t] < n) {
								tallies.get(t).merge(values[talliedAt[t]], 1L, Long::sum);
							}
						}
						sink.row(id, label, values);
					}
				}
			} finally {
				if (dialect == SqlDialect.POSTGRESQL) {
					c.rollback();
					c.setAutoCommit(auto);
				}
			}
			Map<String, Map<String, Long>> perValue = new LinkedHashMap<>();
			for (int t = 0; t < talliedAt.length; t++) {
				perValue.put(tallied.get(t), tallies.get(t));
			}
			RunCounts counts = new RunCounts(customers, rows, perLabel, perValue);
			return new PushdownRun(dialect, sql, counts, pushdown.summary(parameters, asOf, counts),
					(System.nanoTime() - started) / 1_000_000);
		} catch (SQLException e) {
			throw new SourceException(analysis.id() + " in source '" + source.id() + "' (" + dialect.id() + "): "
					+ e.getMessage(), e);
		} catch (IOException e) {
			throw new SourceException(analysis.id() + " in source '" + source.id() + "': cannot write the rows: "
					+ e.getMessage(), e);
		}
	}

	@Override
	public PushdownRun into(SourceRecord source, CustomerAnalysis analysis, LocalDate asOf, Parameters parameters,
			String table) throws SourceException {
		SqlDialect dialect = dialect(source.url());
		SqlPushdown pushdown = pushdown(analysis, dialect, parameters);
		SourceTables tables = tables(source);
		SourceTables.checkName("--into table", table);
		String query = pushdown.query(dialect, tables, asOf, parameters);
		String sql = "CREATE TABLE " + table + " AS " + (dialect == SqlDialect.HSQLDB ? "(" + query + ") WITH DATA" : query);
		long started = System.nanoTime();
		try (Connection c = connect(source, false)) {
			long customers = customers(c, tables);
			try (Statement s = c.createStatement()) {
				s.execute(sql);
			}
			Map<String, Long> perLabel = new LinkedHashMap<>();
			analysis.labels(parameters).forEach(l -> perLabel.put(l.id(), 0L));
			long rows = 0;
			try (Statement s = c.createStatement();
					ResultSet rs = s.executeQuery("SELECT label, COUNT(*) FROM " + table + " GROUP BY label")) {
				while (rs.next()) {
					long n = rs.getLong(2);
					rows += n;
					if (rs.getString(1) != null) {
						perLabel.merge(rs.getString(1), n, Long::sum);
					}
				}
			}
			// the tallied columns, counted in the new table as the streamed run counts them
			Map<String, Map<String, Long>> perValue = new LinkedHashMap<>();
			for (String column : pushdown.talliedColumns(parameters)) {
				SourceTables.checkName("column", column);
				Map<String, Long> tally = new LinkedHashMap<>();
				try (Statement s = c.createStatement();
						ResultSet rs = s.executeQuery("SELECT " + column + ", COUNT(*) FROM " + table + " GROUP BY " + column)) {
					while (rs.next()) {
						tally.merge(text(rs.getObject(1)), rs.getLong(2), Long::sum);
					}
				}
				perValue.put(column, tally);
			}
			if (!c.getAutoCommit()) {
				c.commit();
			}
			RunCounts counts = new RunCounts(customers, rows, perLabel, perValue);
			return new PushdownRun(dialect, sql, counts, pushdown.summary(parameters, asOf, counts),
					(System.nanoTime() - started) / 1_000_000);
		} catch (SQLException e) {
			throw new SourceException(analysis.id() + " into " + table + " in source '" + source.id() + "' ("
					+ dialect.id() + "): " + e.getMessage(), e);
		}
	}

	@Override
	public long query(SourceRecord source, String analysis, Upload upload, String sql, TextRowSink sink)
			throws SourceException {
		SqlDialect dialect = dialect(source.url());
		try (Connection c = connect(source, upload == null)) {
			if (upload != null) {
				upload(c, upload);
				if (dialect != SqlDialect.DUCKDB) {
					c.setReadOnly(true); // the query itself still only reads
				}
			}
			boolean auto = c.getAutoCommit();
			if (dialect == SqlDialect.POSTGRESQL) {
				c.setAutoCommit(false); // PostgreSQL pages a result (fetch size) only inside a transaction
			}
			long rows = 0;
			try (Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
				s.setFetchSize(FETCH_SIZE);
				try (ResultSet rs = s.executeQuery(sql)) {
					String[] values = new String[rs.getMetaData().getColumnCount()];
					while (rs.next()) {
						for (int i = 0; i < values.length; i++) {
							values[i] = rs.getString(i + 1);
						}
						rows++;
						sink.row(values);
					}
				}
			} finally {
				if (dialect == SqlDialect.POSTGRESQL) {
					c.rollback();
					c.setAutoCommit(auto);
				}
			}
			return rows;
		} catch (SQLException e) {
			throw new SourceException(analysis + " in source '" + source.id() + "' (" + dialect.id() + "): "
					+ e.getMessage(), e);
		} catch (IOException e) {
			throw new SourceException(analysis + " in source '" + source.id() + "': " + e.getMessage(), e);
		}
	}

	/** Creates and fills the session's temporary table, in batches, committed before the query. */
	private static void upload(Connection c, Upload upload) throws SQLException {
		try (Statement s = c.createStatement()) {
			s.execute(upload.create());
		}
		boolean auto = c.getAutoCommit();
		c.setAutoCommit(false);
		try (java.sql.PreparedStatement ps = c.prepareStatement(upload.insert())) {
			int pending = 0;
			for (String[] row : upload.rows()) {
				for (int i = 0; i < row.length; i++) {
					ps.setString(i + 1, row[i]);
				}
				ps.addBatch();
				if (++pending == 5_000) {
					ps.executeBatch();
					pending = 0;
				}
			}
			if (pending > 0) {
				ps.executeBatch();
			}
			c.commit();
		} finally {
			c.setAutoCommit(auto);
		}
	}

	/** Every distinct customer id of the mapped tables: the in-memory run's customer count. */
	static long customers(Connection c, SourceTables tables) throws SQLException {
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(customersQuery(tables))) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/**
	 * The count of {@link #customers}, one row, column {@code custops_customers}. Each table's ids
	 * are made distinct before the union: the engines aggregate a table's ids in parallel, where a
	 * union of all the rows (40M events of 2M customers) is one big de-duplication.
	 */
	static String customersQuery(SourceTables tables) {
		List<String> parts = new ArrayList<>();
		for (String kind : List.of("customers", "orders", "events")) {
			if (tables.has(kind)) {
				parts.add(tables.select(kind, "customer_id").replaceFirst("^SELECT ", "SELECT DISTINCT "));
			}
		}
		if (parts.isEmpty()) {
			return "SELECT COUNT(*) AS custops_customers FROM (SELECT 1 AS x) u WHERE 1 = 0";
		}
		return "SELECT COUNT(*) AS custops_customers FROM (" + String.join(" UNION ", parts) + ") u";
	}

	/**
	 * The statement a run sends (and {@code --explain} prints): the analysis's query with the
	 * source's customer count folded in, so that one statement does all the work and nothing runs
	 * unseen. Each row starts with {@code custops_customers} and a {@code custops_row} marker (1);
	 * when the analysis returns no row, one row with the count and NULLs comes.
	 */
	static String withCustomers(SourceTables tables, String query) {
		return "SELECT n.custops_customers, q.*\nFROM (" + customersQuery(tables) + ") n\nLEFT JOIN (SELECT 1 AS custops_row, a.* FROM (\n"
				+ query.strip() + "\n) a) q ON 1 = 1";
	}

	/** A value as the in-memory run writes it: money with two decimals, none as "". */
	static String text(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof BigDecimal d) {
			if (d.scale() <= 2) {
				return d.setScale(2).toPlainString();
			}
			BigDecimal stripped = d.stripTrailingZeros();
			return stripped.scale() <= 2 ? stripped.setScale(2).toPlainString() : d.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
		}
		if (value instanceof Double || value instanceof Float) {
			double v = ((Number) value).doubleValue();
			if (v == Math.rint(v) && Math.abs(v) < 1e15) {
				return Long.toString((long) v);
			}
			return BigDecimal.valueOf(v).round(new java.math.MathContext(8)).stripTrailingZeros().toPlainString();
		}
		return value.toString();
	}

	// ---------------------------------------------------------------- test

	@Override
	public SourceCheck test(SourceRecord source) throws SourceException {
		SqlDialect dialect = dialect(source.url());
		SourceTables tables = tables(source);
		List<SourceCheck.TableCheck> checks = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		try (Connection c = connect(source, true)) {
			String product = c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
			for (Map.Entry<String, List<Field>> kind : Field.BY_KIND.entrySet()) {
				if (!tables.has(kind.getKey())) {
					continue;
				}
				checks.add(check(c, tables, kind.getKey(), kind.getValue(), problems));
			}
			return new SourceCheck(source.id(), dialect.id(), product, checks, problems);
		} catch (SQLException e) {
			throw new SourceException("source '" + source.id() + "': " + e.getMessage(), e);
		}
	}

	private static SourceCheck.TableCheck check(Connection c, SourceTables tables, String kind, List<Field> fields,
			List<String> problems) throws SQLException {
		String table = tables.table(kind);
		Map<String, Integer> types = new LinkedHashMap<>();
		Map<String, String> typeNames = new LinkedHashMap<>();
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
			ResultSetMetaData md = rs.getMetaData();
			for (int i = 1; i <= md.getColumnCount(); i++) {
				types.put(md.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), md.getColumnType(i));
				typeNames.put(md.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), md.getColumnTypeName(i));
			}
		} catch (SQLException e) {
			problems.add(kind + ": table " + table + " cannot be read: " + e.getMessage());
			return new SourceCheck.TableCheck(kind, table, -1, null, null, List.of());
		}
		List<SourceCheck.ColumnCheck> columns = new ArrayList<>();
		String timeColumn = null;
		for (Field field : fields) {
			String column = tables.column(field.name());
			String key = column.toLowerCase(java.util.Locale.ROOT);
			Integer type = types.get(key);
			if (type == null) {
				if (field.required() || tables.columnByField().containsKey(field.name())) {
					problems.add(kind + ": " + table + " has no column " + column + " (field " + field.name() + ")");
					columns.add(new SourceCheck.ColumnCheck(field.name(), column, null, false));
				}
				continue;
			}
			boolean usable = field.accepts(type);
			if (!usable) {
				problems.add(kind + ": " + table + "." + column + " (field " + field.name() + ") is " + typeNames.get(key)
						+ ", not " + field.expected());
			}
			if (field.time()) {
				timeColumn = column;
			}
			columns.add(new SourceCheck.ColumnCheck(field.name(), column, typeNames.get(key), usable));
		}
		java.util.Set<String> mapped = new java.util.HashSet<>();
		for (Field field : fields) {
			mapped.add(tables.column(field.name()).toLowerCase(java.util.Locale.ROOT));
		}
		mapped.addAll(tables.columnByField().values().stream().map(v -> v.toLowerCase(java.util.Locale.ROOT)).toList());
		List<String> others = types.keySet().stream().filter(name -> !mapped.contains(name)).toList();
		String select = "SELECT COUNT(*)" + (timeColumn == null ? "" : ", MIN(" + timeColumn + "), MAX(" + timeColumn + ")")
				+ " FROM " + table;
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(select)) {
			rs.next();
			return new SourceCheck.TableCheck(kind, table, rs.getLong(1), timeColumn == null ? null : iso(rs.getObject(2)),
					timeColumn == null ? null : iso(rs.getObject(3)), columns, others,
					kind.equals("events") && types.containsKey(tables.column("event_type").toLowerCase(java.util.Locale.ROOT))
							? eventTypes(c, table, tables.column("event_type"))
							: List.of());
		}
	}

	/** The most frequent event types first, at most this many (a funnel builder's choice, not a report). */
	private static final int MAX_EVENT_TYPES = 200;

	/** The events table's distinct types, the most frequent first, ties by name. */
	private static List<String> eventTypes(Connection c, String table, String column) throws SQLException {
		List<String> found = new ArrayList<>();
		String sql = "SELECT " + column + ", COUNT(*) AS n FROM " + table + " WHERE " + column + " IS NOT NULL GROUP BY "
				+ column + " ORDER BY n DESC, " + column;
		try (Statement s = c.createStatement()) {
			s.setMaxRows(MAX_EVENT_TYPES);
			try (ResultSet rs = s.executeQuery(sql)) {
				while (rs.next() && found.size() < MAX_EVENT_TYPES) {
					found.add(rs.getString(1));
				}
			}
		}
		return found;
	}

	private static String iso(Object time) {
		if (time == null) {
			return null;
		}
		if (time instanceof java.sql.Timestamp t) {
			return t.toLocalDateTime().toString();
		}
		if (time instanceof java.sql.Date d) {
			return d.toLocalDate().toString();
		}
		return time.toString().replace(' ', 'T');
	}

	/** A canonical field a pushdown reads, and the JDBC types that serve it. */
	record Field(String name, boolean required, String expected, int... types) {

		static final Map<String, List<Field>> BY_KIND = Map.of(
				"orders", List.of(id("order_id"), id("customer_id"), time("order_time"),
						new Field("amount", true, "a decimal number", Types.DECIMAL, Types.NUMERIC, Types.INTEGER,
								Types.BIGINT, Types.SMALLINT),
						text("status", true), whole("quantity"), whole("usage_days"), text("channel", false)),
				"events", List.of(id("customer_id"), time("event_time"), text("event_type", true), text("session_id", false),
						text("channel", false)),
				"customers", List.of(id("customer_id")));

		boolean accepts(int type) {
			if (types.length == 0) {
				return true;
			}
			for (int t : types) {
				if (t == type) {
					return true;
				}
			}
			return false;
		}

		boolean time() {
			return name.endsWith("_time");
		}

		private static Field id(String name) {
			return new Field(name, true, "an identifier");
		}

		private static Field time(String name) {
			return new Field(name, true, "a timestamp (without time zone) or date", Types.TIMESTAMP, Types.DATE);
		}

		private static Field text(String name, boolean required) {
			return new Field(name, required, "text", Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.NVARCHAR,
					Types.NCHAR, Types.CLOB, Types.OTHER);
		}

		private static Field whole(String name) {
			return new Field(name, false, "a whole number", Types.INTEGER, Types.BIGINT, Types.SMALLINT, Types.TINYINT,
					Types.DECIMAL, Types.NUMERIC);
		}
	}
}
