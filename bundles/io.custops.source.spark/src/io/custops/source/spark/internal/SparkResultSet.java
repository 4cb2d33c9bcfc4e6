package io.custops.source.spark.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

import org.apache.spark.connect.proto.ExecutePlanResponse;
import org.sparkproject.io.grpc.StatusRuntimeException;

import io.custops.source.spark.internal.ArrowBatches.Page;

/**
 * A forward-only result read page by page: one Arrow batch is decoded and held at a time, so
 * the client's memory does not grow with the result.
 */
final class SparkResultSet extends UnsupportedResultSet {

	/** Where the pages come from; {@code null} when there are no more. */
	interface Pages {
		Page next() throws SQLException;

		/** Called when the result set is closed before the last page. */
		default void abandon() {
		}
	}

	private final Statement statement;
	private final Pages pages;
	private final List<Column> columns;
	private Page page;
	private int row = -1;
	private boolean done;
	private boolean closed;
	private boolean wasNull;
	private long rowsRead;

	/** The result of a streamed query: the first page is read here, for the columns. */
	SparkResultSet(SparkStatement statement, ConnectUrl url, Iterator<ExecutePlanResponse> responses) throws SQLException {
		this(statement, new Pages() {
			@Override
			public Page next() throws SQLException {
				try {
					while (responses.hasNext()) {
						ExecutePlanResponse r = responses.next();
						if (r.hasArrowBatch()) {
							return ArrowBatches.decode(r.getArrowBatch().getData().asReadOnlyByteBuffer());
						}
					}
					statement.finished();
					return null;
				} catch (StatusRuntimeException e) {
					statement.finished();
					throw Grpc.failure(url, "the query", e);
				}
			}

			@Override
			public void abandon() {
				statement.abort();
			}
		});
	}

	/** A result held whole (metadata listings). */
	SparkResultSet(Statement statement, List<Column> columns, Object[][] valuesByColumn, int rows) throws SQLException {
		this(statement, new Pages() {
			private boolean given;

			@Override
			public Page next() {
				if (given) {
					return null;
				}
				given = true;
				return new Page(columns, rows, valuesByColumn);
			}
		});
	}

	private SparkResultSet(Statement statement, Pages pages) throws SQLException {
		this.statement = statement;
		this.pages = pages;
		this.page = pages.next();
		if (page == null) {
			done = true;
			page = Page.EMPTY;
		}
		this.columns = page.columns();
	}

	@Override
	public boolean next() throws SQLException {
		checkOpen();
		if (done) {
			return false;
		}
		while (++row >= page.rows()) {
			Page nextPage = pages.next();
			if (nextPage == null) {
				done = true;
				row = page.rows();
				return false;
			}
			if (nextPage.columns().size() != columns.size()) {
				throw new SQLException("Spark Connect: a later batch has " + nextPage.columns().size() + " columns, the first "
						+ columns.size());
			}
			page = nextPage;
			row = -1;
		}
		rowsRead++;
		return true;
	}

	/** Reads the rest of the stream (for commands, whose end means done). */
	void drain() throws SQLException {
		while (!done) {
			Page nextPage = pages.next();
			if (nextPage == null) {
				done = true;
			}
		}
	}

	long rowsRead() {
		return rowsRead;
	}

	private void checkOpen() throws SQLException {
		if (closed) {
			throw new SQLException("result set is closed");
		}
	}

	private Object value(int column) throws SQLException {
		checkOpen();
		if (column < 1 || column > columns.size()) {
			throw new SQLException("column " + column + " does not exist (1 to " + columns.size() + ")");
		}
		if (row < 0 || row >= page.rows()) {
			throw new SQLException("no current row (call next() first)");
		}
		Object v = page.values()[column - 1][row];
		wasNull = v == null;
		return v;
	}

	@Override
	public boolean wasNull() {
		return wasNull;
	}

	@Override
	public int findColumn(String label) throws SQLException {
		for (int i = 0; i < columns.size(); i++) {
			if (columns.get(i).name().equalsIgnoreCase(label)) {
				return i + 1;
			}
		}
		throw new SQLException("no column " + label + " in the result");
	}

	@Override
	public Object getObject(int column) throws SQLException {
		return value(column);
	}

	@Override
	public Object getObject(String label) throws SQLException {
		return getObject(findColumn(label));
	}

	@Override
	public <T> T getObject(int column, Class<T> type) throws SQLException {
		Object v = value(column);
		if (v == null || type.isInstance(v)) {
			return type.cast(v);
		}
		Object converted;
		if (type == String.class) {
			converted = getString(column);
		} else if (type == Long.class) {
			converted = getLong(column);
		} else if (type == Integer.class) {
			converted = getInt(column);
		} else if (type == Double.class) {
			converted = getDouble(column);
		} else if (type == BigDecimal.class) {
			converted = getBigDecimal(column);
		} else if (type == LocalDateTime.class && v instanceof Timestamp t) {
			converted = t.toLocalDateTime();
		} else if (type == LocalDate.class && v instanceof Date d) {
			converted = d.toLocalDate();
		} else {
			throw new SQLException("column " + columns.get(column - 1).name() + " (" + columns.get(column - 1).typeName()
					+ ") cannot be read as " + type.getName());
		}
		return type.cast(converted);
	}

	@Override
	public <T> T getObject(String label, Class<T> type) throws SQLException {
		return getObject(findColumn(label), type);
	}

	@Override
	public String getString(int column) throws SQLException {
		Object v = value(column);
		if (v == null) {
			return null;
		}
		if (v instanceof BigDecimal d) {
			return d.toPlainString();
		}
		if (v instanceof byte[] b) {
			return HexFormat.of().formatHex(b);
		}
		return v.toString();
	}

	@Override
	public String getString(String label) throws SQLException {
		return getString(findColumn(label));
	}

	private Number number(int column) throws SQLException {
		Object v = value(column);
		if (v == null) {
			return null;
		}
		if (v instanceof Number n) {
			return n;
		}
		if (v instanceof Boolean b) {
			return b ? 1 : 0;
		}
		if (v instanceof String s) {
			try {
				return new BigDecimal(s.strip());
			} catch (NumberFormatException e) {
				throw new SQLException("column " + columns.get(column - 1).name() + ": '" + s + "' is not a number");
			}
		}
		throw new SQLException("column " + columns.get(column - 1).name() + " (" + columns.get(column - 1).typeName()
				+ ") is not a number");
	}

	@Override
	public long getLong(int column) throws SQLException {
		Number n = number(column);
		if (n instanceof BigDecimal d) {
			return d.longValueExact();
		}
		return n == null ? 0 : n.longValue();
	}

	@Override
	public long getLong(String label) throws SQLException {
		return getLong(findColumn(label));
	}

	@Override
	public int getInt(int column) throws SQLException {
		long v = getLong(column);
		if (v != (int) v) {
			throw new SQLException("column " + columns.get(column - 1).name() + ": " + v + " does not fit an int");
		}
		return (int) v;
	}

	@Override
	public int getInt(String label) throws SQLException {
		return getInt(findColumn(label));
	}

	@Override
	public short getShort(int column) throws SQLException {
		return (short) getInt(column);
	}

	@Override
	public double getDouble(int column) throws SQLException {
		Number n = number(column);
		return n == null ? 0 : n.doubleValue();
	}

	@Override
	public double getDouble(String label) throws SQLException {
		return getDouble(findColumn(label));
	}

	@Override
	public float getFloat(int column) throws SQLException {
		return (float) getDouble(column);
	}

	@Override
	public BigDecimal getBigDecimal(int column) throws SQLException {
		Number n = number(column);
		if (n == null || n instanceof BigDecimal) {
			return (BigDecimal) n;
		}
		if (n instanceof Double || n instanceof Float) {
			return BigDecimal.valueOf(n.doubleValue());
		}
		return BigDecimal.valueOf(n.longValue());
	}

	@Override
	public BigDecimal getBigDecimal(String label) throws SQLException {
		return getBigDecimal(findColumn(label));
	}

	@Override
	public boolean getBoolean(int column) throws SQLException {
		Object v = value(column);
		if (v == null) {
			return false;
		}
		if (v instanceof Boolean b) {
			return b;
		}
		if (v instanceof String s) {
			return s.equalsIgnoreCase("true") || s.equals("1");
		}
		return number(column).intValue() != 0;
	}

	@Override
	public boolean getBoolean(String label) throws SQLException {
		return getBoolean(findColumn(label));
	}

	@Override
	public short getShort(String label) throws SQLException {
		return getShort(findColumn(label));
	}

	@Override
	public float getFloat(String label) throws SQLException {
		return getFloat(findColumn(label));
	}

	@Override
	public Timestamp getTimestamp(int column) throws SQLException {
		Object v = value(column);
		if (v == null || v instanceof Timestamp) {
			return (Timestamp) v;
		}
		if (v instanceof Date d) {
			return Timestamp.valueOf(d.toLocalDate().atStartOfDay());
		}
		throw new SQLException("column " + columns.get(column - 1).name() + " (" + columns.get(column - 1).typeName()
				+ ") is not a timestamp");
	}

	@Override
	public Timestamp getTimestamp(String label) throws SQLException {
		return getTimestamp(findColumn(label));
	}

	@Override
	public Date getDate(int column) throws SQLException {
		Object v = value(column);
		if (v == null || v instanceof Date) {
			return (Date) v;
		}
		if (v instanceof Timestamp t) {
			return Date.valueOf(t.toLocalDateTime().toLocalDate());
		}
		throw new SQLException("column " + columns.get(column - 1).name() + " (" + columns.get(column - 1).typeName()
				+ ") is not a date");
	}

	@Override
	public Date getDate(String label) throws SQLException {
		return getDate(findColumn(label));
	}

	@Override
	public ResultSetMetaData getMetaData() {
		return new SparkResultSetMetaData(columns);
	}

	@Override
	public Statement getStatement() {
		return statement;
	}

	@Override
	public int getType() {
		return TYPE_FORWARD_ONLY;
	}

	@Override
	public int getConcurrency() {
		return CONCUR_READ_ONLY;
	}

	@Override
	public int getFetchDirection() {
		return FETCH_FORWARD;
	}

	@Override
	public void setFetchSize(int rows) throws SQLException {
		if (rows < 0) {
			throw new SQLException("fetch size " + rows + " is negative");
		}
	}

	@Override
	public int getFetchSize() {
		return page.rows();
	}

	@Override
	public SQLWarning getWarnings() {
		return null;
	}

	@Override
	public void clearWarnings() {
		// none kept
	}

	@Override
	public boolean isBeforeFirst() {
		return !done && row < 0 && page.rows() > 0;
	}

	@Override
	public boolean isClosed() {
		return closed;
	}

	/** Closing before the end stops the server's work on the rest. */
	@Override
	public void close() {
		if (!closed) {
			closed = true;
			if (!done) {
				pages.abandon();
			}
			page = Page.EMPTY;
		}
	}

	@Override
	public boolean isWrapperFor(Class<?> iface) {
		return iface.isInstance(this);
	}

	@Override
	public <T> T unwrap(Class<T> iface) throws SQLException {
		if (iface.isInstance(this)) {
			return iface.cast(this);
		}
		throw new SQLException("not a " + iface.getName());
	}

}
