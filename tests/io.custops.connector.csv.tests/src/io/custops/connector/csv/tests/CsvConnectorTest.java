package io.custops.connector.csv.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.custops.core.data.CustomerDataset;
import io.custops.core.data.FactKind;
import io.custops.core.data.OrderStatus;
import io.custops.core.param.ParameterException;
import io.custops.core.param.ParameterSpec;
import io.custops.core.spi.ConnectorException;
import io.custops.core.spi.DataConnector;
import io.custops.store.ImportResult;
import io.custops.store.Workspace;

/** The csv connector through the workspace: formats, encodings, mapping and file-level errors. */
class CsvConnectorTest {

	private static final Charset GBK = Charset.forName("GBK");

	@TempDir
	Path dir;
	Workspace ws;

	@BeforeEach
	void open() throws Exception {
		ws = Csv.manager().open(dir.resolve("ws"));
		ws.setZone(ZoneId.of("Asia/Shanghai"));
	}

	@AfterEach
	void close() {
		ws.close();
	}

	@Test
	void theConnectorDescribesItselfInBothLanguages() throws Exception {
		DataConnector csv = Csv.connector();
		assertEquals(EnumSet.allOf(FactKind.class), csv.supportedKinds());
		assertTrue(csv.needsFile());
		assertEquals("CSV 文件", csv.name().zh());
		for (ParameterSpec spec : csv.parameters()) {
			assertFalse(spec.label().en().equals(spec.label().zh()), spec.key() + " has a Chinese label");
			assertFalse(spec.description().en().isBlank(), spec.key());
		}
		assertTrue(csv.parameters().stream().anyMatch(s -> s.key().equals("map.*") && s.isFamily()));
	}

	@Test
	void gbkSemicolonsQuotesAndChineseHeadersMappedToFields() throws Exception {
		String text = "订单号;客户;下单时间;金额;状态;渠道\r\n"
				+ "A1;c1;2026-01-05 10:00:00;\"1,234.50\";paid;\"天猫;旗舰店\"\r\n"
				+ "\r\n"
				+ "A2;c2;2026-01-06 11:00:00;20;paid;\"多行\r\n备注 \"\"引号\"\"\"\r\n"
				+ "A3;c2;2026-01-07;abc;paid;京东\r\n"
				+ "A4;c3;2026-01-08;5\r\n";
		Path file = Csv.write(dir, "orders-gbk.csv", text, GBK);
		ImportResult r = Csv.load(ws, FactKind.ORDERS, file,
				Map.of("encoding", "GBK", "delimiter", "semicolon", "map.order_id", "订单号", "map.customer_id", "客户",
						"map.order_time", "下单时间", "map.amount", "金额", "map.status", "状态", "map.channel", "渠道"));
		assertEquals(4, r.read());
		assertEquals(2, r.imported());
		assertEquals(2, r.rejected());
		List<String[]> rejects = Csv.rejects(r);
		assertArrayEquals(new String[] { "6", "amount", "金额 'abc' is not a decimal number", "A3;c2;2026-01-07;abc;paid;京东" },
				rejects.get(0), "line 6: the blank line and the two-line record count");
		assertArrayEquals(new String[] { "7", "", "has 4 fields, the header has 6", "A4;c3;2026-01-08;5" }, rejects.get(1));
		CustomerDataset d = ws.dataset();
		int c1 = d.indexOf("c1");
		assertEquals(123450, d.orderAmount()[d.orderOffsets()[c1]]);
		assertEquals("天猫;旗舰店", d.orderChannel().value(d.orderOffsets()[c1]));
		int c2 = d.indexOf("c2");
		assertEquals("多行\r\n备注 \"引号\"", d.orderChannel().value(d.orderOffsets()[c2]));
	}

	@Test
	void theRawTextOfAMultiLineRecordIsKeptExactly() throws Exception {
		Path file = Csv.write(dir, "orders.csv", "order_id,customer_id,order_time,amount,status\n"
				+ "o1,c1,2026-01-05,\"1\n0\",paid\n" + "o2,c1,2026-01-06,1,paid\n");
		ImportResult r = Csv.load(ws, FactKind.ORDERS, file, Map.of());
		assertArrayEquals(new String[] { "2", "amount", "amount '1\n0' is not a decimal number",
				"o1,c1,2026-01-05,\"1\n0\",paid" }, Csv.rejects(r).get(0));
		assertEquals(1, r.imported());
	}

	@Test
	void utf8WithByteOrderMarkAndExtraColumnsAsAttributes() throws Exception {
		Path file = Csv.write(dir, "customers.csv",
				"\uFEFFCustomer_ID,Name,Province,VIP Flag,Gender\nc1,王芳,浙江,yes,F\nc2, Li Lei ,广东,,M\n");
		ImportResult r = Csv.load(ws, FactKind.CUSTOMERS, file, Map.of());
		assertEquals(2, r.imported(), "Customer_ID matched customer_id though the file starts with a BOM");
		CustomerDataset d = ws.dataset();
		int c1 = d.indexOf("c1");
		assertEquals("王芳", d.attribute("name").value(c1));
		assertEquals("yes", d.attribute("VIP Flag").value(c1));
		assertEquals("Li Lei", d.attribute("name").value(d.indexOf("c2")));
		assertNull(d.attribute("VIP Flag").value(d.indexOf("c2")));
		assertNull(d.attribute("Customer_ID"), "mapped columns are not attributes");
	}

	@Test
	void gb18030AndUtf8WithoutBomReadTheSame() throws Exception {
		String text = "customer_id,name\n㐀1,欧阳\n";
		Csv.load(ws, FactKind.CUSTOMERS, Csv.write(dir, "a.csv", text, Charset.forName("GB18030")),
				Map.of("encoding", "GB18030"));
		ImportResult again = Csv.load(ws, FactKind.CUSTOMERS, Csv.write(dir, "b.csv", text), Map.of());
		assertEquals(1, again.unchanged(), "the same customer, whatever the encoding");
		assertEquals("欧阳", ws.dataset().attribute("name").value(ws.dataset().indexOf("㐀1")));
	}

	@Test
	void noHeaderWithColumnNamesOrNumbers() throws Exception {
		Path file = Csv.write(dir, "events.tsv",
				"c1\t2026-01-05 10:00:00\tvisit\ts1\n" + "c1\t2026-01-05 10:01:00\tview\ts1\n");
		ImportResult named = Csv.load(ws, FactKind.EVENTS, file, Map.of("header", "false", "delimiter", "tab",
				"columns", "customer_id,event_time,event_type,session_id"));
		assertEquals(2, named.imported());
		ImportResult numbered = Csv.load(ws, FactKind.EVENTS, file, Map.of("header", "false", "delimiter", "\\t",
				"map.customer_id", "1", "map.event_time", "2", "map.event_type", "3", "map.session_id", "4"));
		assertEquals(2, numbered.unchanged());
		assertEquals(2, ws.dataset().eventCount());
	}

	@Test
	void reasonsNameTheMappedColumnAndQuoteTheFilesText() throws Exception {
		Path file = Csv.write(dir, "订单.csv", "订单号,客户,下单时间,实付金额,状态\n" + "1,b1,2026/02/30 10:00,10,交易成功\n"
				+ "2,b1,2026/03/01 10:00,十元,交易成功\n" + "3,b2,2026/03/01 10:00,5,已发货\n" + "4,b2,2026/03/02 10:00,5,交易成功\n");
		ImportResult r = Csv.load(ws, FactKind.ORDERS, file, Map.ofEntries(Map.entry("map.order_id", "订单号"),
				Map.entry("map.customer_id", "客户"), Map.entry("map.order_time", "下单时间"), Map.entry("map.amount", "实付金额"),
				Map.entry("map.status", "状态"), Map.entry("dateFormat", "yyyy/MM/dd HH:mm"),
				Map.entry("recode.status", "交易成功:paid")));
		List<String[]> rejects = Csv.rejectRecords(r);
		assertEquals(3, rejects.size());
		assertArrayEquals(new String[] { "2", "order_time",
				"下单时间 '2026/02/30 10:00' matches none of the date formats yyyy/MM/dd HH:mm", "1,b1,2026/02/30 10:00,10,交易成功",
				"下单时间 的值 '2026/02/30 10:00' 不符合任何日期格式 yyyy/MM/dd HH:mm" }, rejects.get(0));
		assertArrayEquals(new String[] { "3", "amount", "实付金额 '十元' is not a decimal number",
				"2,b1,2026/03/01 10:00,十元,交易成功", "实付金额 的值 '十元' 不是数字" }, rejects.get(1),
				"the reason names the file's column; the field column keeps the canonical field");
		assertArrayEquals(new String[] { "4", "status", "状态 '已发货' is not one of paid, unpaid, refunded, cancelled",
				"3,b2,2026/03/01 10:00,5,已发货", "状态 的值 '已发货' 不是 paid、unpaid、refunded、cancelled 之一" }, rejects.get(2));
		assertEquals(1, r.imported());
	}

	@Test
	void dateFormatsSkipLinesDefaultsAndRecoding() throws Exception {
		Path file = Csv.write(dir, "export.csv", "Shop export 2026\nexported by: admin\n"
				+ "no,buyer,date,total,state\n" + "1,b1,05/01/2026 10:30,10,Done\n" + "2,b1,31/02/2026 10:30,10,Done\n"
				+ "3,b2,06/01/2026,5,Closed\n" + "4,b2,2026-01-07 10:00,5,\n" + "5,b3,07/01/2026 09:00,7,Waiting\n");
		ImportResult r = Csv.load(ws, FactKind.ORDERS, file, Map.ofEntries(Map.entry("skipLines", "2"),
				Map.entry("map.order_id", "no"), Map.entry("map.customer_id", "buyer"), Map.entry("map.order_time", "date"),
				Map.entry("map.amount", "total"), Map.entry("map.status", "state"),
				Map.entry("dateFormat", "dd/MM/yyyy HH:mm|dd/MM/yyyy"),
				Map.entry("recode.status", "done:paid,Closed:cancelled,Wait*:unpaid"), Map.entry("default.status", "paid"),
				Map.entry("default.channel", "shop")));
		List<String[]> rejects = Csv.rejects(r);
		assertEquals(2, rejects.size());
		assertArrayEquals(new String[] { "5", "order_time",
				"date '31/02/2026 10:30' matches none of the date formats dd/MM/yyyy HH:mm|dd/MM/yyyy",
				"2,b1,31/02/2026 10:30,10,Done" }, rejects.get(0));
		assertEquals("7", rejects.get(1)[0], "an ISO date is not one of the given formats");
		assertEquals(3, r.imported());
		CustomerDataset d = ws.dataset();
		int b1 = d.indexOf("b1");
		assertEquals(CustomerDataset.localSeconds(LocalDateTime.of(2026, 1, 5, 10, 30)), d.orderTime()[d.orderOffsets()[b1]]);
		assertEquals(OrderStatus.PAID.code(), d.orderStatus()[d.orderOffsets()[b1]]);
		assertEquals("shop", d.orderChannel().value(d.orderOffsets()[b1]));
		assertEquals(OrderStatus.CANCELLED.code(), d.orderStatus()[d.orderOffsets()[d.indexOf("b2")]]);
		assertEquals(OrderStatus.UNPAID.code(), d.orderStatus()[d.orderOffsets()[d.indexOf("b3")]]);
	}

	@Test
	void offsetsInTheFileAreConvertedToTheWorkspaceZone() throws Exception {
		Path file = Csv.write(dir, "orders.csv", "order_id,customer_id,order_time,amount,status\n"
				+ "o1,c1,2026-01-05T02:00:00Z,1,paid\n" + "o2,c1,2026-01-05 10:00:00+09:00,1,paid\n"
				+ "o3,c1,05.01.2026 10:00 +0100,1,paid\n");
		Csv.load(ws, FactKind.ORDERS, file, Map.of("maxRejects", "-1"));
		ImportResult formatted = Csv.load(ws, FactKind.ORDERS, file,
				Map.of("dateFormat", "dd.MM.yyyy HH:mm Z|yyyy-MM-dd'T'HH:mm:ssX|yyyy-MM-dd HH:mm:ssXXX"));
		assertEquals(2, formatted.unchanged());
		assertEquals(1, formatted.imported());
		long[] t = ws.dataset().orderTime(); // in time order: o2 (09:00), o1 (10:00), o3 (17:00 = 10:00+01:00)
		assertEquals(List.of(CustomerDataset.localSeconds(LocalDateTime.of(2026, 1, 5, 9, 0)),
				CustomerDataset.localSeconds(LocalDateTime.of(2026, 1, 5, 10, 0)),
				CustomerDataset.localSeconds(LocalDateTime.of(2026, 1, 5, 17, 0))), List.of(t[0], t[1], t[2]));
	}

	@Test
	void anUndecodableFileFailsNamingItAndWritesNothing() throws Exception {
		Csv.load(ws, FactKind.ORDERS, Csv.write(dir, "ok.csv", "order_id,customer_id,order_time,amount,status\no0,c,2026-01-01,1,paid\n"),
				Map.of());
		StringBuilder text = new StringBuilder("order_id,customer_id,order_time,amount,status\n");
		for (int i = 1; i <= 30_000; i++) {
			text.append("o").append(i).append(",c").append(i % 10).append(",2026-01-01,1,paid\n");
		}
		text.append("o30001,张三,2026-01-01,1,paid\n");
		Path file = Csv.write(dir, "gbk-orders.csv", text.toString(), GBK);
		ConnectorException e = assertThrows(ConnectorException.class,
				() -> Csv.load(ws, FactKind.ORDERS, file, Map.of("encoding", "UTF-8")));
		assertTrue(e.getMessage().startsWith(file + ": not valid UTF-8 text at line 30002;"), e.getMessage());
		assertTrue(e.getMessage().contains("--param encoding="), e.getMessage());
		assertEquals(1L, ws.info().counts().get(FactKind.ORDERS), "the 30,000 rows before the bad bytes are not kept");
		assertEquals("failed", ws.info().imports().get(0).state());
		assertEquals(30_001, Csv.load(ws, FactKind.ORDERS, file, Map.of("encoding", "GBK")).imported());
	}

	@Test
	void theEncodingIsDetectedAndNamed() throws Exception {
		// GBK bytes after 30,000 ASCII rows: not valid UTF-8, so GB18030 (a superset of GBK)
		StringBuilder text = new StringBuilder("order_id,customer_id,order_time,amount,status\n");
		for (int i = 1; i <= 30_000; i++) {
			text.append("o").append(i).append(",c").append(i % 10).append(",2026-01-01,1,paid\n");
		}
		text.append("o30001,张三,2026-01-01,1,paid\n");
		ImportResult late = Csv.load(ws, FactKind.ORDERS, Csv.write(dir, "gbk-orders.csv", text.toString(), GBK), Map.of());
		assertEquals(30_001, late.imported());
		assertEquals(List.of("encoding GB18030 (detected: it is not valid UTF-8 (byte " + (text.toString().indexOf('张') + 1)
				+ ")); if that is wrong, name it with --param encoding=…"), late.notes());

		Path gbk = Csv.write(dir, "gbk-customers.csv", "customer_id,name\nk1,欧阳娜娜\n", GBK);
		ImportResult customers = Csv.load(ws, FactKind.CUSTOMERS, gbk, Map.of());
		assertTrue(customers.notes().get(0).startsWith("encoding GB18030 (detected: it is not valid UTF-8"), customers.notes().toString());
		assertEquals("欧阳娜娜", ws.dataset().attribute("name").value(ws.dataset().indexOf("k1")));

		Path bom = Csv.write(dir, "bom.csv", "\uFEFFcustomer_id,name\nk2,李𠮷\n", StandardCharsets.UTF_8);
		assertEquals(List.of("encoding UTF-8 (detected: its byte order mark); if that is wrong, name it with --param encoding=…"),
				Csv.load(ws, FactKind.CUSTOMERS, bom, Map.of()).notes());
		assertEquals("李𠮷", ws.dataset().attribute("name").value(ws.dataset().indexOf("k2")));

		Path utf16 = Csv.write(dir, "utf16.csv", "customer_id,name\nk3,王五\n", StandardCharsets.UTF_16);
		assertTrue(Csv.load(ws, FactKind.CUSTOMERS, utf16, Map.of()).notes().get(0).startsWith("encoding UTF-16 (detected: its byte order mark)"));
		assertEquals("王五", ws.dataset().attribute("name").value(ws.dataset().indexOf("k3")));

		Path utf8 = Csv.write(dir, "utf8.csv", "customer_id,name\nk4,赵六\n", StandardCharsets.UTF_8);
		assertTrue(Csv.load(ws, FactKind.CUSTOMERS, utf8, Map.of()).notes().get(0).startsWith("encoding UTF-8 (detected: it is valid UTF-8)"));
		Path named = Csv.write(dir, "named.csv", "customer_id,name\nk5,x\n", StandardCharsets.UTF_8);
		assertEquals(List.of(), Csv.load(ws, FactKind.CUSTOMERS, named, Map.of("encoding", "UTF-8")).notes(),
				"a named encoding is not remarked on");
	}

	@Test
	void aFileForAnotherConnectorNamesThatConnector() throws Exception {
		Path workbook = dir.resolve("orders.xlsx");
		try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(workbook))) {
			zip.putNextEntry(new java.util.zip.ZipEntry("xl/workbook.xml"));
			zip.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
		}
		ConnectorException xlsx = assertThrows(ConnectorException.class, () -> Csv.load(ws, FactKind.ORDERS, workbook, Map.of()));
		assertEquals(workbook + ": an Excel workbook (xlsx), not delimited text: import it with the xlsx connector (--connector xlsx)",
				xlsx.getMessage());

		Path taobao = Csv.write(dir, "ExportOrderList.csv",
				"订单编号,买家会员名,买家实际支付金额,订单状态,订单创建时间\n1001,tb_x,10.00,交易成功,2026-01-01 10:00:00\n", GBK);
		ConnectorException export = assertThrows(ConnectorException.class, () -> Csv.load(ws, FactKind.ORDERS, taobao, Map.of()));
		assertTrue(export.getMessage().contains("the file is a Taobao/Tmall seller-centre order export: import it with the taobao connector (--connector taobao)"),
				export.getMessage());
		assertEquals(0L, ws.info().counts().get(FactKind.ORDERS));
	}

	@Test
	void fileLevelProblemsNameTheFileAndTheProblem() throws Exception {
		Path noAmount = Csv.write(dir, "no-amount.csv", "order_id,customer_id,order_time,status\no1,c1,2026-01-01,paid\n");
		ConnectorException e = assertThrows(ConnectorException.class,
				() -> Csv.load(ws, FactKind.ORDERS, noAmount, Map.of()));
		assertEquals(noAmount + ": no column for the required field amount of orders (the file's columns: order_id,"
				+ " customer_id, order_time, status); map one with --param map.amount=COLUMN", e.getMessage());

		e = assertThrows(ConnectorException.class,
				() -> Csv.load(ws, FactKind.ORDERS, noAmount, Map.of("map.amount", "Total")));
		assertEquals(noAmount + ": no column 'Total' (map.amount) in the file; its columns: order_id, customer_id,"
				+ " order_time, status", e.getMessage());

		Path empty = Csv.write(dir, "empty.csv", "");
		e = assertThrows(ConnectorException.class, () -> Csv.load(ws, FactKind.ORDERS, empty, Map.of()));
		assertEquals(empty + ": the file is empty (no header row)", e.getMessage());

		Path missing = dir.resolve("missing.csv");
		e = assertThrows(ConnectorException.class, () -> Csv.load(ws, FactKind.ORDERS, missing, Map.of()));
		assertEquals(missing + ": no such file", e.getMessage());

		Path broken = Csv.write(dir, "broken.csv",
				"order_id,customer_id,order_time,amount,status\no1,c1,2026-01-01,1,paid\no2,\"c2\"x,2026-01-01,1,paid\n");
		e = assertThrows(ConnectorException.class, () -> Csv.load(ws, FactKind.ORDERS, broken, Map.of()));
		assertTrue(e.getMessage().startsWith(broken + ": not valid CSV at line 3: "), e.getMessage());

		assertEquals(0L, ws.info().counts().get(FactKind.ORDERS));
		assertTrue(ws.info().imports().stream().allMatch(i -> i.state().equals("failed")));
		assertFalse(Files.exists(dir.resolve("ws").resolve("rejects")) && Files.list(dir.resolve("ws").resolve("rejects")).findAny().isPresent());
	}

	@Test
	void badParametersAreNamed() throws Exception {
		Path file = Csv.write(dir, "o.csv", "order_id,customer_id,order_time,amount,status\n");
		assertEquals("delimeter", assertThrows(ParameterException.class,
				() -> Csv.load(ws, FactKind.ORDERS, file, Map.of("delimeter", ";"))).key());
		assertEquals("map.colour", assertThrows(ParameterException.class,
				() -> Csv.load(ws, FactKind.ORDERS, file, Map.of("map.colour", "x"))).key());
		assertEquals("encoding", assertThrows(ParameterException.class,
				() -> Csv.load(ws, FactKind.ORDERS, file, Map.of("encoding", "klingon"))).key());
		assertEquals("quote", assertThrows(ParameterException.class,
				() -> Csv.load(ws, FactKind.ORDERS, file, Map.of("quote", "''"))).key());
		assertEquals("dateFormat", assertThrows(ParameterException.class,
				() -> Csv.load(ws, FactKind.ORDERS, file, Map.of("dateFormat", "dd/MM/yyyy {"))).key());
		assertEquals("recode.status", assertThrows(ParameterException.class,
				() -> Csv.load(ws, FactKind.ORDERS, file, Map.of("recode.status", "paid"))).key());
	}

	@Test
	void customersMayRenameExtraColumns() throws Exception {
		Path file = Csv.write(dir, "c.csv", "id,会员标记\nc1,Y\n", StandardCharsets.UTF_8);
		Csv.load(ws, FactKind.CUSTOMERS, file, Map.of("map.customer_id", "id", "map.vip", "会员标记"));
		CustomerDataset d = ws.dataset();
		assertEquals("Y", d.attribute("vip").value(d.indexOf("c1")));
		assertNull(d.attribute("会员标记"));
	}
}
