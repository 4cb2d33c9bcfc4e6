package io.custops.connector.csv.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;

import io.custops.core.data.CustomerDataset;
import io.custops.core.data.FactKind;
import io.custops.core.data.OrderStatus;
import io.custops.store.ImportResult;
import io.custops.store.Workspace;
import io.custops.store.WorkspaceInfo;

/**
 * The UCI Online Retail sample (data/, CC BY 4.0): 30,000 invoice lines with empty customer
 * ids, ids written as floats, cancellations and trailing spaces. Every row is accounted for;
 * the expected figures were computed from the file independently (Python, exact decimals).
 */
class OnlineRetailTest {

	/** The mapping documented in docs/formats.md. */
	static final Map<String, String> MAPPING = Map.ofEntries(Map.entry("lines", "true"),
			Map.entry("maxRejects", "-1"), Map.entry("map.order_id", "InvoiceNo"),
			Map.entry("map.customer_id", "CustomerID"), Map.entry("map.order_time", "InvoiceDate"),
			Map.entry("map.quantity", "Quantity"), Map.entry("map.unit_price", "UnitPrice"),
			Map.entry("map.product_id", "StockCode"), Map.entry("map.category", "Description"),
			Map.entry("map.status", "InvoiceNo"), Map.entry("recode.status", "C*:cancelled,*:paid"));

	@TempDir
	Path dir;

	@Test
	void everyDirtyRowIsAccountedFor() throws Exception {
		Path file = dir.resolve("online_retail_sample_30k.csv");
		try (InputStream in = FrameworkUtil.getBundle(getClass()).getEntry("data/online_retail_sample_30k.csv")
				.openStream()) {
			Files.copy(in, file);
		}
		try (Workspace ws = Csv.manager().open(dir.resolve("ws"))) {
			ImportResult r = Csv.load(ws, FactKind.ORDERS, file, MAPPING);
			assertEquals(30_000, r.read());
			assertEquals(28_000, r.imported(), "the lines of 11,727 invoices");
			assertEquals(2_000, r.rejected(), "the lines without a customer");
			assertEquals(0, r.unchanged());
			List<String[]> rejects = Csv.rejects(r);
			assertTrue(rejects.stream().allMatch(x -> x[1].equals("customer_id") && x[2].equals("missing CustomerID")));
			assertTrue(rejects.stream().anyMatch(x -> x[3].equals("549527,21620,mystery! Only ever imported 1800,-1479,2011-04-08 16:03:00,0.0,,United Kingdom")),
					"a negative-quantity adjustment without a customer is among them, raw");

			CustomerDataset d = ws.dataset();
			assertEquals(3_569, d.customerCount(), "12923.0 is customer 12923");
			assertTrue(d.indexOf("12923") >= 0);
			assertEquals(11_727, d.orderCount());
			long paid = 0;
			long cancelled = 0;
			int cancelledOrders = 0;
			long paidQuantity = 0;
			for (int i = 0; i < d.orderCount(); i++) {
				if (d.orderStatus()[i] == OrderStatus.PAID.code()) {
					paid += d.orderAmount()[i];
					paidQuantity += d.orderQuantity()[i];
				} else {
					assertEquals(OrderStatus.CANCELLED.code(), d.orderStatus()[i]);
					cancelled += d.orderAmount()[i];
					cancelledOrders++;
				}
			}
			assertEquals(519, cancelledOrders, "C… invoices");
			assertEquals(57_553_577, paid, "575,535.77 of paid lines, to the cent");
			assertEquals(-1_959_667, cancelled, "-19,596.67 of cancellations");
			assertEquals(339_175, paidQuantity);

			WorkspaceInfo info = ws.info();
			assertEquals(28_000L, info.orderLines());
			assertEquals(LocalDateTime.of(2010, 12, 1, 8, 34), info.orders().orElseThrow().first());
			assertEquals(LocalDateTime.of(2011, 12, 9, 12, 50), info.orders().orElseThrow().last());
			try (Connection c = ws.connection(); Statement s = c.createStatement()) {
				ResultSet rs = s.executeQuery("SELECT COUNT(DISTINCT category), COUNT(*) FROM order_lines"
						+ " WHERE category <> TRIM(category)");
				rs.next();
				assertEquals(0, rs.getInt(2), "no trailing spaces kept");
				rs = s.executeQuery("SELECT COUNT(DISTINCT category) FROM order_lines");
				rs.next();
				assertEquals(2_963, rs.getInt(1), "descriptions that differed only by trailing spaces are one");
			}

			assertEquals("9.95", ws.order("569901").orElseThrow().get("amount"));

			ImportResult again = Csv.load(ws, FactKind.ORDERS, file, MAPPING);
			assertEquals(30_000, again.read());
			assertEquals(0, again.imported());
			assertEquals(28_000, again.unchanged());
			assertEquals(2_000, again.rejected());
			assertEquals(11_727, ws.dataset().orderCount());
		}
	}
}
