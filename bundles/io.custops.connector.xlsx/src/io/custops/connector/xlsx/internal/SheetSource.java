package io.custops.connector.xlsx.internal;

import java.io.IOException;
import java.util.List;

/** Reads one sheet of a workbook row by row. */
interface SheetSource {

	/** Receives the rows in sheet order; cells by column index, null where a cell is empty. */
	interface RowHandler {
		void row(int rowNumber, SheetCell[] cells) throws StopException;
	}

	/** Thrown by a handler to stop reading (a file-level problem found in the header). */
	final class StopException extends Exception {
		private static final long serialVersionUID = 1L;

		StopException(String message) {
			super(message);
		}
	}

	/** The names of the workbook's sheets, in order. */
	List<String> sheetNames();

	/** Whether dates count from 1904 (old Mac workbooks) rather than 1900. */
	boolean date1904();

	void read(int sheetIndex, RowHandler handler) throws IOException, StopException;
}
