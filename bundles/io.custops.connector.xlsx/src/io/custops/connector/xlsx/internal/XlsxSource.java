package io.custops.connector.xlsx.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * An .xlsx workbook read as a stream: POI opens the package and reads the shared strings and
 * the styles; each sheet's XML is parsed with SAX, one row in memory at a time, so a sheet of
 * a million rows does not become a million objects.
 */
final class XlsxSource implements SheetSource, AutoCloseable {

	private final OPCPackage pkg;
	private final XSSFReader reader;
	private final ReadOnlySharedStringsTable strings;
	private final StylesTable styles;
	private final List<String> names = new ArrayList<>();
	private final boolean date1904;
	private final Map<Integer, Boolean> dateStyles = new HashMap<>();

	XlsxSource(Path file) throws IOException {
		OPCPackage opened = null;
		try {
			opened = OPCPackage.open(file.toFile(), PackageAccess.READ);
			this.reader = new XSSFReader(opened);
			this.strings = new ReadOnlySharedStringsTable(opened, false);
			this.styles = reader.getStylesTable();
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
			while (sheets.hasNext()) {
				try (InputStream in = sheets.next()) {
					names.add(sheets.getSheetName());
				}
			}
			this.date1904 = readDate1904(reader);
			this.pkg = opened;
		} catch (OpenXML4JException | SAXException | RuntimeException e) {
			if (opened != null) {
				opened.revert();
			}
			throw new IOException("not a readable .xlsx workbook (" + e.getMessage() + ")", e);
		}
	}

	private static boolean readDate1904(XSSFReader reader) throws IOException, OpenXML4JException, SAXException {
		boolean[] result = new boolean[1];
		try (InputStream in = reader.getWorkbookData()) {
			XMLReader xml = XMLHelper.newXMLReader();
			xml.setContentHandler(new DefaultHandler() {
				@Override
				public void startElement(String uri, String localName, String qName, Attributes atts) {
					if (name(localName, qName).equals("workbookPr")) {
						String v = atts.getValue("date1904");
						result[0] = "1".equals(v) || "true".equalsIgnoreCase(v);
					}
				}
			});
			xml.parse(new InputSource(in));
		} catch (javax.xml.parsers.ParserConfigurationException e) {
			throw new IOException(e);
		}
		return result[0];
	}

	@Override
	public List<String> sheetNames() {
		return names;
	}

	@Override
	public boolean date1904() {
		return date1904;
	}

	@Override
	public void read(int sheetIndex, RowHandler handler) throws IOException, StopException {
		try {
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
			for (int i = 0; sheets.hasNext(); i++) {
				try (InputStream in = sheets.next()) {
					if (i == sheetIndex) {
						XMLReader xml = XMLHelper.newXMLReader();
						xml.setContentHandler(new SheetHandler(handler));
						xml.parse(new InputSource(in));
						return;
					}
				}
			}
		} catch (Stop stop) {
			throw stop.cause;
		} catch (OpenXML4JException | SAXException | javax.xml.parsers.ParserConfigurationException e) {
			throw new IOException("sheet " + (sheetIndex + 1) + " is not readable: " + e.getMessage(), e);
		}
	}

	private boolean isDateStyle(int index) {
		return dateStyles.computeIfAbsent(index, i -> {
			if (i < 0 || i >= styles.getNumCellStyles()) {
				return false;
			}
			XSSFCellStyle style = styles.getStyleAt(i);
			return style != null && DateUtil.isADateFormat(style.getDataFormat(), style.getDataFormatString());
		});
	}

	@Override
	public void close() {
		pkg.revert(); // opened read-only: nothing to save
	}

	private static String name(String localName, String qName) {
		if (localName != null && !localName.isEmpty()) {
			return localName;
		}
		int colon = qName.indexOf(':');
		return colon < 0 ? qName : qName.substring(colon + 1);
	}

	/** Carries a handler's stop through the SAX parser. */
	private static final class Stop extends SAXException {
		private static final long serialVersionUID = 1L;
		final StopException cause;

		Stop(StopException cause) {
			super(cause.getMessage());
			this.cause = cause;
		}
	}

	/** The cells of {@code <sheetData>}: {@code <row r><c r t s><v>…</v></c></row>}. */
	private final class SheetHandler extends DefaultHandler {
		private final RowHandler handler;
		private SheetCell[] cells = new SheetCell[16];
		private int width;
		private int rowNumber;
		private int column;
		private String type;
		private int style;
		private final StringBuilder value = new StringBuilder();
		private boolean collecting;

		SheetHandler(RowHandler handler) {
			this.handler = handler;
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes atts) {
			switch (name(localName, qName)) {
			case "row" -> {
				String r = atts.getValue("r");
				rowNumber = r != null ? Integer.parseInt(r) : rowNumber + 1;
				Arrays.fill(cells, 0, width, null);
				width = 0;
				column = -1;
			}
			case "c" -> {
				String r = atts.getValue("r");
				column = r != null ? columnOf(r) : column + 1;
				type = atts.getValue("t");
				String s = atts.getValue("s");
				style = s == null ? -1 : Integer.parseInt(s);
				value.setLength(0);
			}
			case "v", "t" -> collecting = true;
			default -> {
			}
			}
		}

		@Override
		public void characters(char[] ch, int start, int length) {
			if (collecting) {
				value.append(ch, start, length);
			}
		}

		@Override
		public void endElement(String uri, String localName, String qName) throws SAXException {
			switch (name(localName, qName)) {
			case "v", "t" -> collecting = false;
			case "c" -> put(cell());
			case "row" -> {
				try {
					handler.row(rowNumber, Arrays.copyOf(cells, width));
				} catch (StopException e) {
					throw new Stop(e);
				}
			}
			default -> {
			}
			}
		}

		/** The column of a reference such as {@code AB12}: 27 (counting from 0). */
		private static int columnOf(String reference) {
			int col = 0;
			for (int i = 0; i < reference.length(); i++) {
				char ch = reference.charAt(i);
				if (ch >= 'A' && ch <= 'Z') {
					col = col * 26 + (ch - 'A' + 1);
				} else if (ch >= 'a' && ch <= 'z') {
					col = col * 26 + (ch - 'a' + 1);
				} else if (ch != '$') {
					break;
				}
			}
			return col - 1;
		}

		private SheetCell cell() {
			String v = value.toString();
			if (type == null || type.equals("n")) {
				return v.isEmpty() ? null : SheetCell.number(Double.parseDouble(v), isDateStyle(style));
			}
			return switch (type) {
			case "s" -> SheetCell.text(strings.getItemAt(Integer.parseInt(v.trim())).getString());
			case "inlineStr", "str", "d" -> SheetCell.text(v);
			case "b" -> new SheetCell(SheetCell.Kind.BOOLEAN, "1".equals(v.trim()) ? "true" : "false", Double.NaN);
			case "e" -> new SheetCell(SheetCell.Kind.ERROR, v, Double.NaN);
			default -> SheetCell.text(v);
			};
		}

		private void put(SheetCell cell) {
			if (column < 0) {
				return;
			}
			if (column >= cells.length) {
				cells = Arrays.copyOf(cells, Math.max(column + 1, cells.length * 2));
			}
			cells[column] = cell;
			width = Math.max(width, column + 1);
		}
	}
}
