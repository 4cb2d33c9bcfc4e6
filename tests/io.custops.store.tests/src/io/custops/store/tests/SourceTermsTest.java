package io.custops.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.custops.core.LocalizedText;
import io.custops.core.ProgressMonitor;
import io.custops.core.data.FactKind;
import io.custops.core.spi.DataConnector;
import io.custops.core.spi.ImportRequest;
import io.custops.core.spi.RecordSink;
import io.custops.store.ImportResult;

/**
 * A rejected row's reason in the user's terms (docs/formats.md, "The rejects file"): the source's
 * column, the source's text, and the reason in Chinese in {@code reason_zh}.
 */
class SourceTermsTest extends WorkspaceFixture {

	/** A connector that, like taobao, names its columns and converts a time before handing it on. */
	private static final class ShopExport implements DataConnector {
		@Override
		public String id() {
			return "shop";
		}

		@Override
		public LocalizedText name() {
			return LocalizedText.of("Shop export");
		}

		@Override
		public Set<FactKind> supportedKinds() {
			return Set.of(FactKind.ORDERS);
		}

		@Override
		public boolean needsFile() {
			return false;
		}

		@Override
		public void read(ImportRequest request, RecordSink sink) {
			sink.sourceColumns(Map.of("order_id", "订单编号", "customer_id", "买家会员名", "order_time", "订单创建时间",
					"amount", "买家实际支付金额", "status", "订单状态"));
			sink.accept(2, order("T1", "b1", "2026-02-30T10:00:00", "12.50"), Map.of("order_time", "2026-02-30 10:00:00"),
					"T1,b1,2026-02-30 10:00:00,12.50,交易成功");
			sink.accept(3, order("T2", "b2", "2026-03-01T10:00:00", "1" + "2".repeat(70)), Map.of(), "T2,b2,…");
			sink.accept(4, order("T3", "", "2026-03-01T10:00:00", "abc"), null, "T3,,2026-03-01 10:00:00,abc,交易成功");
			sink.accept(5, order("T4", "b4", "2026-03-01T10:00:00", "9.90"), "T4,b4,2026-03-01 10:00:00,9.90,交易成功");
		}

		private static Map<String, String> order(String id, String buyer, String time, String amount) {
			Map<String, String> f = new LinkedHashMap<>();
			f.put("order_id", id);
			f.put("customer_id", buyer);
			f.put("order_time", time);
			f.put("amount", amount);
			f.put("status", "paid");
			return f;
		}
	}

	@Test
	void reasonsNameTheSourcesColumnQuoteItsTextAndSayItInChinese() throws Exception {
		ImportResult r = ws.importFacts(new ShopExport(), FactKind.ORDERS, Optional.empty(), Map.of("maxRejects", "-1"),
				ProgressMonitor.NULL);
		assertEquals(3, r.rejected());
		List<List<String>> file = Stores.rejectFile(r);
		assertEquals(List.of("line", "field", "reason", "raw", "reason_zh"), file.get(0), "the columns, reason_zh last");
		List<List<String>> rows = file.subList(1, file.size());
		assertEquals(List.of("2", "order_time", "订单创建时间 '2026-02-30 10:00:00' is not a valid date or time",
				"T1,b1,2026-02-30 10:00:00,12.50,交易成功", "订单创建时间 的值 '2026-02-30 10:00:00' 不是有效的日期或时间"), rows.get(0),
				"the column as the file names it, the value as the file writes it (not the ISO form handed on)");
		String longValue = "'1" + "2".repeat(59) + "…' (71 characters)";
		assertEquals(List.of("3", "amount", "买家实际支付金额 " + longValue + " is too large", "T2,b2,…",
				"买家实际支付金额 的值 " + longValue + " 太大"), rows.get(1), "a long value is quoted to 60 characters");
		assertEquals(List.of("4", "customer_id", "missing 买家会员名", "T3,,2026-03-01 10:00:00,abc,交易成功", "缺少 买家会员名"),
				rows.get(2), "the field column keeps the canonical field (a contract); the reason names the column");
	}

	@Test
	void canonicalReasonsOfACanonicalFileAreKeptAndTranslated() throws Exception {
		ImportResult r = Stores.load(ws, FactKind.ORDERS, "order_id,customer_id,order_time,amount,status",
				"o1,c1,2026-01-05 10:00:00,abc,paid", "o2,c2,2026/01/05,1.00,paid", "o3,c3,2026-01-05,1.00,shipped",
				"o4,c4,2026-01-05,-1.00,paid", "o5,c5,2026-01-05,1.00,paid");
		List<List<String>> rows = Stores.rejectRecords(r);
		assertEquals(List.of("amount 'abc' is not a decimal number", "amount 的值 'abc' 不是数字"), rows.get(0).subList(2, 5).stream()
				.filter(v -> !v.startsWith("o1")).toList());
		assertEquals("order_time 的值 '2026/01/05' 不是 ISO 日期或日期时间（yyyy-MM-dd HH:mm:ss）", rows.get(1).get(4));
		assertEquals("status 的值 'shipped' 不是 paid、unpaid、refunded、cancelled 之一", rows.get(2).get(4));
		assertEquals("paid 订单的 amount -1.00 为负数（只有已退款或已取消的订单可为负数）", rows.get(3).get(4));
	}
}
