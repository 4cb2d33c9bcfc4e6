package io.custops.source.spark.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.sparkproject.org.apache.arrow.flatbuf.Buffer;
import org.sparkproject.org.apache.arrow.flatbuf.DateUnit;
import org.sparkproject.org.apache.arrow.flatbuf.Decimal;
import org.sparkproject.org.apache.arrow.flatbuf.Field;
import org.sparkproject.org.apache.arrow.flatbuf.FieldNode;
import org.sparkproject.org.apache.arrow.flatbuf.FloatingPoint;
import org.sparkproject.org.apache.arrow.flatbuf.Int;
import org.sparkproject.org.apache.arrow.flatbuf.Message;
import org.sparkproject.org.apache.arrow.flatbuf.MessageHeader;
import org.sparkproject.org.apache.arrow.flatbuf.Precision;
import org.sparkproject.org.apache.arrow.flatbuf.RecordBatch;
import org.sparkproject.org.apache.arrow.flatbuf.Schema;
import org.sparkproject.org.apache.arrow.flatbuf.TimeUnit;
import org.sparkproject.org.apache.arrow.flatbuf.Type;

/**
 * Decodes the Arrow IPC stream of one Spark Connect {@code ArrowBatch} into a page of rows. Read
 * here from the flatbuffer messages and the body bytes, not with Arrow's Java library: its memory
 * allocator needs {@code --add-opens java.base/java.nio} and Unsafe, which an OSGi product cannot
 * promise. Spark sends flat rows of the primitive types below; anything else is refused by name.
 */
final class ArrowBatches {

	private static final int CONTINUATION = 0xFFFFFFFF;

	private ArrowBatches() {
	}

	/** A decoded page: the columns and the values, column by column. */
	record Page(List<Column> columns, int rows, Object[][] values) {
		static final Page EMPTY = new Page(List.of(), 0, new Object[0][]);
	}

	/** The columns and rows of one IPC stream (a schema message, then record batches, then the end). */
	static Page decode(ByteBuffer stream) throws SQLException {
		ByteBuffer in = stream.slice().order(ByteOrder.LITTLE_ENDIAN);
		List<Column> columns = null;
		List<Field> fields = new ArrayList<>();
		List<Object[][]> batches = new ArrayList<>();
		List<Integer> lengths = new ArrayList<>();
		int total = 0;
		while (in.remaining() >= 4) {
			int size = in.getInt();
			if (size == CONTINUATION) {
				if (in.remaining() < 4) {
					break;
				}
				size = in.getInt();
			}
			if (size == 0) {
				break; // end of stream
			}
			ByteBuffer meta = in.slice(in.position(), size).order(ByteOrder.LITTLE_ENDIAN);
			in.position(in.position() + size);
			Message message = Message.getRootAsMessage(meta);
			long bodyLength = message.bodyLength();
			ByteBuffer body = in.slice(in.position(), (int) bodyLength).order(ByteOrder.LITTLE_ENDIAN);
			in.position(in.position() + (int) bodyLength);
			switch (message.headerType()) {
			case MessageHeader.Schema -> {
				Schema schema = (Schema) message.header(new Schema());
				columns = new ArrayList<>();
				for (int i = 0; i < schema.fieldsLength(); i++) {
					Field f = schema.fields(i);
					fields.add(f);
					columns.add(column(f));
				}
			}
			case MessageHeader.RecordBatch -> {
				if (columns == null) {
					throw new SQLException("Spark Connect: an Arrow record batch came before its schema");
				}
				RecordBatch batch = (RecordBatch) message.header(new RecordBatch());
				if (batch.compression() != null) {
					throw new SQLException("Spark Connect: the server sent compressed Arrow batches; this adapter reads"
							+ " uncompressed ones only (unset spark.connect.session.arrow compression on the server)");
				}
				int rows = (int) batch.length();
				Object[][] values = new Object[columns.size()][];
				int buffer = 0;
				for (int c = 0; c < columns.size(); c++) {
					FieldNode node = batch.nodes(c);
					Field f = fields.get(c);
					int n = buffersOf(f);
					Buffer[] buffers = new Buffer[n];
					for (int b = 0; b < n; b++) {
						buffers[b] = batch.buffers(buffer++);
					}
					values[c] = values(f, columns.get(c), body, buffers, (int) node.length(), node.nullCount() > 0);
				}
				batches.add(values);
				lengths.add(rows);
				total += rows;
			}
			default -> throw new SQLException("Spark Connect: unexpected Arrow message " + MessageHeader.name(message.headerType()));
			}
		}
		if (columns == null) {
			return Page.EMPTY;
		}
		if (batches.size() == 1) {
			return new Page(columns, total, batches.get(0));
		}
		Object[][] merged = new Object[columns.size()][total];
		int at = 0;
		for (int b = 0; b < batches.size(); b++) {
			for (int c = 0; c < columns.size(); c++) {
				System.arraycopy(batches.get(b)[c], 0, merged[c], at, lengths.get(b));
			}
			at += lengths.get(b);
		}
		return new Page(columns, total, merged);
	}

	private static Column column(Field f) throws SQLException {
		String name = f.name();
		boolean nullable = f.nullable();
		return switch (f.typeType()) {
		case Type.Int -> {
			Int t = (Int) f.type(new Int());
			yield switch (t.bitWidth()) {
			case 8 -> Column.of(name, Types.TINYINT, "TINYINT", nullable);
			case 16 -> Column.of(name, Types.SMALLINT, "SMALLINT", nullable);
			case 32 -> Column.of(name, Types.INTEGER, "INT", nullable);
			default -> Column.of(name, Types.BIGINT, "BIGINT", nullable);
			};
		}
		case Type.FloatingPoint -> ((FloatingPoint) f.type(new FloatingPoint())).precision() == Precision.SINGLE
				? Column.of(name, Types.REAL, "FLOAT", nullable)
				: Column.of(name, Types.DOUBLE, "DOUBLE", nullable);
		case Type.Decimal -> {
			Decimal t = (Decimal) f.type(new Decimal());
			if (t.bitWidth() != 128) {
				throw unsupportedType(name, "Decimal" + t.bitWidth());
			}
			yield Column.decimal(name, nullable, t.precision(), t.scale());
		}
		case Type.Utf8, Type.LargeUtf8 -> Column.of(name, Types.VARCHAR, "STRING", nullable);
		case Type.Binary, Type.LargeBinary -> Column.of(name, Types.VARBINARY, "BINARY", nullable);
		case Type.Bool -> Column.of(name, Types.BOOLEAN, "BOOLEAN", nullable);
		case Type.Null -> Column.of(name, Types.NULL, "VOID", true);
		case Type.Date -> {
			org.sparkproject.org.apache.arrow.flatbuf.Date t = (org.sparkproject.org.apache.arrow.flatbuf.Date) f
					.type(new org.sparkproject.org.apache.arrow.flatbuf.Date());
			if (t.unit() != DateUnit.DAY) {
				throw unsupportedType(name, "Date in milliseconds");
			}
			yield Column.of(name, Types.DATE, "DATE", nullable);
		}
		case Type.Timestamp -> {
			org.sparkproject.org.apache.arrow.flatbuf.Timestamp t = timestamp(f);
			// TIMESTAMP_NTZ has no zone: the wall clock the analyses count in; TIMESTAMP (LTZ) is an instant
			yield t.timezone() == null ? Column.of(name, Types.TIMESTAMP, "TIMESTAMP_NTZ", nullable)
					: Column.of(name, Types.TIMESTAMP_WITH_TIMEZONE, "TIMESTAMP", nullable);
		}
		default -> throw unsupportedType(name, Type.name(f.typeType()));
		};
	}

	private static org.sparkproject.org.apache.arrow.flatbuf.Timestamp timestamp(Field f) {
		return (org.sparkproject.org.apache.arrow.flatbuf.Timestamp) f.type(new org.sparkproject.org.apache.arrow.flatbuf.Timestamp());
	}

	private static SQLException unsupportedType(String column, String type) {
		return new SQLException("Spark Connect: column " + column + " is of Arrow type " + type
				+ ", which this adapter does not read (cast it to a number, text, date or timestamp in the query)");
	}

	/** Buffers per field in the IPC layout: validity, then offsets and/or data. */
	private static int buffersOf(Field f) {
		return switch (f.typeType()) {
		case Type.Null -> 0;
		case Type.Utf8, Type.LargeUtf8, Type.Binary, Type.LargeBinary -> 3;
		default -> 2;
		};
	}

	private static Object[] values(Field f, Column column, ByteBuffer body, Buffer[] buffers, int rows, boolean nulls) {
		Object[] out = new Object[rows];
		if (f.typeType() == Type.Null) {
			return out;
		}
		ByteBuffer validity = nulls && buffers[0].length() > 0 ? slice(body, buffers[0]) : null;
		ByteBuffer data = slice(body, buffers[buffers.length - 1]);
		ByteBuffer offsets = buffers.length == 3 ? slice(body, buffers[1]) : null;
		boolean large = f.typeType() == Type.LargeUtf8 || f.typeType() == Type.LargeBinary;
		ZoneId zone = null;
		long perSecond = 1_000_000;
		if (f.typeType() == Type.Timestamp) {
			org.sparkproject.org.apache.arrow.flatbuf.Timestamp t = timestamp(f);
			zone = t.timezone() == null ? null : ZoneId.of(t.timezone());
			perSecond = switch (t.unit()) {
			case TimeUnit.SECOND -> 1;
			case TimeUnit.MILLISECOND -> 1_000;
			case TimeUnit.NANOSECOND -> 1_000_000_000;
			default -> 1_000_000;
			};
		}
		for (int i = 0; i < rows; i++) {
			if (validity != null && (validity.get(i >>> 3) & (1 << (i & 7))) == 0) {
				continue;
			}
			out[i] = switch (column.sqlType()) {
			case Types.BIGINT -> data.getLong(i * 8);
			case Types.INTEGER -> data.getInt(i * 4);
			case Types.SMALLINT -> data.getShort(i * 2);
			case Types.TINYINT -> data.get(i);
			case Types.DOUBLE -> data.getDouble(i * 8);
			case Types.REAL -> data.getFloat(i * 4);
			case Types.BOOLEAN -> (data.get(i >>> 3) & (1 << (i & 7))) != 0;
			case Types.DATE -> java.sql.Date.valueOf(LocalDate.ofEpochDay(data.getInt(i * 4)));
			case Types.DECIMAL -> decimal(data, i, column.scale());
			case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> timestamp(data.getLong(i * 8), perSecond, zone);
			case Types.VARCHAR, Types.VARBINARY -> {
				int from = large ? (int) offsets.getLong(i * 8) : offsets.getInt(i * 4);
				int to = large ? (int) offsets.getLong((i + 1) * 8) : offsets.getInt((i + 1) * 4);
				byte[] bytes = new byte[to - from];
				data.get(from, bytes);
				yield column.sqlType() == Types.VARCHAR ? new String(bytes, StandardCharsets.UTF_8) : bytes;
			}
			default -> null;
			};
		}
		return out;
	}

	private static ByteBuffer slice(ByteBuffer body, Buffer b) {
		return body.slice((int) b.offset(), (int) b.length()).order(ByteOrder.LITTLE_ENDIAN);
	}

	/** A 128-bit little-endian two's complement unscaled value. */
	private static BigDecimal decimal(ByteBuffer data, int i, int scale) {
		long low = data.getLong(i * 16);
		long high = data.getLong(i * 16 + 8);
		if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
			return BigDecimal.valueOf(low, scale);
		}
		byte[] big = new byte[16];
		for (int k = 0; k < 8; k++) {
			big[15 - k] = (byte) (low >>> (8 * k));
			big[7 - k] = (byte) (high >>> (8 * k));
		}
		return new BigDecimal(new BigInteger(big), scale);
	}

	/** NTZ: the wall-clock time as stored; LTZ: the instant seen in the session's zone. */
	private static Timestamp timestamp(long value, long perSecond, ZoneId zone) {
		long seconds = Math.floorDiv(value, perSecond);
		long nanos = Math.floorMod(value, perSecond) * (1_000_000_000L / perSecond);
		LocalDateTime wall = zone == null ? LocalDateTime.ofEpochSecond(seconds, (int) nanos, ZoneOffset.UTC)
				: LocalDateTime.ofInstant(Instant.ofEpochSecond(seconds, nanos), zone);
		return Timestamp.valueOf(wall);
	}
}
