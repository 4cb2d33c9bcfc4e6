package io.custops.engine;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import io.custops.core.data.CustomerDataset;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.ResultColumn;

/**
 * Writes a classification as CSV (RFC 4180, UTF-8 by the caller's writer): {@code customer_id}
 * first, then the analysis's columns, one row per classified customer, in dataset order.
 */
public final class ClassificationCsv {

	private ClassificationCsv() {
	}

	/** @return the number of rows written */
	public static long write(CustomerDataset data, CustomerClassification result, Writer out) throws IOException {
		List<ResultColumn> columns = result.columns();
		StringBuilder line = new StringBuilder("customer_id");
		for (ResultColumn column : columns) {
			line.append(',');
			quote(line, column.name());
		}
		out.write(line.append("\r\n").toString());
		long rows = 0;
		int[] labels = result.labelIndexes();
		for (int c = 0; c < data.customerCount(); c++) {
			if (labels[c] == CustomerClassification.UNCLASSIFIED && !result.isMultiLabel()) {
				continue;
			}
			line.setLength(0);
			quote(line, data.customerId(c));
			for (ResultColumn column : columns) {
				line.append(',');
				quote(line, column.format(c));
			}
			out.write(line.append("\r\n").toString());
			rows++;
		}
		out.flush();
		return rows;
	}

	/** Appends a CSV field, quoted when it holds a comma, quote or line break. */
	public static void quote(StringBuilder out, String value) {
		boolean needs = false;
		for (int i = 0; i < value.length() && !needs; i++) {
			char c = value.charAt(i);
			needs = c == ',' || c == '"' || c == '\n' || c == '\r';
		}
		if (!needs) {
			out.append(value);
			return;
		}
		out.append('"').append(value.replace("\"", "\"\"")).append('"');
	}
}
