package io.custops.connector.csv.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.FactKind;
import io.custops.core.param.Parameters;
import io.custops.core.spi.BlockSink;
import io.custops.core.spi.ConnectorException;
import io.custops.core.spi.DataConnector;
import io.custops.core.spi.ImportRequest;
import io.custops.core.spi.RecordSink;
import io.custops.core.spi.RowBlock;

/**
 * A UTF-8 file read as bytes and handed on in blocks must give exactly the rows it gives read
 * through Commons CSV one by one: the same lines, fields, raw text, rejections and errors, for
 * every construct of the format, with records crossing the reading buffer's end.
 */
class BlockReadingTest {

	@TempDir
	Path dir;

	private static final String HEADER = "order_id,customer_id,order_time,amount,status\n";

	/** Texts (after the header unless they begin with '#') and the parameters to read them with. */
	private static List<Object[]> cases() {
		List<Object[]> cases = new ArrayList<>();
		Map<String, String> none = Map.of();
		cases.add(new Object[] { HEADER + "o1,c1,2026-01-01,1.00,paid\no2,c2,2026-01-02,2.00,paid\n", none });
		cases.add(new Object[] { HEADER + "o1,c1,2026-01-01,1.00,paid", none }); // no final line break
		cases.add(new Object[] { HEADER + "\"o,1\",c1,2026-01-01,\"1.00\",paid\n", none });
		cases.add(new Object[] { HEADER + "\"o\"\"1\",\"c\"\"\"\"1\",2026-01-01,1.00,paid\n", none });
		cases.add(new Object[] { HEADER + "o1,\"c\n1\",2026-01-01,1.00,paid\no2,c2,2026-01-02,2.00,paid\n", none });
		cases.add(new Object[] { HEADER.replace("\n", "\r\n") + "o1,\"c\r\n1\",2026-01-01,1.00,paid\r\no2,c2,x,2.00,paid\r\n",
				none });
		cases.add(new Object[] { HEADER.replace("\n", "\r") + "o1,c1,2026-01-01,1.00,paid\ro2,c2,2026-01-02,2.00,paid\r",
				none });
		cases.add(new Object[] { "\n\n" + HEADER + "\n\no1,c1,2026-01-01,1.00,paid\n\n\r\n\no2,c2,2026-01-02,2.00,paid\n\n\n",
				none });
		cases.add(new Object[] { HEADER + "o1,c1,2026-01-01,1.00,paid,\no2,c2\n,,,,\n   \no3,c3,2026-01-03,3.00,paid\n", none });
		cases.add(new Object[] { "\uFEFF" + HEADER + "o1,c1,2026-01-01,1.00,paid\n", none });
		cases.add(new Object[] { "#o1;c1;2026-01-01;1.00;paid\no2;c2;2026-01-02;2.00;paid\n",
				Map.of("delimiter", ";", "header", "false", "columns", "order_id,customer_id,order_time,amount,status") });
		cases.add(new Object[] { "#junk line\nanother, junk\n" + HEADER + "o1,c1,2026-01-01,1.00,paid\n", Map.of("skipLines", "2") });
		cases.add(new Object[] { "#" + HEADER.replace(',', '\t') + "o1\tc1\t2026-01-01\t1.00\tpaid\n", Map.of("delimiter", "tab") });
		cases.add(new Object[] { "#" + HEADER.replace(',', '|') + "o1|\"c1|\"|2026-01-01|1.00|paid\n",
				Map.of("delimiter", "pipe", "quote", "none") });
		cases.add(new Object[] { HEADER + "订单1,客户一,2026-01-01,1.00,已付款\n", none });
		cases.add(new Object[] { HEADER + "o1,ab\"c,2026-01-01,1.00,paid\n", none }); // a quote inside: data
		cases.add(new Object[] { HEADER + "o1, \"c1\" ,2026-01-01,1.00,paid\n", none }); // not quoted: leading space
		cases.add(new Object[] { HEADER + "o1,\"c1\"  ,2026-01-01,1.00,paid\n", none }); // spaces after the quote
		cases.add(new Object[] { "#order_id,customer_id,order_time,amount,status,extra\no1,c1,2026-01-01,1.00,paid,x\n", none });
		cases.add(new Object[] { "#Order,Buyer,When,Paid,State\no1,c1,2026-01-01,1.00,paid\n",
				Map.of("map.order_id", "Order", "map.customer_id", "Buyer", "map.order_time", "When", "map.amount", "Paid",
						"map.status", "State") });
		cases.add(new Object[] { "#" + HEADER, none }); // a header alone
		StringBuilder big = new StringBuilder(HEADER);
		for (int i = 0; i < 3000; i++) {
			big.append(i % 97 == 0 ? "\"o" + i + "\nx\"" : "o" + i).append(",c").append(i % 13).append(i % 89 == 0 ? "\r\n" : "")
					.append(",2026-01-01 10:00:00,").append(i).append(".5,").append(i % 7 == 0 ? "\"pa\"\"id\"" : "paid")
					.append(i % 5 == 0 ? "\r\n" : "\n");
		}
		cases.add(new Object[] { big.toString(), none });
		return cases;
	}

	/** Texts the reading refuses, the same way both ways. */
	private static List<String> bad() {
		return List.of(HEADER + "o1,\"c1\"x,2026-01-01,1.00,paid\n", HEADER + "o1,\"c1,2026-01-01,1.00,paid\n",
				HEADER + "o1,c1,2026-01-01,1.00,paid\no2,c\u00e9,x,1,paid\n".replace("\u00e9", "\u0000BAD"), "",
				"#\n\n\n");
	}

	@Test
	void blocksGiveTheRowsRowByRowGives() throws Exception {
		DataConnector csv = Csv.connector();
		int n = 0;
		for (String buffer : new String[] { "64", "65", "4194304" }) {
			System.setProperty("custops.csv.buffer", buffer);
			try {
				for (Object[] c : cases()) {
					String text = (String) c[0];
					text = text.startsWith("#") ? text.substring(1) : text;
					@SuppressWarnings("unchecked")
					Map<String, String> params = (Map<String, String>) c[1];
					Path file = dir.resolve("case" + n++ + ".csv");
					Files.writeString(file, text, StandardCharsets.UTF_8);
					String byRows = read(csv, file, params, false);
					String byBlocks = read(csv, file, params, true);
					assertEquals(byRows, byBlocks, "buffer " + buffer + ", text:\n" + text);
					assertTrue(!byRows.isEmpty() || text.strip().equals(HEADER.strip()) || text.startsWith("order_id"),
							text);
				}
			} finally {
				System.clearProperty("custops.csv.buffer");
			}
		}
	}

	@Test
	void badFilesFailAlikeBothWays() throws Exception {
		DataConnector csv = Csv.connector();
		int n = 0;
		for (String text : bad()) {
			text = text.startsWith("#") ? text.substring(1) : text;
			Path file = dir.resolve("bad" + n++ + ".csv");
			byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
			String s = new String(bytes, StandardCharsets.UTF_8);
			int at = s.indexOf("\u0000BAD");
			if (at >= 0) { // an invalid UTF-8 sequence in the middle of line 3
				byte[] head = s.substring(0, at).getBytes(StandardCharsets.UTF_8);
				byte[] tail = s.substring(at + 4).getBytes(StandardCharsets.UTF_8);
				bytes = new byte[head.length + 2 + tail.length];
				System.arraycopy(head, 0, bytes, 0, head.length);
				bytes[head.length] = (byte) 0xC3;
				bytes[head.length + 1] = (byte) 0x28;
				System.arraycopy(tail, 0, bytes, head.length + 2, tail.length);
			}
			Files.write(file, bytes);
			String byRows = read(csv, file, Map.of(), false);
			String byBlocks = read(csv, file, Map.of(), true);
			assertTrue(byRows.contains("ERROR"), byRows);
			if (byRows.contains("not valid CSV")) {
				// both name the file and the line; the wording of the CSV library's reason differs
				assertEquals(byRows.replaceAll(": not valid CSV at line (\\d+):.*", ": not valid CSV at line $1"),
						byBlocks.replaceAll(": not valid CSV at line (\\d+):.*", ": not valid CSV at line $1"), text);
			} else {
				assertEquals(byRows, byBlocks, text);
			}
		}
	}

	/** Everything the connector hands on, as text: each row or rejection, then an error if any. */
	private static String read(DataConnector csv, Path file, Map<String, String> params, boolean blocks) {
		StringBuilder out = new StringBuilder();
		RecordSink rows = new RecordSink() {
			@Override
			public void accept(long line, Map<String, String> fields, String raw) {
				out.append(line).append(' ').append(new TreeMap<>(stripped(fields))).append(" raw=[").append(raw).append("]\n");
			}

			@Override
			public void reject(long line, String field, String reason, String raw) {
				out.append(line).append(" REJECT ").append(field).append(": ").append(reason).append(" raw=[").append(raw)
						.append("]\n");
			}
		};
		RecordSink sink = !blocks ? rows : new BlockSink() {
			@Override
			public RowBlock accept(RowBlock block) {
				block.replay(rows);
				block.clear();
				return block;
			}

			@Override
			public void accept(long line, Map<String, String> fields, String raw) {
				throw new AssertionError("a row handed alone beside blocks");
			}

			@Override
			public void reject(long line, String field, String reason, String raw) {
				throw new AssertionError("a rejection handed alone beside blocks");
			}
		};
		try {
			csv.read(new ImportRequest(FactKind.ORDERS, Optional.of(file), Parameters.resolve(csv.parameters(), params),
					ZoneId.of("UTC"), ProgressMonitor.NULL), sink);
		} catch (ConnectorException e) {
			out.append("ERROR ").append(e.getMessage().replace(file.toString(), "FILE"));
		}
		return out.toString();
	}

	/** Values as the workspace takes them: blocks hand values as they stand, rows trimmed. */
	private static Map<String, String> stripped(Map<String, String> fields) {
		Map<String, String> out = new TreeMap<>();
		fields.forEach((k, v) -> out.put(k, v.strip()));
		return out;
	}
}
