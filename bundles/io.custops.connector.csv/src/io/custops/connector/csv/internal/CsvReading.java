package io.custops.connector.csv.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.custops.core.FileKinds;
import io.custops.core.data.FactKind;
import io.custops.core.param.ParameterException;
import io.custops.core.param.Parameters;
import io.custops.core.spi.BlockSink;
import io.custops.core.spi.ConnectorException;
import io.custops.core.spi.ImportRequest;
import io.custops.core.spi.RecordSink;

/** One reading of one file: the mapping is settled from the header, then each record is handed on. */
final class CsvReading {

	private static final Set<String> TIME_FIELDS = Set.of("order_time", "pay_time", "event_time");
	private static final Set<String> DATE_FIELDS = Set.of("birthday", "first_seen", "start", "end");
	private static final DateTimeFormatter LOCAL_TIME_OUT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS");

	private final ImportRequest request;
	private final RecordSink sink;
	private final FactKind kind;
	private final List<String> fieldNames;
	private final String source;

	private final String delimiter;
	private final Character quote;
	/** The file's encoding; with {@code encoding=auto} settled by {@link EncodingDetector} when the file is opened. */
	private Charset charset;
	private final boolean detectEncoding;
	private final boolean header;
	private final List<String> columnNames;
	private final int skipLines;
	private final Map<String, String> map;
	private final Map<String, String> defaults;
	private final Map<String, List<String[]>> recodes = new HashMap<>();
	private final List<DateTimeFormatter> dateFormats = new ArrayList<>();
	private final String dateFormatText;

	/** The text being read, and where the record being assembled began in it. */
	private RecordingReader text;
	private long pendingStart;

	/** Canonical field (or attribute name) → column index. */
	private final Map<String, Integer> columnOf = new LinkedHashMap<>();
	private int expectedFields;

	CsvReading(ImportRequest request, RecordSink sink) {
		this.request = request;
		this.sink = sink;
		this.kind = request.kind();
		this.fieldNames = Stream.concat(kind.requiredFields().stream(), kind.optionalFields().stream()).toList();
		this.source = request.sourceName();
		Parameters p = request.parameters();
		this.delimiter = delimiter(p.string("delimiter"));
		this.quote = quote(p.string("quote"));
		this.detectEncoding = p.string("encoding").strip().equalsIgnoreCase(EncodingDetector.AUTO);
		this.charset = detectEncoding ? StandardCharsets.UTF_8 : charset(p.string("encoding"));
		this.header = p.bool("header");
		this.columnNames = p.has("columns") ? p.list("columns") : null;
		this.skipLines = p.intValue("skipLines");
		this.map = p.family("map");
		this.defaults = p.family("default");
		checkFields("map", map.keySet());
		checkFields("default", defaults.keySet());
		Map<String, String> recode = p.family("recode");
		checkFields("recode", recode.keySet());
		recode.forEach((field, rules) -> recodes.put(field, recodeRules(field, rules)));
		this.dateFormatText = p.has("dateFormat") ? p.string("dateFormat") : null;
		if (dateFormatText != null) {
			for (String pattern : dateFormatText.split("\\|")) {
				try {
					dateFormats.add(DateTimeFormatter.ofPattern(strictYears(pattern.strip()), Locale.ROOT)
							.withResolverStyle(ResolverStyle.STRICT));
				} catch (IllegalArgumentException e) {
					throw new ParameterException("dateFormat", "'" + pattern.strip() + "' is not a date pattern: " + e.getMessage());
				}
			}
		}
	}

	// ---------------------------------------------------------------- parameters

	private static String delimiter(String text) {
		String d = switch (text.strip().toLowerCase(Locale.ROOT)) {
		case "tab", "\\t" -> "\t";
		case "comma" -> ",";
		case "semicolon" -> ";";
		case "pipe" -> "|";
		case "space" -> " ";
		default -> text;
		};
		if (d.isEmpty() || d.indexOf('\n') >= 0 || d.indexOf('\r') >= 0) {
			throw new ParameterException("delimiter", "'" + text + "' is not a delimiter (a character, or tab, comma, semicolon, pipe, space)");
		}
		return d;
	}

	private static Character quote(String text) {
		if (text.equalsIgnoreCase("none") || text.isEmpty()) {
			return null;
		}
		if (text.length() != 1) {
			throw new ParameterException("quote", "'" + text + "' is not one character (or none)");
		}
		return text.charAt(0);
	}

	private static Charset charset(String name) {
		try {
			return Charset.forName(name.strip());
		} catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
			throw new ParameterException("encoding", "'" + name + "' is not a known encoding (e.g. UTF-8, GBK, GB18030)");
		}
	}

	private void checkFields(String family, Set<String> fields) {
		for (String field : fields) {
			if (!fieldNames.contains(field) && !kind.keepsExtraFields()) {
				throw new ParameterException(family + "." + field, "'" + field + "' is not a field of " + kind.id()
						+ " (fields: " + String.join(", ", fieldNames) + ")");
			}
		}
	}

	/** {@code FROM:TO,FROM:TO}; FROM may end in {@code *} or be {@code *}. */
	private static List<String[]> recodeRules(String field, String text) {
		List<String[]> rules = new ArrayList<>();
		for (String rule : text.split(",")) {
			int colon = rule.indexOf(':');
			if (colon <= 0) {
				throw new ParameterException("recode." + field, "'" + rule.strip() + "' is not FROM:TO");
			}
			rules.add(new String[] { rule.substring(0, colon).strip(), rule.substring(colon + 1).strip() });
		}
		return rules;
	}

	/** {@code yyyy} needs an era under the strict resolver; {@code uuuu} is the same year without one. */
	private static String strictYears(String pattern) {
		StringBuilder out = new StringBuilder();
		boolean quoted = false;
		for (char c : pattern.toCharArray()) {
			if (c == '\'') {
				quoted = !quoted;
			}
			out.append(!quoted && c == 'y' ? 'u' : c);
		}
		return out.toString();
	}

	// ---------------------------------------------------------------- reading

	void run() throws ConnectorException {
		Path file = request.file().orElseThrow(() -> new ConnectorException("the csv connector reads a file: name it"));
		if (FileKinds.isZip(file)) {
			throw new ConnectorException(source + ": an Excel workbook (xlsx), not delimited text: import it with the xlsx connector (--connector xlsx)");
		}
		if (FileKinds.isOle2(file)) {
			throw new ConnectorException(source + ": an old Excel workbook (xls), not delimited text: save it as xlsx (--connector xlsx) or CSV in Excel");
		}
		if (detectEncoding && Files.isRegularFile(file)) {
			try {
				EncodingDetector.Detected found = EncodingDetector.detect(file);
				charset = found.charset();
				sink.note("encoding " + charset.name() + " (detected: " + found.why() + "); if that is wrong, name it with --param encoding=…");
			} catch (IOException e) {
				// the reading below reports it
			}
		}
		if (sink instanceof BlockSink blocks && readsAsBlocks()) {
			try {
				new CsvBlocks(this, source, delimiter.charAt(0), quote, blocks).run(file, skipLines, header);
			} catch (NoSuchFileException e) {
				throw new ConnectorException(source + ": no such file");
			} catch (AccessDeniedException e) {
				throw new ConnectorException(source + ": not readable (permission denied)");
			} catch (IOException e) {
				throw new ConnectorException(source + ": cannot read: " + e.getMessage(), e);
			}
			return;
		}
		long line = 1;
		try (InputStream in = Files.newInputStream(file)) {
			RecordingReader text = new RecordingReader(withoutByteOrderMark(new DecodingReader(in, charset)));
			this.text = text;
			for (int i = 0; i < skipLines; i++) {
				int c;
				while ((c = text.read()) >= 0 && c != '\n') {
					// skipped
				}
				if (c < 0) {
					break;
				}
			}
			line += newlines(text.text(0, text.position()));
			long offset = text.position();
			text.release(offset);
			long firstParsedLine = line;
			CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setQuote(quote)
					.setIgnoreEmptyLines(true).get();
			CSVParser parser = format.parse(text);
			Iterator<CSVRecord> records = parser.iterator();
			CSVRecord pending = null;
			pendingStart = offset;
			boolean first = true;
			while (true) {
				CSVRecord next;
				try {
					next = records.hasNext() ? records.next() : null;
				} catch (UncheckedIOException | IllegalStateException e) {
					Throwable cause = e.getCause() != null ? e.getCause() : e;
					if (cause instanceof CharacterCodingException) {
						throw encodingProblem(line);
					}
					throw new ConnectorException(source + ": not valid CSV at line "
							+ (firstParsedLine - 1 + parser.getCurrentLineNumber()) + ": " + cause.getMessage(), e);
				}
				long end = next == null ? text.position() : offset + next.getCharacterPosition();
				if (pending != null) {
					String raw = text.text(pendingStart, end);
					boolean plain = isPlainLine(raw);
					long recordLine = plain ? line : line + newlines(leadingBreaks(raw));
					String trimmed = plain ? raw.substring(0, raw.length() - 1) : trimBreaks(raw);
					if (first) {
						start(java.util.Arrays.asList(pending.values()), recordLine);
						first = false;
						if (!header) {
							record(pending, recordLine, trimmed);
						}
					} else {
						record(pending, recordLine, trimmed);
					}
					line += plain ? 1 : newlines(raw);
					text.release(end);
				}
				if (next == null) {
					break;
				}
				pending = next;
				pendingStart = end;
			}
			if (first) {
				throw new ConnectorException(source + ": the file is empty" + (header ? " (no header row)" : ""));
			}
		} catch (NoSuchFileException e) {
			throw new ConnectorException(source + ": no such file");
		} catch (AccessDeniedException e) {
			throw new ConnectorException(source + ": not readable (permission denied)");
		} catch (CharacterCodingException e) {
			throw encodingProblem(line);
		} catch (IOException e) {
			throw new ConnectorException(source + ": cannot read: " + e.getMessage(), e);
		}
	}

	/**
	 * Whether the file is read as bytes and handed on in blocks ({@link CsvBlocks}): orders and
	 * events (the kinds the workspace parses from bytes) of a UTF-8 file whose values are taken as
	 * they stand (no recoding, defaults or date patterns) and whose delimiter and quote are ASCII.
	 */
	private boolean readsAsBlocks() {
		return (kind == FactKind.ORDERS || kind == FactKind.EVENTS) && charset.equals(StandardCharsets.UTF_8)
				&& recodes.isEmpty() && defaults.isEmpty() && dateFormats.isEmpty()
				&& CsvBlocks.supports(delimiter, quote) && !Boolean.getBoolean("custops.csv.rowByRow");
	}

	/**
	 * The bad bytes are where decoding stopped: every character before them was read, so count
	 * the lines of the text read since the record being assembled began.
	 */
	private ConnectorException encodingProblem(long line) {
		long at = line;
		if (text != null && text.position() >= pendingStart) {
			at += newlines(text.text(pendingStart, text.position()));
		}
		return encodingProblemAt(at);
	}

	ConnectorException encodingProblemAt(long line) {
		return new ConnectorException(source + ": not valid " + charset.name() + " text at line " + line
				+ (detectEncoding ? " (the encoding was detected from the start of the file)" : "")
				+ "; name the file's encoding with --param encoding=… (e.g. GBK, GB18030, UTF-8)");
	}

	private static Reader withoutByteOrderMark(Reader in) throws IOException {
		PushbackReader reader = new PushbackReader(in, 1);
		int first = reader.read();
		if (first >= 0 && first != '\uFEFF') {
			reader.unread(first);
		}
		return reader;
	}

	/** Settles which column holds which field, from the header (or the first record's width). */
	void start(List<String> first, long line) throws ConnectorException {
		List<String> names;
		if (header) {
			names = new ArrayList<>();
			for (String value : first) {
				names.add(value.strip());
			}
		} else if (columnNames != null) {
			names = columnNames;
		} else {
			names = new ArrayList<>();
			for (int i = 1; i <= first.size(); i++) {
				names.add(Integer.toString(i));
			}
		}
		expectedFields = header ? first.size() : columnNames != null ? columnNames.size() : first.size();
		Set<Integer> used = new java.util.HashSet<>();
		for (String field : fieldNames) {
			String column = map.get(field);
			int index = column != null ? column(names, column, "map." + field) : named(names, field);
			if (index >= 0) {
				columnOf.put(field, index);
				used.add(index);
			}
		}
		for (Map.Entry<String, String> e : map.entrySet()) {
			if (!fieldNames.contains(e.getKey())) { // an attribute of customers, renamed
				int index = column(names, e.getValue(), "map." + e.getKey());
				columnOf.put(e.getKey(), index);
				used.add(index);
			}
		}
		List<String> missing = new ArrayList<>();
		for (String field : kind.requiredFields()) {
			if (!columnOf.containsKey(field) && !defaults.containsKey(field) && !derivable(field)) {
				missing.add(field);
			}
		}
		if (!missing.isEmpty()) {
			throw new ConnectorException(source + ": no column for the required field" + (missing.size() > 1 ? "s " : " ")
					+ String.join(", ", missing) + " of " + kind.id() + " (the file's columns: " + String.join(", ", names)
					+ "); " + (FileKinds.isTaobaoExport(names)
							? "the file is a Taobao/Tmall seller-centre order export: import it with the taobao connector (--connector taobao)"
							: "map one with --param map." + missing.get(0) + "=COLUMN"));
		}
		if (kind.keepsExtraFields() && (header || columnNames != null)) {
			for (int i = 0; i < names.size(); i++) {
				String name = names.get(i);
				if (!used.contains(i) && !name.isEmpty() && !columnOf.containsKey(name)) {
					columnOf.put(name, i);
				}
			}
		}
		if (header || columnNames != null) {
			// the workspace's reasons name the user's column (买家实际支付金额), not the canonical field
			Map<String, String> sourceColumns = new HashMap<>();
			columnOf.forEach((field, index) -> {
				String name = names.get(index);
				if (!name.isEmpty() && !name.equals(field)) {
					sourceColumns.put(field, name);
				}
			});
			sink.sourceColumns(sourceColumns);
		}
	}

	/** The amount of an order can be computed from its quantity and unit price. */
	private boolean derivable(String field) {
		return kind == FactKind.ORDERS && field.equals("amount")
				&& (columnOf.containsKey("quantity") || defaults.containsKey("quantity"))
				&& (columnOf.containsKey("unit_price") || defaults.containsKey("unit_price"));
	}

	private int column(List<String> names, String column, String parameter) throws ConnectorException {
		int index = named(names, column.strip());
		if (index >= 0) {
			return index;
		}
		if (column.strip().matches("\\d{1,6}")) {
			int number = Integer.parseInt(column.strip());
			if (number >= 1 && number <= expectedFields) {
				return number - 1;
			}
		}
		throw new ConnectorException(source + ": no column '" + column + "' (" + parameter + ") in the file; its columns: "
				+ String.join(", ", names));
	}

	private static int named(List<String> names, String name) throws ConnectorException {
		int found = -1;
		for (int pass = 0; pass < 2 && found < 0; pass++) {
			for (int i = 0; i < names.size(); i++) {
				boolean match = pass == 0 ? names.get(i).equals(name) : names.get(i).equalsIgnoreCase(name);
				if (match) {
					if (found >= 0) {
						throw new ConnectorException("the column '" + name + "' appears twice in the header");
					}
					found = i;
				}
			}
		}
		return found;
	}

	/** Per mapped column, in the order of {@link #columnOf}: its field, rules, default, date check. */
	private String[] outField;
	private int[] outColumn;
	private List<String[]>[] outRules;
	private String[] outDefault;
	private boolean[] outDate;

	/** Resolves the per-field settings once, so that a record costs no map lookups but its own. */
	@SuppressWarnings("unchecked")
	private void prepareOutput() {
		int n = columnOf.size();
		outField = new String[n];
		outColumn = new int[n];
		outRules = new List[n];
		outDefault = new String[n];
		outDate = new boolean[n];
		int i = 0;
		for (Map.Entry<String, Integer> e : columnOf.entrySet()) {
			String field = e.getKey();
			outField[i] = field;
			outColumn[i] = e.getValue();
			outRules[i] = recodes.get(field);
			outDefault[i] = defaults.get(field);
			outDate[i] = !dateFormats.isEmpty() && (TIME_FIELDS.contains(field) || DATE_FIELDS.contains(field));
			i++;
		}
	}

	/** The fields the file's columns give (canonical fields and attributes), in the order of {@link #mappedColumns}. */
	List<String> mappedFields() {
		return List.copyOf(columnOf.keySet());
	}

	/** The column of each of {@link #mappedFields}. */
	int[] mappedColumns() {
		return columnOf.values().stream().mapToInt(Integer::intValue).toArray();
	}

	/** Why a record of {@code fields} fields is rejected, or null when it has as many as the header. */
	String fieldCountProblem(int fields) {
		return fields == expectedFields ? null
				: "has " + fields + " field" + (fields == 1 ? "" : "s") + ", the "
						+ (header ? "header has " : "file's first row has ") + expectedFields;
	}

	private void record(CSVRecord record, long line, String raw) {
		String problem = fieldCountProblem(record.size());
		if (problem != null) {
			sink.reject(line, "", problem, raw);
			return;
		}
		if (outField == null) {
			prepareOutput();
		}
		Map<String, String> fields = new HashMap<>();
		Map<String, String> written = null; // the file's own text of the values recoded or converted here
		for (int i = 0; i < outField.length; i++) {
			String field = outField[i];
			String value = record.get(outColumn[i]).strip();
			String asWritten = value;
			if (!value.isEmpty() && outRules[i] != null) {
				value = recode(outRules[i], value);
			}
			if (value.isEmpty() && outDefault[i] != null) {
				value = outDefault[i];
			}
			if (!value.isEmpty() && outDate[i]) {
				String iso = isoDate(value);
				if (iso == null) {
					sink.reject(line, field, field + " '" + value + "' matches none of the date formats " + dateFormatText, raw);
					return;
				}
				value = iso;
			}
			if (!asWritten.isEmpty() && !asWritten.equals(value)) {
				if (written == null) {
					written = new HashMap<>(4);
				}
				written.put(field, asWritten);
			}
			fields.put(field, value);
		}
		if (!defaults.isEmpty()) {
			defaults.forEach(fields::putIfAbsent);
		}
		if (written != null) {
			sink.accept(line, fields, written, raw);
		} else {
			sink.accept(line, fields, raw);
		}
	}

	private static String recode(List<String[]> rules, String value) {
		for (String[] rule : rules) {
			String from = rule[0];
			boolean match = from.equals("*") || (from.endsWith("*")
					? value.regionMatches(true, 0, from, 0, from.length() - 1)
					: value.equalsIgnoreCase(from));
			if (match) {
				return rule[1];
			}
		}
		return value;
	}

	/** The value in ISO form, by the first date format it matches, or null. */
	private String isoDate(String value) {
		for (DateTimeFormatter format : dateFormats) {
			try {
				TemporalAccessor t = format.parseBest(value, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
				return switch (t) {
				case OffsetDateTime o -> o.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
				case LocalDateTime l -> l.format(LOCAL_TIME_OUT);
				default -> ((LocalDate) t).toString();
				};
			} catch (DateTimeParseException e) {
				// try the next format
			}
		}
		return null;
	}

	/** Whether a record's text is one line ended by LF alone (the common case, counted without a scan). */
	private static boolean isPlainLine(String text) {
		int n = text.length();
		if (n < 2 || text.charAt(n - 1) != '\n') {
			return false;
		}
		char c = text.charAt(n - 2);
		if (c == '\r' || c == '\n' || text.charAt(0) == '\n' || text.charAt(0) == '\r') {
			return false;
		}
		// a quoted field may hold line breaks: then the record spans lines
		return text.indexOf('\n') == n - 1 && text.indexOf('\r') < 0;
	}

	private static String leadingBreaks(String text) {
		int i = 0;
		while (i < text.length() && (text.charAt(i) == '\n' || text.charAt(i) == '\r')) {
			i++;
		}
		return text.substring(0, i);
	}

	private static String trimBreaks(String text) {
		int from = 0;
		int to = text.length();
		while (from < to && (text.charAt(from) == '\n' || text.charAt(from) == '\r')) {
			from++;
		}
		while (to > from && (text.charAt(to - 1) == '\n' || text.charAt(to - 1) == '\r')) {
			to--;
		}
		return text.substring(from, to);
	}

	/** Line breaks in a text: LF, CRLF, or a lone CR. */
	static long newlines(String text) {
		long n = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
				n++;
			}
		}
		return n;
	}

}
