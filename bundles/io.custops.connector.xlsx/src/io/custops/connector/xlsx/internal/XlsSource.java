package io.custops.connector.xlsx.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** An old-style .xls workbook (at most 65,536 rows a sheet), read whole with POI's HSSF. */
final class XlsSource implements SheetSource, AutoCloseable {

	private final POIFSFileSystem fs;
	private final HSSFWorkbook workbook;

	XlsSource(Path file) throws IOException {
		this.fs = new POIFSFileSystem(file.toFile(), true);
		try {
			this.workbook = new HSSFWorkbook(fs.getRoot(), true);
		} catch (IOException | RuntimeException e) {
			fs.close();
			throw new IOException("not a readable .xls workbook (" + e.getMessage() + ")", e);
		}
	}

	@Override
	public List<String> sheetNames() {
		List<String> names = new ArrayList<>();
		for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
			names.add(workbook.getSheetName(i));
		}
		return names;
	}

	@Override
	public boolean date1904() {
		return workbook.getInternalWorkbook().isUsing1904DateWindowing();
	}

	@Override
	public void read(int sheetIndex, RowHandler handler) throws StopException {
		Sheet sheet = workbook.getSheetAt(sheetIndex);
		for (Row row : sheet) {
			SheetCell[] cells = new SheetCell[Math.max(0, row.getLastCellNum())];
			for (Cell cell : row) {
				cells[cell.getColumnIndex()] = cell(cell, cell.getCellType());
			}
			handler.row(row.getRowNum() + 1, cells);
		}
	}

	private static SheetCell cell(Cell cell, CellType type) {
		return switch (type) {
		case STRING -> SheetCell.text(cell.getStringCellValue());
		case NUMERIC -> SheetCell.number(cell.getNumericCellValue(), DateUtil.isCellDateFormatted(cell));
		case BOOLEAN -> new SheetCell(SheetCell.Kind.BOOLEAN, Boolean.toString(cell.getBooleanCellValue()), Double.NaN);
		case ERROR -> new SheetCell(SheetCell.Kind.ERROR, FormulaError.forInt(cell.getErrorCellValue()).getString(), Double.NaN);
		case FORMULA -> cell(cell, cell.getCachedFormulaResultType());
		default -> null;
		};
	}

	@Override
	public void close() throws IOException {
		workbook.close();
		fs.close();
	}
}
