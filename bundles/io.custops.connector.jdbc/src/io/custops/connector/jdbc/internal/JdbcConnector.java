package io.custops.connector.jdbc.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Component;

import io.custops.core.LocalizedText;
import io.custops.core.data.FactKind;
import io.custops.core.param.ParameterSpec;
import io.custops.core.param.ParameterType;
import io.custops.core.param.Parameters;
import io.custops.core.spi.ConnectorException;
import io.custops.core.spi.DataConnector;
import io.custops.core.spi.ImportRequest;
import io.custops.core.spi.RecordSink;

/**
 * Reads any JDBC source: a query or a table per kind, columns mapped to the canonical fields
 * by name or by {@code map.<field>=<column>}. The HSQLDB and PostgreSQL drivers come with it;
 * other drivers are found through {@link DriverManager}. Passwords are given once and kept in
 * secure storage under a key; they never appear in messages, logs or run records.
 */
@Component(service = DataConnector.class)
public class JdbcConnector implements DataConnector {

	static final String URL = "url";
	static final String USER = "user";
	static final String PASSWORD = "password";
	static final String PASSWORD_KEY = "passwordKey";
	static final String SAVE_PASSWORD = "savePassword";
	static final String FETCH_SIZE = "fetchSize";

	private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*){0,2}|\"[^\"]+\"(\\.\"[^\"]+\")?");
	/** A password written into the URL: {@code ?password=…}, {@code &password=…}, HSQLDB's {@code ;password=…}. */
	private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)[?&;]password=([^&;]*)");

	private static final List<ParameterSpec> PARAMETERS = List.of(
			ParameterSpec.builder(URL, ParameterType.STRING).required().label("JDBC URL", "JDBC 连接地址")
					.description("jdbc:postgresql://host:5432/shop, jdbc:hsqldb:file:/data/shop, …",
							"例如 jdbc:postgresql://host:5432/shop、jdbc:hsqldb:file:/data/shop")
					.build(),
			ParameterSpec.builder(USER, ParameterType.STRING).label("User", "用户名").build(),
			ParameterSpec.builder(PASSWORD, ParameterType.STRING).secret().label("Password", "密码")
					.description("Used for this import only, unless savePassword stores it under passwordKey.",
							"仅用于本次导入；配合 savePassword 与 passwordKey 可保存到安全存储。")
					.build(),
			ParameterSpec.builder(PASSWORD_KEY, ParameterType.STRING).label("Stored password", "已保存的密码")
					.description("The key of a password kept in secure storage.", "安全存储中密码的键名。").build(),
			ParameterSpec.builder(SAVE_PASSWORD, ParameterType.BOOLEAN).defaultValue("false")
					.label("Save the password", "保存密码")
					.description("Store the given password in secure storage under passwordKey.",
							"把本次给出的密码保存到安全存储（键名为 passwordKey）。")
					.build(),
			ParameterSpec.builder("query.*", ParameterType.STRING).label("Query per kind", "各类数据的查询")
					.description("query.orders=SELECT … : the rows of one kind.", "query.orders=SELECT …：某类数据的查询语句。")
					.build(),
			ParameterSpec.builder("table.*", ParameterType.STRING).label("Table per kind", "各类数据的表")
					.description("table.orders=SHOP.ORDERS (default: a table named like the kind, campaign_members).",
							"table.orders=SHOP.ORDERS（默认与数据类别同名的表）。")
					.build(),
			ParameterSpec.builder("map.*", ParameterType.STRING).label("Column mapping", "列映射")
					.description("map.customer_id=BUYER_NICK: the column of a canonical field (default: same name).",
							"map.customer_id=BUYER_NICK：标准字段对应的列（默认同名列）。")
					.build(),
			ParameterSpec.builder(FETCH_SIZE, ParameterType.INTEGER).defaultValue("10000").min(1).max(1_000_000)
					.label("Fetch size", "每批读取行数").build());

	@Override
	public String id() {
		return "jdbc";
	}

	@Override
	public LocalizedText name() {
		return LocalizedText.of("Database (JDBC)", "数据库（JDBC）");
	}

	@Override
	public LocalizedText description() {
		return LocalizedText.of("Any JDBC database (PostgreSQL, HSQLDB built in): a query or a table per kind.",
				"任意 JDBC 数据库（内置 PostgreSQL、HSQLDB 驱动）：每类数据一条查询或一张表。");
	}

	@Override
	public List<ParameterSpec> parameters() {
		return PARAMETERS;
	}

	@Override
	public Set<FactKind> supportedKinds() {
		return EnumSet.allOf(FactKind.class);
	}

	@Override
	public boolean needsFile() {
		return false;
	}

	@Override
	public void read(ImportRequest request, RecordSink sink) throws ConnectorException {
		Parameters p = request.parameters();
		String url = p.string(URL).strip();
		String where = redact(url);
		String sql = query(p, request.kind(), where);
		Properties props = new Properties();
		if (p.has(USER)) {
			props.setProperty("user", p.string(USER));
		}
		char[] password = password(p, url, where);
		if (password != null) {
			props.setProperty("password", new String(password));
			Arrays.fill(password, '\0');
		}
		try (Connection connection = connect(url, props, where)) {
			props.clear();
			connection.setReadOnly(true);
			try {
				// PostgreSQL streams a result only inside a transaction
				connection.setAutoCommit(false);
			} catch (SQLException ignored) {
				// not every driver has transactions
			}
			try (Statement statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY,
					ResultSet.CONCUR_READ_ONLY)) {
				statement.setFetchSize(p.intValue(FETCH_SIZE));
				try (ResultSet rs = statement.executeQuery(sql)) {
					new Rows(request, sink, rs, p.family("map"), where).run();
				}
			}
		} catch (SQLException e) {
			throw new ConnectorException(where + ": " + request.kind().id() + " query failed: " + clean(e.getMessage(), password), e);
		}
	}

	/** The query of the kind: {@code query.<kind>}, else all of {@code table.<kind>}, else of the table named like the kind. */
	static String query(Parameters p, FactKind kind, String where) throws ConnectorException {
		Map<String, String> queries = p.family("query");
		Map<String, String> tables = p.family("table");
		String query = queries.get(kind.id());
		if (query != null && !query.isBlank()) {
			return query.strip();
		}
		String table = tables.getOrDefault(kind.id(), kind.id().replace('-', '_')).strip();
		if (!TABLE.matcher(table).matches()) {
			throw new ConnectorException(where + ": table." + kind.id() + "='" + table
					+ "' is not a table name (schema.table, letters, digits and _; use query." + kind.id() + " for anything else)");
		}
		return "SELECT * FROM " + table;
	}

	private static char[] password(Parameters p, String url, String where) throws ConnectorException {
		String key = p.has(PASSWORD_KEY) ? p.string(PASSWORD_KEY).strip() : null;
		try {
			java.util.regex.Matcher inUrl = PASSWORD_IN_URL.matcher(url);
			if (!p.has(PASSWORD) && inUrl.find() && p.bool(SAVE_PASSWORD)) {
				// the URL's own password goes to secure storage too; the history keeps the URL without it
				if (key == null) {
					throw new ConnectorException(where + ": savePassword needs passwordKey, the key to keep the password under");
				}
				SecretStore.store(key, inUrl.group(1).toCharArray());
				return null; // the driver reads it from the URL
			}
			if (p.has(PASSWORD)) {
				char[] given = p.string(PASSWORD).toCharArray();
				if (p.bool(SAVE_PASSWORD)) {
					if (key == null) {
						throw new ConnectorException(where + ": savePassword needs passwordKey, the key to keep the password under");
					}
					SecretStore.store(key, given);
				}
				return given;
			}
			if (p.bool(SAVE_PASSWORD)) {
				throw new ConnectorException(where + ": savePassword needs a password to save");
			}
			if (key != null) {
				return SecretStore.password(key).orElseThrow(() -> new ConnectorException(where
						+ ": no password is stored under '" + key + "' (store one: --param password=… --param passwordKey="
						+ key + " --param savePassword=true)"));
			}
			return null;
		} catch (IOException | IllegalArgumentException e) {
			throw new ConnectorException(where + ": secure storage: " + e.getMessage(), e);
		}
	}

	/**
	 * The bundled drivers are asked directly: inside OSGi, {@link DriverManager} does not see
	 * drivers of other bundles. Any other driver must be visible to DriverManager.
	 */
	private static Connection connect(String url, Properties props, String where) throws ConnectorException {
		try {
			Connection c;
			if (url.startsWith("jdbc:hsqldb:")) {
				c = new org.hsqldb.jdbc.JDBCDriver().connect(url, props);
			} else if (url.startsWith("jdbc:postgresql:")) {
				c = new org.postgresql.Driver().connect(url, props);
			} else if (url.startsWith("jdbc:trino:")) {
				c = new io.trino.jdbc.TrinoDriver().connect(url, props);
			} else {
				c = DriverManager.getConnection(url, props);
			}
			if (c == null) {
				throw new ConnectorException(where + ": the driver does not accept this URL");
			}
			return c;
		} catch (SQLException e) {
			throw new ConnectorException(where + ": cannot connect: " + clean(e.getMessage(), props.getProperty("password")), e);
		}
	}

	/** The URL for messages: a password written into it is masked. */
	static String redact(String url) {
		return Parameters.withoutCredentials(url);
	}

	private static String clean(String message, char[] password) {
		return clean(message, password == null ? null : new String(password));
	}

	/** A driver's message, with the password taken out should the driver have echoed it. */
	private static String clean(String message, String password) {
		String m = message == null ? "(no message)" : message;
		if (password != null && !password.isEmpty()) {
			m = m.replace(password, "***");
		}
		return redact(m);
	}

	/** One pass over a result set. */
	private static final class Rows {
		private final ImportRequest request;
		private final RecordSink sink;
		private final ResultSet rs;
		private final String[] fieldOf; // canonical field (or kept column name) per column, null = not read
		private final int[] types;

		Rows(ImportRequest request, RecordSink sink, ResultSet rs, Map<String, String> mapping, String where)
				throws SQLException, ConnectorException {
			this.request = request;
			this.sink = sink;
			this.rs = rs;
			FactKind kind = request.kind();
			ResultSetMetaData meta = rs.getMetaData();
			int n = meta.getColumnCount();
			fieldOf = new String[n + 1];
			types = new int[n + 1];
			List<String> labels = new ArrayList<>();
			for (int i = 1; i <= n; i++) {
				labels.add(meta.getColumnLabel(i));
				types[i] = meta.getColumnType(i);
			}
			List<String> canonical = new ArrayList<>(kind.requiredFields());
			canonical.addAll(kind.optionalFields());
			for (Map.Entry<String, String> m : mapping.entrySet()) {
				if (!canonical.contains(m.getKey())) {
					throw new ConnectorException(where + ": map." + m.getKey() + ": " + kind.id() + " have no field '"
							+ m.getKey() + "' (fields: " + String.join(", ", canonical) + ")");
				}
				int column = indexOf(labels, m.getValue());
				if (column < 0) {
					throw new ConnectorException(where + ": map." + m.getKey() + "=" + m.getValue() + ": the "
							+ kind.id() + " query has no such column (columns: " + String.join(", ", labels) + ")");
				}
				fieldOf[column] = m.getKey();
			}
			for (String field : canonical) {
				if (!mapping.containsKey(field)) {
					int column = indexOf(labels, field);
					if (column > 0 && fieldOf[column] == null) {
						fieldOf[column] = field;
					}
				}
			}
			List<String> missing = new ArrayList<>();
			for (String field : kind.requiredFields()) {
				if (!Arrays.asList(fieldOf).contains(field)) {
					missing.add(field);
				}
			}
			if (!missing.isEmpty()) {
				throw new ConnectorException(where + ": the " + kind.id() + " query has no column for "
						+ String.join(", ", missing) + " (columns: " + String.join(", ", labels) + "); map one with --param map."
						+ missing.get(0) + "=COLUMN");
			}
			if (kind.keepsExtraFields()) {
				// customers keep their other columns as attributes, under the column's name
				for (int i = 1; i <= n; i++) {
					if (fieldOf[i] == null && !mapping.containsValue(labels.get(i - 1))) {
						fieldOf[i] = labels.get(i - 1).toLowerCase(Locale.ROOT);
					}
				}
			}
		}

		private static int indexOf(List<String> labels, String name) {
			for (int i = 0; i < labels.size(); i++) {
				if (labels.get(i).equalsIgnoreCase(name.strip())) {
					return i + 1;
				}
			}
			return -1;
		}

		void run() throws SQLException {
			long row = 0;
			StringBuilder raw = new StringBuilder(128);
			while (rs.next()) {
				row++;
				if ((row & 4095) == 0) {
					request.monitor().checkCanceled();
				}
				Map<String, String> fields = new LinkedHashMap<>();
				raw.setLength(0);
				for (int i = 1; i < fieldOf.length; i++) {
					String value;
					try {
						value = text(i);
					} catch (SQLException | RuntimeException e) {
						sink.reject(row, fieldOf[i] == null ? "" : fieldOf[i], "column " + i + " cannot be read: " + e.getMessage(),
								raw.toString());
						fields = null;
						break;
					}
					if (i > 1) {
						raw.append(',');
					}
					raw.append(value == null ? "" : value);
					if (fieldOf[i] != null && value != null && !value.isEmpty()) {
						fields.put(fieldOf[i], value);
					}
				}
				if (fields != null) {
					sink.accept(row, fields, raw.toString());
				}
			}
		}

		/** A column's value as canonical text: ISO dates and times, plain decimals, null for SQL NULL. */
		private String text(int i) throws SQLException {
			switch (types[i]) {
			case Types.DATE -> {
				LocalDate d = rs.getObject(i, LocalDate.class);
				return d == null ? null : d.toString();
			}
			case Types.TIMESTAMP -> {
				LocalDateTime t = rs.getObject(i, LocalDateTime.class);
				return t == null ? null : (t.getNano() == 0 && t.getSecond() == 0 ? t.toString() + ":00" : t.toString());
			}
			case Types.TIMESTAMP_WITH_TIMEZONE -> {
				OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
				return t == null ? null : t.toString();
			}
			case Types.TIME -> {
				LocalTime t = rs.getObject(i, LocalTime.class);
				return t == null ? null : t.toString();
			}
			case Types.DECIMAL, Types.NUMERIC -> {
				BigDecimal d = rs.getBigDecimal(i);
				return d == null ? null : d.toPlainString();
			}
			case Types.DOUBLE, Types.FLOAT, Types.REAL -> {
				double d = rs.getDouble(i);
				// the shortest decimal that reads back as the same double: 12.3, not 12.300000000000001
				return rs.wasNull() ? null : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
			}
			default -> {
				return rs.getString(i);
			}
			}
		}
	}
}
