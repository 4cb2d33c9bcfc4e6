package io.custops.connector.xlsx.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.custops.connector.xlsx.tests.Connectors.Collected;
import io.custops.core.data.FactKind;
import io.custops.core.spi.ConnectorException;
import io.custops.core.spi.DataConnector;

/** Workbooks made by the test with POI (inside OSGi too), read back through the registered connector. */
class XlsxConnectorTest {

	private static final Map<String, String> CHINESE_HEADERS = Map.of("sheet", "订单", "headerRow", "3", "map.order_id", "订单号",
			"map.customer_id", "客户", "map.order_time", "下单时间", "map.amount", "金额", "map.status", "状态", "map.quantity", "数量",
			"map.pay_time", "付款时间");

	private static DataConnector xlsx;

	@TempDir
	static Path dir;
	private static Path workbook;

	@BeforeAll
	static void setUp() throws Exception {
		xlsx = Connectors.find("xlsx", "io.custops.connector.xlsx");
		workbook = dir.resolve("shop.xlsx");
		try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(workbook)) {
			write(wb);
			wb.write(out);
		}
	}

	/** A front sheet, the orders (title rows above the header, dates three ways), the customers. */
	private static void write(Workbook wb) {
		CellStyle dateTime = wb.createCellStyle();
		dateTime.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
		CellStyle dateOnly = wb.createCellStyle();
		dateOnly.setDataFormat(wb.createDataFormat().getFormat("yyyy/m/d"));

		wb.createSheet("说明").createRow(0).createCell(0).setCellValue("orders are on the next sheet");

		Sheet orders = wb.createSheet("订单");
		orders.createRow(0).createCell(0).setCellValue("2026 年一季度订单");
		Row header = orders.createRow(2);
		String[] names = { "订单号", "客户", "下单时间", "金额", "状态", "数量", "付款时间" };
		for (int i = 0; i < names.length; i++) {
			header.createCell(i).setCellValue(names[i]);
		}
		Row r4 = orders.createRow(3);
		r4.createCell(0).setCellValue("A001");
		r4.createCell(1).setCellValue("c1");
		r4.createCell(2).setCellValue(LocalDateTime.of(2026, 1, 5, 10, 30));
		r4.getCell(2).setCellStyle(dateTime);
		r4.createCell(3).setCellValue(12.5);
		r4.createCell(4).setCellValue("paid");
		r4.createCell(5).setCellValue(2);
		r4.createCell(6).setCellValue(46027.4375); // a bare serial: 2026-01-05 10:30, no date format
		Row r5 = orders.createRow(4);
		r5.createCell(0).setCellValue(1002);
		r5.createCell(1).setCellValue(" c2 ");
		r5.createCell(2).setCellValue("2026-01-06 08:00:00");
		r5.createCell(3).setCellFormula("6*0.1+0.1");
		r5.getCell(3).setCellValue(6 * 0.1 + 0.1); // the cached result Excel would store: 0.7000000000000001
		r5.createCell(4).setCellValue("refunded");
		r5.createCell(6).setCellValue("46028.5"); // a serial typed as text
		orders.createRow(5).createCell(3).setCellValue(""); // an empty row in between
		Row r7 = orders.createRow(6);
		r7.createCell(0).setCellValue("A,003");
		r7.createCell(1).setCellValue("c3");
		r7.createCell(2).setCellValue(LocalDateTime.of(2026, 2, 1, 0, 0));
		r7.getCell(2).setCellStyle(dateOnly);
		r7.createCell(3).setCellErrorValue(FormulaError.DIV0.getCode());
		r7.createCell(4).setCellValue("unpaid");
		r7.createCell(5).setCellValue(true);

		Sheet customers = wb.createSheet("customers");
		Row h = customers.createRow(0);
		String[] cols = { "Customer_ID", "name", "birthday", "VIP", "first_seen" };
		for (int i = 0; i < cols.length; i++) {
			h.createCell(i).setCellValue(cols[i]);
		}
		Row c1 = customers.createRow(1);
		c1.createCell(0).setCellValue("c1");
		c1.createCell(1).setCellValue("王芳");
		c1.createCell(2).setCellValue(32874); // 1990-01-01 as a bare serial
		c1.createCell(3).setCellValue("gold");
		c1.createCell(4).setCellValue(46023.75); // 2026-01-01 18:00, but first_seen is a date
		c1.getCell(4).setCellStyle(dateTime);
	}

	@Test
	void describesItself() {
		assertEquals(Set.of(FactKind.values()), xlsx.supportedKinds());
		assertTrue(xlsx.needsFile());
		assertTrue(xlsx.parameters().stream().anyMatch(p -> p.key().equals("map.*") && p.isFamily()));
		assertEquals("1", xlsx.parameters().stream().filter(p -> p.key().equals("headerRow")).findFirst().orElseThrow()
				.defaultValue());
	}

	@Test
	void ordersBehindTitleRowsWithDatesAsSerials() throws Exception {
		Collected c = Connectors.read(xlsx, FactKind.ORDERS, workbook, CHINESE_HEADERS);
		assertEquals(List.of(), c.rejects);
		assertEquals(List.of(4L, 5L, 7L), c.rows.stream().map(Collected.Row::line).toList(), "Excel's row numbers");
		assertEquals(Map.of("order_id", "A001", "customer_id", "c1", "order_time", "2026-01-05T10:30:00", "amount", "12.5",
				"status", "paid", "quantity", "2", "pay_time", "2026-01-05T10:30:00"), c.line(4).fields());
		assertEquals(Map.of("order_id", "1002", "customer_id", "c2", "order_time", "2026-01-06 08:00:00", "amount", "0.7",
				"status", "refunded", "pay_time", "2026-01-06T12:00:00"), c.line(5).fields());
		assertEquals(Map.of("order_id", "A,003", "customer_id", "c3", "order_time", "2026-02-01", "amount", "#DIV/0!",
				"status", "unpaid", "quantity", "true"), c.line(7).fields(), "what cannot be judged here goes on as it is");
		assertEquals("\"A,003\",c3,2026-02-01,#DIV/0!,unpaid,true", c.line(7).raw());
	}

	@Test
	void sheetByNumberCanonicalHeadersAndExtraColumns() throws Exception {
		Collected c = Connectors.read(xlsx, FactKind.CUSTOMERS, workbook, Map.of("sheet", "3"));
		assertEquals(Map.of("customer_id", "c1", "name", "王芳", "birthday", "1990-01-01", "VIP", "gold", "first_seen",
				"2026-01-01"), c.line(2).fields());
		assertEquals(c.rows, Connectors.read(xlsx, FactKind.CUSTOMERS, workbook, Map.of("sheet", "CUSTOMERS")).rows);
	}

	@Test
	void noHeaderColumnsByLetter() throws Exception {
		Collected c = Connectors.read(xlsx, FactKind.CAMPAIGN_MEMBERS, workbook, Map.of("sheet", "订单", "headerRow", "0",
				"map.campaign_id", "E", "map.customer_id", "B", "map.group", "a"));
		// every non-empty row counts, the title and the header too: nothing is dropped silently
		assertEquals(List.of(1L, 3L, 4L, 5L, 7L), c.rows.stream().map(Collected.Row::line).toList());
		assertEquals(Map.of("campaign_id", "paid", "customer_id", "c1", "group", "A001"), c.line(4).fields());
	}

	@Test
	void problemsWithTheWholeFile() throws Exception {
		ConnectorException e = assertThrows(ConnectorException.class,
				() -> Connectors.read(xlsx, FactKind.ORDERS, workbook, Map.of("sheet", "Orders")));
		assertTrue(e.getMessage().contains("shop.xlsx") && e.getMessage().contains("说明, 订单, customers"), e.getMessage());
		e = assertThrows(ConnectorException.class,
				() -> Connectors.read(xlsx, FactKind.ORDERS, workbook, Map.of("sheet", "订单", "headerRow", "3")));
		assertTrue(e.getMessage().contains("[sheet '订单']") && e.getMessage().contains("order_id, customer_id, order_time, amount, status"),
				e.getMessage());
		e = assertThrows(ConnectorException.class,
				() -> Connectors.read(xlsx, FactKind.ORDERS, workbook, Map.of("sheet", "订单", "headerRow", "99")));
		assertTrue(e.getMessage().contains("no header row 99"), e.getMessage());
		Path csv = dir.resolve("orders.csv");
		Files.writeString(csv, "order_id,customer_id\n1,2\n");
		e = assertThrows(ConnectorException.class, () -> Connectors.read(xlsx, FactKind.ORDERS, csv, Map.of()));
		assertTrue(e.getMessage().contains("orders.csv") && e.getMessage().contains("not an Excel workbook"), e.getMessage());
		Path broken = dir.resolve("broken.xlsx");
		Files.write(broken, new byte[] { 'P', 'K', 3, 4, 0, 0, 0, 0 });
		e = assertThrows(ConnectorException.class, () -> Connectors.read(xlsx, FactKind.ORDERS, broken, Map.of()));
		assertTrue(e.getMessage().contains("broken.xlsx"), e.getMessage());
		e = assertThrows(ConnectorException.class,
				() -> Connectors.read(xlsx, FactKind.ORDERS, dir.resolve("missing.xlsx"), Map.of()));
		assertTrue(e.getMessage().contains("missing.xlsx"), e.getMessage());
	}

	@Test
	void oldXlsWorkbooksToo() throws Exception {
		Path xls = dir.resolve("shop.xls");
		try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(xls)) {
			write(wb);
			wb.write(out);
		}
		Collected fromXls = Connectors.read(xlsx, FactKind.ORDERS, xls, CHINESE_HEADERS);
		Collected fromXlsx = Connectors.read(xlsx, FactKind.ORDERS, workbook, CHINESE_HEADERS);
		assertEquals(fromXlsx.rows, fromXls.rows);
	}

	@Test
	void aLargeSheetStreams() throws Exception {
		Path big = dir.resolve("big.xlsx");
		int n = 10_000;
		try (SXSSFWorkbook wb = new SXSSFWorkbook(200); OutputStream out = Files.newOutputStream(big)) {
			Sheet s = wb.createSheet("events");
			Row h = s.createRow(0);
			h.createCell(0).setCellValue("customer_id");
			h.createCell(1).setCellValue("event_time");
			h.createCell(2).setCellValue("event_type");
			for (int i = 1; i <= n; i++) {
				Row r = s.createRow(i);
				r.createCell(0).setCellValue("c" + (i % 1000));
				r.createCell(1).setCellValue(46023 + i / 1440.0); // one a minute from 2026-01-01
				r.createCell(2).setCellValue(i % 2 == 0 ? "view" : "visit");
			}
			wb.write(out);
		}
		Collected c = null;
		for (String pass : List.of("first", "second")) {
			long start = System.nanoTime();
			c = Connectors.read(xlsx, FactKind.EVENTS, big, Map.of());
			System.out.printf("xlsx: %d rows read in %.0f ms (%s read)%n", n, (System.nanoTime() - start) / 1e6, pass);
		}
		assertEquals(n, c.rows.size());
		assertEquals("2026-01-01T00:01:00", c.line(2).get("event_time"));
		assertEquals("2026-01-07T22:40:00", c.line(n + 1).get("event_time")); // 46023 + 10000/1440 days
	}

	@Test
	void anEmptyFileAndAZipBombAreTheFilesFaultSaidPlainly() throws Exception {
		Path empty = Files.createFile(dir.resolve("empty.xlsx"));
		ConnectorException e = assertThrows(ConnectorException.class, () -> Connectors.read(xlsx, FactKind.ORDERS, empty, Map.of()));
		assertEquals(empty + ": the file is empty", e.getMessage());

		// a real workbook whose shared strings are 24 MB of padding that deflates to a few KB
		Path small = dir.resolve("small.xlsx");
		try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(small)) {
			Row header = wb.createSheet("Orders").createRow(0);
			for (String name : List.of("order_id", "customer_id", "order_time", "amount", "status")) {
				header.createCell(header.getPhysicalNumberOfCells()).setCellValue(name);
			}
			wb.write(out);
		}
		Path bomb = dir.resolve("bomb.xlsx");
		try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(small.toFile());
				java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(bomb))) {
			for (var entries = in.entries(); entries.hasMoreElements();) {
				java.util.zip.ZipEntry entry = entries.nextElement();
				out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
				byte[] content = in.getInputStream(entry).readAllBytes();
				if (entry.getName().equals("xl/sharedStrings.xml")) {
					String xml = new String(content, java.nio.charset.StandardCharsets.UTF_8);
					int at = xml.indexOf("<si>");
					out.write(xml.substring(0, at).getBytes(java.nio.charset.StandardCharsets.UTF_8));
					byte[] padding = new byte[1 << 20];
					java.util.Arrays.fill(padding, (byte) ' ');
					for (int i = 0; i < 24; i++) {
						out.write(padding);
					}
					out.write(xml.substring(at).getBytes(java.nio.charset.StandardCharsets.UTF_8));
				} else {
					out.write(content);
				}
				out.closeEntry();
			}
		}
		e = assertThrows(ConnectorException.class, () -> Connectors.read(xlsx, FactKind.ORDERS, bomb, Map.of()));
		assertTrue(e.getMessage().startsWith(bomb + ": the file expands to more than 24 MB"), e.getMessage());
		assertTrue(e.getMessage().endsWith("looks like a zip bomb, and was not read"), e.getMessage());
		assertTrue(!e.getMessage().contains("MIN_INFLATE_RATIO"), e.getMessage());
	}
}
