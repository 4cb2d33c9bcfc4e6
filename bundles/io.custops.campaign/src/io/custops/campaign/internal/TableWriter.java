package io.custops.campaign.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import io.custops.engine.ClassificationCsv;

/** Rows of text into a CSV file (UTF-8, RFC 4180, CRLF) or an xlsx sheet (every cell text). */
public abstract class TableWriter implements AutoCloseable {

	/** Rows of an xlsx sheet, the header included. */
	public static final int MAX_XLSX_ROWS = 1_048_576 - 1;

	public static TableWriter open(Path file, boolean xlsx, String sheetName) throws IOException {
		return xlsx ? new Xlsx(file, sheetName) : new Csv(file);
	}

	public abstract void row(List<String> values) throws IOException;

	@Override
	public abstract void close() throws IOException;

	private static final class Csv extends TableWriter {
		private final Writer out;
		private final StringBuilder line = new StringBuilder(256);

		Csv(Path file) throws IOException {
			out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
		}

		@Override
		public void row(List<String> values) throws IOException {
			line.setLength(0);
			for (int i = 0; i < values.size(); i++) {
				if (i > 0) {
					line.append(',');
				}
				ClassificationCsv.quote(line, values.get(i) == null ? "" : values.get(i));
			}
			out.write(line.append("\r\n").toString());
		}

		@Override
		public void close() throws IOException {
			out.close();
		}
	}

	/** Streams rows to disk (a window of 200 rows in memory), so a long list takes little memory. */
	private static final class Xlsx extends TableWriter {
		private final Path file;
		private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
		private final Sheet sheet;
		private final CellStyle text;
		private final CellStyle header;
		private int rows;

		Xlsx(Path file, String sheetName) {
			this.file = file;
			sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(sheetName == null ? "targets" : sheetName));
			DataFormat formats = workbook.createDataFormat();
			// text cells: ids and phone numbers keep their leading zeros and are not shown as numbers
			text = workbook.createCellStyle();
			text.setDataFormat(formats.getFormat("@"));
			header = workbook.createCellStyle();
			header.setDataFormat(formats.getFormat("@"));
			Font bold = workbook.createFont();
			bold.setBold(true);
			header.setFont(bold);
		}

		@Override
		public void row(List<String> values) {
			Row row = sheet.createRow(rows);
			for (int i = 0; i < values.size(); i++) {
				var cell = row.createCell(i);
				cell.setCellStyle(rows == 0 ? header : text);
				if (values.get(i) != null) {
					cell.setCellValue(values.get(i));
				}
			}
			if (rows == 0) {
				for (int i = 0; i < values.size(); i++) {
					sheet.setColumnWidth(i, 16 * 256);
				}
				sheet.createFreezePane(0, 1);
			}
			rows++;
		}

		@Override
		public void close() throws IOException {
			try (OutputStream out = Files.newOutputStream(file)) {
				workbook.write(out);
			} finally {
				workbook.close();
			}
		}
	}
}
