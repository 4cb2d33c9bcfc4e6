package io.custops.connector.xlsx.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
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
 * Reads a sheet of an Excel workbook (.xlsx, also the older .xls): a header row, then one fact
 * per row, columns mapped to the canonical fields by name or by {@code map.<field>=<header>}
 * as the csv connector does. Dates kept as Excel serial numbers are turned into ISO dates;
 * numbers lose Excel's binary noise (15 significant digits, as Excel shows them).
 */
@Component(service = DataConnector.class)
public class XlsxConnector implements DataConnector {

	static final String SHEET = "sheet";
	static final String HEADER_ROW = "headerRow";

	/** The canonical fields that hold dates or times. */
	private static final Set<String> DATE_FIELDS = Set.of("order_time", "pay_time", "event_time", "birthday", "first_seen",
			"start", "end");
	private static final Set<String> DATE_ONLY_FIELDS = Set.of("birthday", "first_seen", "start", "end");
	/** A serial number written as text: five digits cover 1927–2173. */
	private static final Pattern SERIAL_TEXT = Pattern.compile("\\d{5}(\\.\\d+)?");
	private static final MathContext EXCEL_DIGITS = new MathContext(15);

	private static final List<ParameterSpec> PARAMETERS = List.of(
			ParameterSpec.builder(SHEET, ParameterType.STRING).label("Sheet", "工作表")
					.description("The sheet's name, or its number counting from 1 (default: the first).",
							"工作表名称，或从 1 开始的序号（默认第一个）。")
					.build(),
			ParameterSpec.builder(HEADER_ROW, ParameterType.INTEGER).defaultValue("1").min(0).max(1_048_576)
					.label("Header row", "表头所在行")
					.description("The row holding the column names (rows above it are skipped); 0: no header, columns are "
							+ "named by their letters A, B, C…", "列名所在的行号（其上各行跳过）；0 表示没有表头，列以字母 A、B、C… 命名。")
					.build(),
			ParameterSpec.builder("map.*", ParameterType.STRING).label("Column mapping", "列映射")
					.description("map.customer_id=Buyer: the column of a canonical field (default: the column of the same name).",
							"map.customer_id=买家：标准字段对应的列（默认同名列）。")
					.build());

	@Override
	public String id() {
		return "xlsx";
	}

	@Override
	public LocalizedText name() {
		return LocalizedText.of("Excel workbook", "Excel 工作簿");
	}

	@Override
	public LocalizedText description() {
		return LocalizedText.of("A sheet of an .xlsx (or .xls) workbook with a header row; columns mapped like csv.",
				"带表头的 .xlsx（或 .xls）工作表；列映射方式与 csv 相同。");
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
	public void read(ImportRequest request, RecordSink sink) throws ConnectorException {
		Path file = request.file().orElseThrow(() -> new ConnectorException("the xlsx connector reads a file: give the workbook"));
		FileMagic magic;
		try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
			if (Files.size(file) == 0) {
				throw new ConnectorException(file + ": the file is empty");
			}
			magic = FileMagic.valueOf(in);
		} catch (NoSuchFileException e) {
			throw new ConnectorException(file + ": no such file");
		} catch (IOException e) {
			throw new ConnectorException(file + ": cannot be read: " + e.getMessage(), e);
		} catch (RuntimeException e) {
			// POI's EmptyFileException and the like: the file, not the connector, is at fault
			throw new ConnectorException(file + ": not an Excel workbook (its first bytes cannot be read)", e);
		}
		try (AutoCloseable closing = open(file, magic)) {
			SheetSource source = (SheetSource) closing;
			int sheet = sheetIndex(file, source.sheetNames(), request.parameters());
			String where = file + " [sheet '" + source.sheetNames().get(sheet) + "']";
			Mapping mapping = new Mapping(where, request, sink, source.date1904());
			source.read(sheet, mapping::row);
			mapping.finish();
		} catch (SheetSource.StopException e) {
			throw new ConnectorException(e.getMessage());
		} catch (ConnectorException e) {
			throw e;
		} catch (Exception e) {
			if (zipBomb(e)) {
				throw new ConnectorException(file + ": the file expands to " + expanded(file)
						+ ", looks like a zip bomb, and was not read", e);
			}
			throw new ConnectorException(file + ": " + e.getMessage(), e);
		}
	}

	/** Whether POI's guard against inflation (ZipSecureFile's ratio and size limits) stopped the read. */
	private static boolean zipBomb(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			String m = t.getMessage();
			if (m != null && (m.contains("Zip bomb detected") || m.contains("MIN_INFLATE_RATIO")
					|| m.contains("MAX_ENTRY_SIZE") || m.contains("Max entry size"))) {
				return true;
			}
		}
		return false;
	}

	/** "more than 4 GB", "more than 120 MB": what the workbook's entries declare they expand to. */
	private static String expanded(Path file) {
		long total = 0;
		try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
			var entries = zip.entries();
			while (entries.hasMoreElements()) {
				long size = entries.nextElement().getSize();
				total += Math.max(0, size);
			}
		} catch (IOException | RuntimeException e) {
			return "far more than its own size";
		}
		if (total >= 1L << 30) {
			return "more than " + (total >> 30) + " GB";
		}
		return "more than " + Math.max(1, total >> 20) + " MB (over 100 times its own size)";
	}

	private static AutoCloseable open(Path file, FileMagic magic) throws IOException, ConnectorException {
		return switch (magic) {
		case OOXML -> new XlsxSource(file);
		case OLE2 -> new XlsSource(file);
		default -> throw new ConnectorException(file + ": not an Excel workbook (the file starts like "
				+ magic.name().toLowerCase(Locale.ROOT) + "); for a CSV file use the csv connector");
		};
	}

	private static int sheetIndex(Path file, List<String> names, Parameters p) throws ConnectorException {
		if (names.isEmpty()) {
			throw new ConnectorException(file + ": the workbook has no sheet");
		}
		if (!p.has(SHEET) || p.string(SHEET).isBlank()) {
			return 0;
		}
		String wanted = p.string(SHEET).strip();
		for (int i = 0; i < names.size(); i++) {
			if (names.get(i).equals(wanted)) {
				return i;
			}
		}
		for (int i = 0; i < names.size(); i++) {
			if (names.get(i).equalsIgnoreCase(wanted)) {
				return i;
			}
		}
		if (wanted.matches("\\d{1,4}")) {
			int n = Integer.parseInt(wanted);
			if (n >= 1 && n <= names.size()) {
				return n - 1;
			}
		}
		throw new ConnectorException(file + ": no sheet '" + wanted + "' (sheets: " + String.join(", ", names)
				+ "; or a number from 1 to " + names.size() + ")");
	}

	/** Finds the header, maps the columns, and turns each later row into canonical fields. */
	private static final class Mapping {
		private final String where;
		private final ImportRequest request;
		private final RecordSink sink;
		private final boolean date1904;
		private final int headerRow;
		private final Map<String, String> map;
		private String[] fieldOf; // per column: canonical field, kept attribute name, or null
		private long rows;

		Mapping(String where, ImportRequest request, RecordSink sink, boolean date1904) {
			this.where = where;
			this.request = request;
			this.sink = sink;
			this.date1904 = date1904;
			this.headerRow = request.parameters().intValue(HEADER_ROW);
			this.map = request.parameters().family("map");
		}

		void row(int rowNumber, SheetCell[] cells) throws SheetSource.StopException {
			if (rowNumber < headerRow) {
				return;
			}
			if (fieldOf == null) {
				if (headerRow == 0) {
					header(letters(Math.max(cells.length, 1)));
				} else {
					header(headerNames(cells));
					return; // the header row itself
				}
			}
			if (isEmpty(cells)) {
				return; // Excel keeps formatted but empty rows at the end of many sheets
			}
			if (++rows % 4096 == 0) {
				request.monitor().checkCanceled();
			}
			Map<String, String> fields = new LinkedHashMap<>();
			StringBuilder raw = new StringBuilder();
			for (int i = 0; i < cells.length; i++) {
				String field = i < fieldOf.length ? fieldOf[i] : null;
				String value = text(cells[i], field);
				if (i > 0) {
					raw.append(',');
				}
				raw.append(value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
						? '"' + value.replace("\"", "\"\"") + '"' : value);
				if (field != null && !value.isEmpty()) {
					fields.put(field, value);
				}
			}
			sink.accept(rowNumber, fields, raw.toString());
		}

		void finish() throws ConnectorException {
			if (fieldOf == null) {
				throw new ConnectorException(where + ": no header row " + headerRow + " (the sheet is "
						+ (headerRow > 1 ? "shorter" : "empty") + ")");
			}
		}

		private static String[] letters(int n) {
			String[] names = new String[n];
			for (int i = 0; i < n; i++) {
				names[i] = CellReference.convertNumToColString(i);
			}
			return names;
		}

		private String[] headerNames(SheetCell[] cells) {
			String[] names = new String[cells.length];
			for (int i = 0; i < cells.length; i++) {
				names[i] = text(cells[i], null).strip();
			}
			return names;
		}

		private void header(String[] names) throws SheetSource.StopException {
			FactKind kind = request.kind();
			List<String> canonical = new ArrayList<>(kind.requiredFields());
			canonical.addAll(kind.optionalFields());
			String[] fields = new String[names.length];
			for (Map.Entry<String, String> m : map.entrySet()) {
				if (!canonical.contains(m.getKey())) {
					throw new SheetSource.StopException(where + ": map." + m.getKey() + ": " + kind.id()
							+ " have no field '" + m.getKey() + "' (fields: " + String.join(", ", canonical) + ")");
				}
				int column = indexOf(names, m.getValue());
				if (column < 0 && headerRow == 0 && m.getValue().strip().matches("[A-Za-z]{1,3}")) {
					column = CellReference.convertColStringToIndex(m.getValue().strip().toUpperCase(Locale.ROOT));
					if (column >= fields.length) {
						fields = Arrays.copyOf(fields, column + 1);
					}
				}
				if (column < 0) {
					throw new SheetSource.StopException(where + ": map." + m.getKey() + "=" + m.getValue()
							+ ": no such column (columns: " + String.join(", ", names) + ")");
				}
				fields[column] = m.getKey();
			}
			for (String field : canonical) {
				if (!map.containsKey(field)) {
					int column = indexOf(names, field);
					if (column >= 0 && fields[column] == null) {
						fields[column] = field;
					}
				}
			}
			List<String> missing = new ArrayList<>();
			for (String field : kind.requiredFields()) {
				if (!Arrays.asList(fields).contains(field)) {
					missing.add(field);
				}
			}
			if (!missing.isEmpty()) {
				throw new SheetSource.StopException(where + ": no column for " + String.join(", ", missing)
						+ " in header row " + headerRow + " (columns: " + String.join(", ", names)
						+ "); map one with --param map." + missing.get(0) + "=HEADER");
			}
			if (kind.keepsExtraFields()) {
				for (int i = 0; i < names.length && i < fields.length; i++) {
					if (fields[i] == null && !names[i].isEmpty() && !map.containsValue(names[i])) {
						fields[i] = names[i]; // customers keep their other columns as attributes
					}
				}
			}
			fieldOf = fields;
		}

		private static int indexOf(String[] names, String wanted) {
			String w = wanted.strip();
			for (int i = 0; i < names.length; i++) {
				if (names[i].equals(w)) {
					return i;
				}
			}
			for (int i = 0; i < names.length; i++) {
				if (names[i].equalsIgnoreCase(w)) {
					return i;
				}
			}
			return -1;
		}

		private static boolean isEmpty(SheetCell[] cells) {
			for (SheetCell c : cells) {
				if (c != null && !(c.kind() == SheetCell.Kind.TEXT && c.text().isBlank())) {
					return false;
				}
			}
			return true;
		}

		/** A cell as canonical text for a field (dates as ISO, serial numbers converted in date fields). */
		private String text(SheetCell cell, String field) {
			if (cell == null) {
				return "";
			}
			boolean dateField = field != null && DATE_FIELDS.contains(field);
			return switch (cell.kind()) {
			case DATE -> date(cell.number(), field);
			case NUMBER -> dateField && cell.number() >= 1 && cell.number() < 2_958_466 ? date(cell.number(), field)
					: number(cell.number());
			case TEXT -> dateField && SERIAL_TEXT.matcher(cell.text().strip()).matches()
					? date(Double.parseDouble(cell.text().strip()), field)
					: cell.text().strip();
			case BOOLEAN, ERROR -> cell.text();
			};
		}

		private String date(double serial, String field) {
			LocalDateTime t = DateUtil.getLocalDateTime(serial, date1904, true);
			if (t == null) {
				return number(serial);
			}
			boolean midnight = t.toLocalTime().toSecondOfDay() == 0;
			if (midnight || (field != null && DATE_ONLY_FIELDS.contains(field))) {
				return t.toLocalDate().toString();
			}
			String s = t.toString();
			return t.getSecond() == 0 ? s + ":00" : s;
		}

		private static String number(double value) {
			if (Double.isNaN(value) || Double.isInfinite(value)) {
				return Double.toString(value);
			}
			return new BigDecimal(value, EXCEL_DIGITS).stripTrailingZeros().toPlainString();
		}
	}
}
