package io.custops.store.tests;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.custops.core.LocalizedText;
import io.custops.core.data.FactKind;
import io.custops.core.spi.ConnectorException;
import io.custops.core.spi.DataConnector;
import io.custops.core.spi.ImportRequest;
import io.custops.core.spi.BlockSink;
import io.custops.core.spi.RecordSink;
import io.custops.core.spi.RowBlock;

/**
 * A connector handing fixed rows to the workspace: the first line is a header of canonical
 * field names, the others values separated by commas, or by {@code |} when the header uses
 * it (no quoting; an empty value is absent).
 * Lines starting with {@code !} are rejected by the connector itself, as a connector does
 * with rows it cannot map. Can fail with a file-level error after a given number of rows.
 */
final class RowsConnector implements DataConnector {

	private final List<String> lines;
	private int failAfter = -1;
	private int blockRows;

	RowsConnector(String... lines) {
		this.lines = List.of(lines);
	}

	RowsConnector(List<String> lines) {
		this.lines = List.copyOf(lines);
	}

	/** Throws a ConnectorException after handing over {@code rows} rows. */
	RowsConnector failingAfter(int rows) {
		this.failAfter = rows;
		return this;
	}

	/**
	 * Hands the rows in blocks of {@code rows} rows when the sink takes blocks, as a connector
	 * that delimits its source itself does (the same rows, the same rejections).
	 */
	RowsConnector inBlocksOf(int rows) {
		this.blockRows = rows;
		return this;
	}

	@Override
	public String id() {
		return "rows";
	}

	@Override
	public LocalizedText name() {
		return LocalizedText.of("Test rows");
	}

	@Override
	public Set<FactKind> supportedKinds() {
		return Set.of(FactKind.values());
	}

	@Override
	public boolean needsFile() {
		return false;
	}

	@Override
	public void read(ImportRequest request, RecordSink sink) throws ConnectorException {
		String separator = lines.get(0).contains("|") ? "\\|" : ",";
		String[] header = lines.get(0).split(separator, -1);
		if (blockRows > 0 && sink instanceof BlockSink blocks) {
			readBlocks(header, separator.length() == 1 ? ',' : '|', blocks);
			return;
		}
		for (int i = 1; i < lines.size(); i++) {
			if (i - 1 == failAfter) {
				throw new ConnectorException("test source: broken at line " + (i + 1));
			}
			String line = lines.get(i);
			if (line.startsWith("!")) {
				sink.reject(i + 1, "", "connector could not map the row", line);
				continue;
			}
			String[] values = line.split(separator, -1);
			Map<String, String> fields = new LinkedHashMap<>();
			for (int c = 0; c < header.length && c < values.length; c++) {
				if (!values[c].isEmpty()) {
					fields.put(header[c], values[c]);
				}
			}
			sink.accept(i + 1, fields, line);
		}
	}

	private void readBlocks(String[] header, char separator, BlockSink sink) throws ConnectorException {
		RowBlock block = new RowBlock(List.of(header), blockRows);
		for (int i = 1; i < lines.size(); i++) {
			if (i - 1 == failAfter) {
				throw new ConnectorException("test source: broken at line " + (i + 1));
			}
			byte[] bytes = lines.get(i).getBytes(StandardCharsets.UTF_8);
			int at = block.addRow(i + 1, bytes, 0, bytes.length);
			if (bytes.length > 0 && bytes[0] == '!') {
				block.reject("", "connector could not map the row");
			} else {
				int field = 0;
				int start = 0;
				for (int b = 0; b <= bytes.length && field < header.length; b++) {
					if (b == bytes.length || bytes[b] == separator) {
						if (b > start) { // an empty value is absent
							block.field(field, at + start, at + b);
						}
						field++;
						start = b + 1;
					}
				}
			}
			if (block.isFull()) {
				block = sink.accept(block);
			}
		}
		if (block.rows() > 0) {
			sink.accept(block);
		}
	}

	static List<String> orders(int from, int count) {
		List<String> lines = new ArrayList<>();
		lines.add("order_id,customer_id,order_time,amount,status,channel");
		for (int i = from; i < from + count; i++) {
			lines.add("o" + i + ",c" + (i % 97) + ",2026-01-" + String.format("%02d", 1 + i % 28) + " 10:00:00,"
					+ (i % 50) + "." + String.format("%02d", i % 100) + ",paid," + (i % 3 == 0 ? "app" : "web"));
		}
		return lines;
	}
}
