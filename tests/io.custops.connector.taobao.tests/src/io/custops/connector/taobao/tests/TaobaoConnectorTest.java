package io.custops.connector.taobao.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import io.custops.connector.taobao.tests.Connectors.Collected;
import io.custops.core.data.FactKind;
import io.custops.core.param.ParameterSpec;
import io.custops.core.spi.ConnectorException;
import io.custops.core.spi.DataConnector;

class TaobaoConnectorTest {

	private static final String BUNDLE = "io.custops.connector.taobao";
	private static final Charset GBK = Charset.forName("GBK");
	private static final String HEADER = "订单编号,买家会员名,买家实际支付金额,总金额,订单状态,订单创建时间,订单付款时间 ,退款金额,订单关闭原因,收货地址 ,联系手机,收货人姓名";

	private static DataConnector taobao;

	@TempDir
	Path dir;

	@BeforeAll
	static void find() throws Exception {
		taobao = Connectors.find("taobao", BUNDLE);
	}

	@Test
	void describesItself() {
		assertEquals(Set.of(FactKind.ORDERS, FactKind.CUSTOMERS), taobao.supportedKinds());
		assertTrue(taobao.needsFile());
		ParameterSpec encoding = taobao.parameters().stream().filter(p -> p.key().equals("encoding")).findFirst()
				.orElseThrow();
		assertEquals("GBK", encoding.defaultValue());
		assertEquals(List.of("GBK", "GB18030", "UTF-8"), encoding.choices());
	}

	// ---- the shipped sample ------------------------------------------------------------------

	private Path sample() throws IOException {
		Bundle bundle = FrameworkUtil.getBundle(taobao.getClass());
		Path file = dir.resolve("ExportOrderList-sample.csv");
		try (InputStream in = bundle.getEntry("samples/taobao-orders-sample.csv").openStream()) {
			Files.copy(in, file);
		}
		return file;
	}

	@Test
	void sampleOrdersAreAllAccountedFor() throws Exception {
		Collected c = Connectors.read(taobao, FactKind.ORDERS, sample(), Map.of());
		// what tools/make_sample.py wrote: 421 data rows on lines 2–423 (one row spans two lines)
		assertEquals(421, c.rows.size() + c.rejects.size(), "every row is either handed on or rejected");
		assertEquals(List.of(15L, 18L, 23L, 33L, 84L, 88L, 108L, 190L, 211L, 214L, 238L, 348L, 357L, 377L),
				c.rejectedLines());
		Map<String, Integer> byStatus = new TreeMap<>();
		c.rows.forEach(r -> byStatus.merge(r.get("status"), 1, Integer::sum));
		assertEquals(Map.of("paid", 334, "unpaid", 16, "cancelled", 34, "refunded", 23), byStatus);
		for (Connectors.Collected.Row r : c.rows) {
			assertEquals("taobao", r.get("channel"));
			assertFalse(r.get("order_id").contains("="), "Excel's =\"…\" wrapping is gone: " + r.get("order_id"));
		}
	}

	@Test
	void sampleHandMadeRowsFieldByField() throws Exception {
		Collected c = Connectors.read(taobao, FactKind.ORDERS, sample(), Map.of("channel", "tmall"));
		Collected.Row first = c.line(2);
		assertEquals(Map.ofEntries(Map.entry("order_id", "3761234567890123456"), Map.entry("customer_id", "tb_lin2019"),
				Map.entry("order_time", "2026-03-08T10:15:32"), Map.entry("amount", "258.00"), Map.entry("status", "paid"),
				Map.entry("quantity", "2"), Map.entry("channel", "tmall"), Map.entry("province", "浙江"),
				Map.entry("city", "杭州市"), Map.entry("pay_time", "2026-03-08T10:16:01")), first.fields());
		assertTrue(first.raw().startsWith("=\"3761234567890123456\",tb_lin2019,"), first.raw());

		assertEquals(List.of("paid", "北京", "北京市"), List.of(c.line(3).get("status"), c.line(3).get("province"), c.line(3).get("city")));
		assertEquals(List.of("paid", "内蒙古", "呼和浩特市"), List.of(c.line(4).get("status"), c.line(4).get("province"), c.line(4).get("city")));
		assertEquals(List.of("unpaid", "129.00", "广西", "南宁市"), List.of(c.line(5).get("status"), c.line(5).get("amount"), c.line(5).get("province"), c.line(5).get("city")));
		assertNull(c.line(5).get("pay_time"));
		assertEquals(List.of("cancelled", "89.00"), List.of(c.line(6).get("status"), c.line(6).get("amount")));
		assertEquals(List.of("refunded", "199.00", "重庆"), List.of(c.line(7).get("status"), c.line(7).get("amount"), c.line(7).get("province")));
		assertEquals(List.of("refunded", "天津", "天津市"), List.of(c.line(8).get("status"), c.line(8).get("province"), c.line(8).get("city")));
		assertEquals(List.of("paid", "200.00", "新疆", "乌鲁木齐市"), List.of(c.line(9).get("status"), c.line(9).get("amount"), c.line(9).get("province"), c.line(9).get("city")), "partial refund: net amount");
		assertEquals(List.of("refunded", "99.00", "海南", "琼海市"), List.of(c.line(10).get("status"), c.line(10).get("amount"), c.line(10).get("province"), c.line(10).get("city")));
		assertEquals(List.of("unpaid", "300.00", "吉林", "延边朝鲜族自治州"), List.of(c.line(11).get("status"), c.line(11).get("amount"), c.line(11).get("province"), c.line(11).get("city")), "presale: deposit paid, balance due");
		// a note with a line break: the row starts on line 13, the next row on 15
		assertEquals("3761234567890123467", c.line(13).get("order_id"));
		assertTrue(c.line(13).raw().contains("请发顺丰\n谢谢老板"));
		Connectors.Collected.Reject unknown = c.rejects.get(0);
		assertEquals(15, unknown.line());
		assertEquals("订单状态", unknown.field());
		assertTrue(unknown.reason().contains("已冻结"), unknown.reason());
		assertTrue(unknown.raw().contains("3761234567890123468"));
		// values the connector cannot judge go on as written, for the workspace to reject with its own reason
		assertEquals("abc", c.line(16).get("amount"));
		assertNull(c.line(17).get("customer_id"));
		assertEquals("", c.rejects.get(1).field());
		assertTrue(c.rejects.get(1).reason().contains("6 fields"), c.rejects.get(1).reason());
		assertEquals("2026-13-45T25:61:00", c.line(19).get("order_time"));
		assertEquals(List.of("2026-03-09T08:05:00", "2026-03-09T08:06:00"), List.of(c.line(20).get("order_time"), c.line(20).get("pay_time")));
		assertNull(c.line(21).get("province"), "an address abroad has no province");
		assertEquals(List.of("香港", "九龙"), List.of(c.line(22).get("province"), c.line(22).get("city")));
		assertEquals(23, c.rejects.get(2).line());
		assertEquals("no order status", c.rejects.get(2).reason());
	}

	@Test
	void tellsTheWorkspaceItsColumnsAndTheTimesAsWritten() throws Exception {
		// the workspace's reasons name 买家实际支付金额 and quote '2026-02-30 10:00:00', not amount and the ISO form
		Path file = gbk("terms.csv", List.of(
				"=\"1\",b1,abc,120.00,交易成功,2026-02-30 10:00:00,2026/3/9 8:06,,,浙江省 杭州市,'13800000000,王",
				"=\"2\",b2,100.00,120.00,交易成功,2026-03-01T10:00:00,,,,浙江省 杭州市,'13800000000,王"));
		Collected c = Connectors.read(taobao, FactKind.ORDERS, file, Map.of());
		assertEquals("买家实际支付金额", c.sourceColumns.get("amount"));
		assertEquals("订单创建时间", c.sourceColumns.get("order_time"));
		assertEquals("订单付款时间", c.sourceColumns.get("pay_time"), "the header's trailing space is not part of the name");
		assertEquals("买家会员名", c.sourceColumns.get("customer_id"));
		assertEquals("2026-02-30T10:00:00", c.line(2).get("order_time"));
		assertEquals(Map.of("order_time", "2026-02-30 10:00:00", "pay_time", "2026/3/9 8:06"), c.sourceValues.get(2L));
		assertNull(c.sourceValues.get(3L), "a time handed on as written needs no source text");
		Collected customers = Connectors.read(taobao, FactKind.CUSTOMERS, file, Map.of());
		assertEquals(Map.of("customer_id", "买家会员名", "name", "收货人姓名", "phone", "联系手机", "first_seen", "订单创建时间"),
				customers.sourceColumns);
	}

	@Test
	void warnsWhenTheWorkspaceIsNotInChinaTime() throws Exception {
		Path file = gbk("zone.csv", List.of("=\"1\",b1,100.00,120.00,交易成功,2026-03-01 10:00:00,,,,浙江省 杭州市,'13800000000,王"));
		Collected utc = Connectors.read(taobao, FactKind.ORDERS, file, Map.of(), java.time.ZoneId.of("UTC"));
		assertEquals(1, utc.notes.size(), utc.notes.toString());
		assertTrue(utc.notes.get(0).contains("Asia/Shanghai") && utc.notes.get(0).contains("UTC")
				&& utc.notes.get(0).contains("./custops workspace zone Asia/Shanghai"), utc.notes.get(0));
		assertTrue(utc.notes.get(0).contains("北京时间"), "in Chinese too: " + utc.notes.get(0));
		assertEquals(List.of(), Connectors.read(taobao, FactKind.ORDERS, file, Map.of()).notes, "a China-time workspace: nothing to say");
		assertEquals(List.of(), Connectors.read(taobao, FactKind.ORDERS, file, Map.of(), java.time.ZoneId.of("Asia/Chongqing")).notes,
				"another name of the same zone");
	}

	@Test
	void maskedNicknamesAreToldApartByTheBuyersOtherDetails() throws Exception {
		Path file = gbk("masked.csv", List.of( //
				"=\"1\",t**1,100.00,120.00,交易成功,2026-03-01 10:00:00,,,,浙江省 杭州市,'138****0001,王**", // buyer A
				"=\"2\",t**1,50.00,50.00,交易成功,2026-03-02 10:00:00,,,,浙江省 杭州市,'138****0001,王**", // A again
				"=\"3\",t**1,70.00,70.00,交易成功,2026-03-03 10:00:00,,,,北京 北京市,'139****0002,李**", // buyer B
				"=\"4\",t**1,70.00,70.00,交易成功,2026-03-03 11:00:00,,,,,,", // nothing else: its own customer
				"=\"5\",*tom,70.00,70.00,交易成功,2026-03-03 12:00:00,,,,,,", // a star at an end is part of the name
				"=\"6\",lin,70.00,70.00,交易成功,2026-03-03 12:00:00,,,,,,"));
		Collected c = Connectors.read(taobao, FactKind.ORDERS, file, Map.of());
		String a = c.line(2).get("customer_id");
		assertTrue(a.startsWith("t**1#"), a);
		assertEquals(a, c.line(3).get("customer_id"), "the same buyer's orders go to one customer");
		String b = c.line(4).get("customer_id");
		assertTrue(b.startsWith("t**1#") && !b.equals(a), "another buyer with the same masked nickname is another customer: " + b);
		String d = c.line(5).get("customer_id");
		assertTrue(d.startsWith("t**1#") && !d.equals(a) && !d.equals(b), d);
		assertFalse(a.contains("0001") || a.contains("王"), "the id shows no personal data: " + a);
		assertEquals("*tom", c.line(6).get("customer_id"));
		assertEquals("lin", c.line(7).get("customer_id"));
		assertEquals(1, c.notes.stream().filter(n -> n.startsWith("4 rows have a masked buyer nickname (t**1)")).count(), c.notes.toString());
		assertTrue(c.notes.stream().anyMatch(n -> n.contains("3 customers")), c.notes.toString());

		Collected customers = Connectors.read(taobao, FactKind.CUSTOMERS, file, Map.of());
		assertEquals(List.of(a, b, d, "*tom", "lin"), customers.rows.stream().map(r -> r.get("customer_id")).toList(),
				"customers keyed as their orders are");
	}

	@Test
	void sampleCustomersOnePerBuyerWithTheLatestAddress() throws Exception {
		Collected c = Connectors.read(taobao, FactKind.CUSTOMERS, sample(), Map.of());
		assertEquals(159, c.rows.size());
		assertEquals(List.of(17L, 18L, 33L, 84L, 88L, 108L, 190L, 238L), c.rejectedLines());
		assertEquals("买家会员名", c.rejects.get(0).field());
		Collected.Row lin = c.line(2);
		assertEquals(Map.of("customer_id", "tb_lin2019", "name", "林小姐", "phone", "13812345678", "province", "浙江",
				"city", "宁波市", "channel", "taobao", "first_seen", "2026-03-08"), lin.fields());
		assertEquals(c.rows.size(), c.rows.stream().map(r -> r.get("customer_id")).distinct().count());
	}

	// ---- mapping tables --------------------------------------------------------------------

	private Path gbk(String name, List<String> rows) throws IOException {
		Path file = dir.resolve(name);
		Files.write(file, (HEADER + "\r\n" + String.join("\r\n", rows) + "\r\n").getBytes(GBK));
		return file;
	}

	@Test
	void statusTable() throws Exception {
		// status, pay time, refund, close reason → expected status and amount (paid 100.00 of a 120.00 total)
		String[][] cases = { //
				{ "交易成功", "2026-01-01 10:00:00", "0.00", "", "paid", "100.00" },
				{ "卖家已发货，等待买家确认", "2026-01-01 10:00:00", "", "", "paid", "100.00" },
				{ "买家已付款，等待卖家发货", "2026-01-01 10:00:00", "", "", "paid", "100.00" },
				{ "等待卖家发货,即:买家已付款", "2026-01-01 10:00:00", "", "", "paid", "100.00" },
				{ "等待买家确认收货,即:卖家已发货", "2026-01-01 10:00:00", "", "", "paid", "100.00" },
				{ "部分发货", "2026-01-01 10:00:00", "", "", "paid", "100.00" },
				{ "等待买家付款", "", "", "", "unpaid", "120.00" },
				{ "等待买家付尾款", "2026-01-01 10:00:00", "", "", "unpaid", "120.00" },
				{ "定金已付", "2026-01-01 10:00:00", "", "", "unpaid", "120.00" },
				{ "交易关闭", "", "0.00", "买家不想买了", "cancelled", "120.00" },
				{ "交易关闭", "", "", "超时未付款", "cancelled", "120.00" },
				{ "交易关闭", "2026-01-01 10:00:00", "100.00", "退款", "refunded", "100.00" },
				{ "交易关闭", "", "100.00", "", "refunded", "100.00" },
				{ "交易关闭", "", "", "买家申请退款", "refunded", "100.00" },
				{ "付款以后用户退款成功，交易自动关闭", "2026-01-01 10:00:00", "100.00", "", "refunded", "100.00" },
				{ "交易成功", "2026-01-01 10:00:00", "100.00", "", "refunded", "100.00" },
				{ "交易成功", "2026-01-01 10:00:00", "25.50", "", "paid", "74.50" },
				{ " 交易成功 ", "2026-01-01 10:00:00", "", "", "paid", "100.00" } };
		List<String> rows = new ArrayList<>();
		for (int i = 0; i < cases.length; i++) {
			String[] k = cases[i];
			rows.add(String.join(",", "=\"" + (1000 + i) + "\"", "buyer" + i, "100.00", "120.00", "\"" + k[0] + "\"",
					"2026-01-01 09:59:00", k[1], k[2], k[3], "浙江省 杭州市 西湖区", "'13800000000", "王"));
		}
		rows.add("=\"2000\",buyerX,100.00,120.00,售后中,2026-01-01 09:59:00,,,,,,");
		rows.add("=\"2001\",buyerY,100.00,120.00,TRADE_FINISHED,2026-01-01 09:59:00,,,,,,");
		Collected c = Connectors.read(taobao, FactKind.ORDERS, gbk("status.csv", rows), Map.of());
		assertEquals(cases.length, c.rows.size());
		for (int i = 0; i < cases.length; i++) {
			Collected.Row r = c.line(i + 2);
			assertEquals(String.valueOf(1000 + i), r.get("order_id"));
			assertEquals(cases[i][4], r.get("status"), "status of '" + cases[i][0] + "' / refund " + cases[i][2]);
			assertEquals(cases[i][5], r.get("amount"), "amount of '" + cases[i][0] + "' / refund " + cases[i][2]);
		}
		assertEquals(List.of((long) cases.length + 2, (long) cases.length + 3), c.rejectedLines());
		assertTrue(c.rejects.get(0).reason().contains("售后中"));
	}

	@Test
	void addressTable() throws Exception {
		String[][] cases = { //
				{ "浙江省 杭州市 西湖区 文三路90号(310012)", "浙江", "杭州市" }, //
				{ "北京 北京市 朝阳区 建国路88号", "北京", "北京市" }, //
				{ "上海市浦东新区世纪大道100号", "上海", "上海市" }, //
				{ "天津 天津市 和平区", "天津", "天津市" }, //
				{ "重庆 重庆市 万州区 高笋塘", "重庆", "重庆市" }, //
				{ "内蒙古自治区 鄂尔多斯市 东胜区", "内蒙古", "鄂尔多斯市" }, //
				{ "内蒙古 锡林郭勒盟 锡林浩特市", "内蒙古", "锡林郭勒盟" }, //
				{ "广西壮族自治区 桂林市 秀峰区", "广西", "桂林市" }, //
				{ "广西壮族自治区南宁市青秀区民族大道", "广西", "南宁市" }, //
				{ "西藏自治区 阿里地区 噶尔县", "西藏", "阿里地区" }, //
				{ "宁夏回族自治区 银川市 兴庆区", "宁夏", "银川市" }, //
				{ "新疆维吾尔自治区 自治区直辖县级行政区划 石河子市", "新疆", "石河子市" }, //
				{ "湖北省 省直辖县级行政区划 仙桃市 沙嘴街道", "湖北", "仙桃市" }, //
				{ "广东省广州市天河区体育西路", "广东", "广州市" }, //
				{ "吉林省延边朝鲜族自治州延吉市", "吉林", "延边朝鲜族自治州" }, //
				{ "黑龙江省 哈尔滨市 南岗区", "黑龙江", "哈尔滨市" }, //
				{ "云南省 大理白族自治州 大理市", "云南", "大理白族自治州" }, //
				{ "香港特别行政区 香港岛 中西区", "香港", "香港岛" }, //
				{ "澳门特别行政区", "澳门", "澳门" }, //
				{ "台湾 台北市 信义区", "台湾", "台北市" }, //
				{ "　江苏省　苏州市　姑苏区", "江苏", "苏州市" }, //
				{ "海外 日本 东京都", null, null }, //
				{ "", null, null } };
		List<String> rows = new ArrayList<>();
		for (int i = 0; i < cases.length; i++) {
			rows.add(String.join(",", "=\"" + (1000 + i) + "\"", "b" + i, "10.00", "10.00", "交易成功", "2026-01-01 09:59:00",
					"", "", "", cases[i][0], "", ""));
		}
		Collected c = Connectors.read(taobao, FactKind.ORDERS, gbk("address.csv", rows), Map.of());
		assertEquals(cases.length, c.rows.size());
		for (int i = 0; i < cases.length; i++) {
			Collected.Row r = c.line(i + 2);
			assertEquals(cases[i][1], r.get("province"), "province of '" + cases[i][0] + "'");
			assertEquals(cases[i][2], r.get("city"), "city of '" + cases[i][0] + "'");
		}
	}

	// ---- encodings and file-level problems --------------------------------------------------

	private static final String ROW = "=\"9001\",李𠮷,88.00,88.00,交易成功,2026-02-01 10:00:00,2026-02-01 10:01:00,,,广东省 深圳市 南山区,'13500000000,李𠮷";

	@Test
	void gb18030AndUtf8() throws Exception {
		String text = HEADER + "\r\n" + ROW + "\r\n";
		Path gb18030 = dir.resolve("gb18030.csv");
		Files.write(gb18030, text.getBytes(Charset.forName("GB18030")));
		Collected c = Connectors.read(taobao, FactKind.ORDERS, gb18030, Map.of("encoding", "GB18030"));
		assertEquals("李𠮷", c.line(2).get("customer_id"), "a character GB18030 has (in four bytes) and GBK has not");

		// read as GBK, the same bytes are not text: the whole file fails, naming itself
		ConnectorException e = assertThrows(ConnectorException.class,
				() -> Connectors.read(taobao, FactKind.ORDERS, gb18030, Map.of()));
		assertTrue(e.getMessage().contains(gb18030.toString()) && e.getMessage().contains("GBK"), e.getMessage());

		Path utf8 = dir.resolve("utf8.csv");
		Files.writeString(utf8, text, StandardCharsets.UTF_8);
		assertEquals("李𠮷", Connectors.read(taobao, FactKind.ORDERS, utf8, Map.of("encoding", "utf-8")).line(2)
				.get("customer_id"));
		e = assertThrows(ConnectorException.class, () -> Connectors.read(taobao, FactKind.ORDERS, utf8, Map.of()));
		assertTrue(e.getMessage().contains(utf8.toString()) && e.getMessage().contains("encoding"), e.getMessage());

		Path bom = dir.resolve("utf8-bom.csv");
		Files.writeString(bom, "\uFEFF" + text, StandardCharsets.UTF_8);
		Collected withBom = Connectors.read(taobao, FactKind.ORDERS, bom, Map.of());
		assertEquals("李𠮷", withBom.line(2).get("customer_id"), "a UTF-8 byte-order mark wins over the GBK default");
		assertEquals("9001", withBom.line(2).get("order_id"));
	}

	@Test
	void fileLevelProblemsNameTheFile() throws Exception {
		Path missing = dir.resolve("no-such-export.csv");
		ConnectorException e = assertThrows(ConnectorException.class,
				() -> Connectors.read(taobao, FactKind.ORDERS, missing, Map.of()));
		assertTrue(e.getMessage().contains("no-such-export.csv"), e.getMessage());

		Path noStatus = dir.resolve("no-status.csv");
		Files.write(noStatus, "订单编号,买家会员名,买家实际支付金额,订单创建时间\r\n1,a,1.00,2026-01-01\r\n".getBytes(GBK));
		e = assertThrows(ConnectorException.class, () -> Connectors.read(taobao, FactKind.ORDERS, noStatus, Map.of()));
		assertTrue(e.getMessage().contains("no-status.csv") && e.getMessage().contains("订单状态"), e.getMessage());
		// customers only need the buyer's name
		assertEquals(1, Connectors.read(taobao, FactKind.CUSTOMERS, noStatus, Map.of()).rows.size());

		Path empty = dir.resolve("empty.csv");
		Files.write(empty, new byte[0]);
		e = assertThrows(ConnectorException.class, () -> Connectors.read(taobao, FactKind.ORDERS, empty, Map.of()));
		assertTrue(e.getMessage().contains("empty.csv"), e.getMessage());

		e = assertThrows(ConnectorException.class, () -> Connectors.read(taobao, FactKind.EVENTS, noStatus, Map.of()));
		assertTrue(e.getMessage().contains("events"), e.getMessage());
	}

	@Test
	void aWorkbookNamesTheXlsxConnector() throws Exception {
		java.nio.file.Path workbook = dir.resolve("ExportOrderList.xlsx");
		try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(workbook))) {
			zip.putNextEntry(new java.util.zip.ZipEntry("xl/workbook.xml"));
			zip.write("<workbook/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		ConnectorException e = assertThrows(ConnectorException.class, () -> Connectors.read(taobao, FactKind.ORDERS, workbook, Map.of()));
		assertTrue(e.getMessage().startsWith(workbook + ": an Excel workbook, not the seller centre's CSV export: import it with the xlsx connector (--connector xlsx"),
				e.getMessage());
	}
}
