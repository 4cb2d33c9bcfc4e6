package io.custops.connector.csv.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.custops.core.spi.BlockSink;
import io.custops.core.spi.ConnectorException;
import io.custops.core.spi.RowBlock;

/**
 * Reads a UTF-8 file's records as bytes and hands them to a {@link BlockSink} a block at a
 * time: no decoding into characters, no string per field. The records are those Commons CSV
 * reads with the same settings ({@link CsvReading}'s way, kept for every other case): a field
 * is quoted when it begins with the quote, a doubled quote inside is one quote, delimiters and
 * line breaks inside quotes are data, only whitespace may follow a closing quote, empty lines are
 * skipped, and LF, CRLF and a lone CR end a line. The rows, their lines, raw text and
 * rejections are those {@link CsvReading} hands one by one.
 */
final class CsvBlocks {

	/** Rows per block. */
	static final int BLOCK_ROWS = 4096;

	private final CsvReading reading;
	private final String source;
	private final byte delimiter;
	private final int quote;
	private final BlockSink sink;

	private FileChannel channel;
	/** The file's bytes being read (4 MB; grown for a longer record; smaller in tests). */
	/** Beyond this a record is not read at all (rows over 1 MiB are rejected by the store; this bounds the memory). */
	static final int MAX_RECORD_BYTES = 256 << 20;
	private byte[] buf = new byte[Math.max(64, Integer.getInteger("custops.csv.buffer", 4 << 20))];
	/** Valid bytes in {@link #buf}; whether the file has been read to its end. */
	private int limit;
	private boolean eof;
	/** Bytes of {@link #buf} checked to be UTF-8 (from the start of the buffer). */
	private int valid;
	/** The line of {@link #buf}[0] (1-based), counting LF, CRLF and lone CR. */
	private long lineAtStart = 1;

	/** The fields of the record being read: start, end, and whether it holds doubled quotes. */
	private int[] starts = new int[64];
	private int[] ends = new int[64];
	private boolean[] escaped = new boolean[64];
	private byte[] scratch = new byte[256];

	CsvBlocks(CsvReading reading, String source, char delimiter, Character quote, BlockSink sink) {
		this.reading = reading;
		this.source = source;
		this.delimiter = (byte) delimiter;
		this.quote = quote == null ? -1 : quote;
		this.sink = sink;
	}

	/** Whether the block way reads a file with these settings: one ASCII delimiter and quote. */
	static boolean supports(String delimiter, Character quote) {
		return delimiter.length() == 1 && delimiter.charAt(0) < 0x80 && (quote == null || quote < 0x80)
				&& (quote == null || quote != delimiter.charAt(0));
	}

	void run(Path file, int skipLines, boolean header) throws ConnectorException, IOException {
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
			channel = ch;
			fill(0);
			int pos = 0;
			if (limit >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
				pos = 3;
			}
			for (int i = 0; i < skipLines; i++) { // as the old way: up to and with the next LF
				int lf;
				while ((lf = indexOf(pos, (byte) '\n')) < 0 && !eof) {
					pos = refill(pos);
				}
				pos = lf < 0 ? limit : lf + 1;
			}
			this.header = header;
			while (pos >= 0) {
				pos = step(pos);
			}
			if (block == null) {
				throw new ConnectorException(source + ": the file is empty" + (header ? " (no header row)" : ""));
			}
			if (block.rows() > 0) {
				sink.accept(block);
			}
		}
	}

	/** Whether the first record is the header; the block being filled (null before the first record) and its columns. */
	private boolean header;
	private RowBlock block;
	private int[] columns;

	/**
	 * Reads the record at {@code pos} (after any empty lines, counting them) into the block,
	 * handing the block on when full; returns where the next record may begin, or -1 at the
	 * file's end. A method per record, not the body of {@link #run}'s loop: the JIT compiles a
	 * method called this often after a few thousand records, where the loop of a method called
	 * once ran interpreted for about a hundred thousand.
	 */
	private int step(int pos) throws ConnectorException, IOException {
		int at = skipBreaks(pos);
		while (at == limit && !eof) {
			at = skipBreaks(pos = refill(pos));
		}
		pos = at;
		if (pos >= limit) {
			return -1;
		}
		int end = record(pos);
		while (end < 0) {
			if (eof) {
				throw new ConnectorException(source + ": not valid CSV at line " + lineOf(pos)
						+ ": the file ends inside a quoted field");
			}
			pos = refill(pos);
			end = record(pos);
		}
		int n = fields;
		long line = lineOf(pos);
		if (block == null) {
			begin(n, line);
			if (header) {
				return next(end);
			}
		}
		if (!quoted) { // no line break inside: the next record's line is counted from its end
			linePos = end;
			lineAtPos = line;
		}
		RowBlock block = this.block;
		int at0 = block.addRow(line, buf, pos, end - pos);
		String mismatch = reading.fieldCountProblem(n);
		if (mismatch != null) {
			block.reject("", mismatch);
		} else {
			int[] columns = this.columns;
			for (int f = 0; f < columns.length; f++) {
				int c = columns[f];
				if (escaped[c]) {
					int len = unescape(starts[c], ends[c]);
					int added = block.addBytes(scratch, 0, len);
					block.field(f, added, added + len);
				} else {
					block.field(f, at0 + starts[c] - pos, at0 + ends[c] - pos);
				}
			}
		}
		if (block.isFull()) {
			this.block = sink.accept(block);
		}
		return next(end);
	}

	/** The first record, read at {@code line}: the header (or the first row) names the fields. */
	private void begin(int n, long line) throws ConnectorException {
		List<String> values = new ArrayList<>(n);
		for (int f = 0; f < n; f++) {
			values.add(text(f));
		}
		reading.start(values, line);
		columns = reading.mappedColumns();
		block = new RowBlock(reading.mappedFields(), BLOCK_ROWS);
	}

	/** Fields of the last {@link #record}, and whether any was quoted (then it may hold line breaks). */
	private int fields;
	private boolean quoted;

	/**
	 * Reads the record at {@code pos}: fills {@link #starts}, {@link #ends}, {@link #escaped}
	 * and {@link #fields}, and returns where its line break (or the file's end) begins, or -1
	 * when the buffer ends first.
	 */
	private int record(int pos) throws ConnectorException {
		int n = 0;
		int i = pos;
		byte[] b = buf;
		quoted = false;
		while (true) {
			if (n == starts.length) {
				starts = Arrays.copyOf(starts, n * 2);
				ends = Arrays.copyOf(ends, n * 2);
				escaped = Arrays.copyOf(escaped, n * 2);
			}
			if (i < limit && b[i] == quote) {
				quoted = true;
				int start = i + 1;
				boolean doubled = false;
				int j = start;
				while (true) {
					if (j >= limit) {
						return -1;
					}
					if (b[j] == quote) {
						if (j + 1 >= limit && !eof) {
							return -1;
						}
						if (j + 1 < limit && b[j + 1] == quote) {
							doubled = true;
							j += 2;
							continue;
						}
						break;
					}
					j++;
				}
				starts[n] = start;
				ends[n] = j;
				escaped[n] = doubled;
				n++;
				i = j + 1;
				while (i < limit && b[i] != delimiter && b[i] != '\n' && b[i] != '\r') {
					if (b[i] != ' ' && b[i] != '\t' && b[i] != '\f' && b[i] != 0x0B && (b[i] < 0x1C || b[i] > 0x1F)) {
						throw new ConnectorException(source + ": not valid CSV at line " + lineOf(i)
								+ ": a character after the closing quote of a field (quote a field whole, and double the quotes inside it)");
					}
					i++;
				}
			} else {
				int start = i;
				i = fieldEnd(b, i, limit);
				starts[n] = start;
				ends[n] = i;
				escaped[n] = false;
				n++;
			}
			if (i >= limit) {
				if (!eof) {
					return -1;
				}
				fields = n;
				return limit;
			}
			if (b[i] == delimiter) {
				i++;
				continue;
			}
			if (b[i] == '\r' && i + 1 >= limit && !eof) {
				return -1; // a CRLF may be cut
			}
			fields = n;
			return i;
		}
	}

	private static final java.lang.invoke.VarHandle LONG_LE = java.lang.invoke.MethodHandles
			.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
	private static final long ONES = 0x0101_0101_0101_0101L;
	private static final long HIGHS = 0x8080_8080_8080_8080L;

	/**
	 * Where an unquoted field that begins at {@code i} ends: at the first delimiter, LF or CR, or
	 * at {@code limit}. Eight bytes at a time: a byte equal to one of the three becomes zero in
	 * one of the three XORs, and the lowest zero byte of a word is found exactly.
	 */
	private int fieldEnd(byte[] b, int i, int limit) {
		long delimiters = ONES * (delimiter & 0xFF);
		while (i + 8 <= limit) {
			long w = (long) LONG_LE.get(b, i);
			long d = w ^ delimiters;
			long n = w ^ (ONES * '\n');
			long r = w ^ (ONES * '\r');
			long found = ((d - ONES) & ~d | (n - ONES) & ~n | (r - ONES) & ~r) & HIGHS;
			if (found != 0) {
				return i + (Long.numberOfTrailingZeros(found) >>> 3);
			}
			i += 8;
		}
		while (i < limit && b[i] != delimiter && b[i] != '\n' && b[i] != '\r') {
			i++;
		}
		return i;
	}

	/** Past the line break at {@code end} (LF, CRLF or CR). */
	private int next(int end) {
		if (end >= limit) {
			return limit;
		}
		return buf[end] == '\r' && end + 1 < limit && buf[end + 1] == '\n' ? end + 2 : end + 1;
	}

	private int skipBreaks(int pos) {
		int i = pos;
		while (i < limit && (buf[i] == '\n' || buf[i] == '\r')) {
			if (buf[i] == '\r' && i + 1 == limit && !eof) {
				return i; // its LF may follow
			}
			i++;
		}
		return i;
	}

	private int unescape(int start, int end) {
		if (scratch.length < end - start) {
			scratch = new byte[end - start];
		}
		int n = 0;
		for (int i = start; i < end; i++) {
			scratch[n++] = buf[i];
			if (buf[i] == quote) {
				i++; // the second of a doubled quote
			}
		}
		return n;
	}

	private String text(int field) {
		int len = escaped[field] ? unescape(starts[field], ends[field]) : ends[field] - starts[field];
		return escaped[field] ? new String(scratch, 0, len, StandardCharsets.UTF_8)
				: new String(buf, starts[field], len, StandardCharsets.UTF_8);
	}

	private int indexOf(int from, byte value) {
		for (int i = from; i < limit; i++) {
			if (buf[i] == value) {
				return i;
			}
		}
		return -1;
	}

	/** A position of the buffer and its line: lines are counted once, as the reading moves on. */
	private int linePos;
	private long lineAtPos = 1;

	/** The line of a position in the buffer. */
	private long lineOf(int pos) {
		if (pos < linePos) { // only where an error is reported
			return lineAtStart + breaks(0, pos);
		}
		lineAtPos += breaks(linePos, pos);
		linePos = pos;
		return lineAtPos;
	}

	/** Line breaks in {@code buf[from, to)}: LF, CRLF (one) and a lone CR. */
	private long breaks(int from, int to) {
		long n = 0;
		for (int i = from; i < to; i++) {
			byte c = buf[i];
			if (c == '\n' || (c == '\r' && (i + 1 >= limit || buf[i + 1] != '\n'))) {
				n++;
			}
		}
		return n;
	}

	/** Drops the bytes before {@code keep} and reads more; returns where {@code keep} is now. */
	private int refill(int keep) throws IOException, ConnectorException {
		lineAtStart = lineOf(keep);
		lineAtPos = lineAtStart;
		linePos = 0;
		int rest = limit - keep;
		if (keep == 0 && rest == buf.length) {
			if (buf.length >= MAX_RECORD_BYTES) { // no row is that long: not a file of rows, or a quote left open
				throw new ConnectorException(source + ": line " + lineOf(0) + " is longer than " + (MAX_RECORD_BYTES >> 20)
						+ " MB without ending (a row holds at most 1 MiB; is a quote left open?)");
			}
			buf = Arrays.copyOf(buf, buf.length * 2); // a record longer than the buffer
		} else {
			System.arraycopy(buf, keep, buf, 0, rest);
		}
		valid = Math.max(0, valid - keep);
		limit = rest;
		fill(rest);
		return 0;
	}

	/**
	 * Bytes read from the file so far. The first {@link #SMALL_READS_UP_TO} are read 64 KB at a
	 * time: the rare paths of a buffer's end (a field, a record or line breaks cut by it) are
	 * then taken while the JIT profiles the reading, and it compiles them in; met first after it
	 * had compiled the loop, each made it throw the compiled loop away and compile it again.
	 */
	private long readSoFar;
	private static final long SMALL_READS_UP_TO = 8 << 20;

	private void fill(int from) throws IOException, ConnectorException {
		int room = buf.length - from;
		if (readSoFar < SMALL_READS_UP_TO) {
			room = Math.min(room, readSoFar < 1 << 20 ? 4 << 10 : 64 << 10);
		}
		ByteBuffer target = ByteBuffer.wrap(buf, from, room);
		while (target.hasRemaining()) {
			if (channel.read(target) < 0) {
				eof = true;
				break;
			}
		}
		limit = target.position();
		readSoFar += limit - from;
		checkUtf8();
	}

	/**
	 * Checks the bytes read since the last check: up to the last ASCII byte, where no character
	 * can be cut by the buffer's end (to the end at the file's end).
	 */
	private void checkUtf8() throws ConnectorException {
		int to = limit;
		if (!eof) {
			while (to > valid && buf[to - 1] < 0) {
				to--;
			}
		}
		int bad = Utf8.firstInvalid(buf, valid, to);
		if (bad >= 0) {
			throw reading.encodingProblemAt(lineOf(bad));
		}
		valid = to;
	}
}
