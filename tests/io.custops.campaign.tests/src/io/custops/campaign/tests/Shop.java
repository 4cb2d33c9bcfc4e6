package io.custops.campaign.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import io.custops.core.LocalizedText;
import io.custops.core.ProgressMonitor;
import io.custops.core.data.FactKind;
import io.custops.core.spi.DataConnector;
import io.custops.core.spi.ImportRequest;
import io.custops.core.spi.RecordSink;
import io.custops.store.ImportResult;
import io.custops.store.Workspace;
import io.custops.store.WorkspaceManager;

/**
 * A small shop in a real workspace, and the services the tests reach through the OSGi registry.
 *
 * <p>The ROI example of docs/analyses.md (March 2026, cost 40.00, margin 0.5): treated t1 … t6,
 * control k1 … k3; the tiers as of March 1 (ladder bronze:0, silver:100, gold:500, all history)
 * are t1 gold, t2 silver, t3 silver, t4 bronze, t5 gold, t6 bronze, k1 silver, k2 bronze,
 * k3 bronze.
 */
final class Shop {

	static final String LADDER = "bronze:0,silver:100,gold:500";

	private Shop() {
	}

	static <T> T service(Class<T> type) throws InterruptedException {
		BundleContext context = FrameworkUtil.getBundle(Shop.class).getBundleContext();
		ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
		tracker.open();
		T service = tracker.waitForService(10_000);
		assertNotNull(service, type.getName() + " is registered");
		return service;
	}

	static Workspace open(Path dir) throws Exception {
		Workspace ws = service(WorkspaceManager.class).open(dir);
		if (ws.info().counts().get(FactKind.ORDERS) == 0) {
			ws.setZone(ZoneId.of("Asia/Shanghai"));
			load(ws, FactKind.CUSTOMERS, "customer_id|name|phone|province|city|address",
					"t1|张三|13812345678|浙江|杭州|浙江省杭州市西湖区文三路100号",
					"t2|欧阳娜娜|+86 139 0000 1111|上海|上海|",
					"t3|Ann Lee|62345678|广东|深圳|广东省深圳市南山区科技园",
					"k1|王|13700001111|浙江|宁波|");
			load(ws, FactKind.ORDERS, "order_id|customer_id|order_time|amount|status",
					"t1a|t1|2026-01-10 10:00|600.00|paid", "t1b|t1|2026-03-01 00:00|100.00|paid",
					"t2a|t2|2026-02-01 10:00|150.00|paid", "t2b|t2|2026-03-31 23:59:59|30.00|paid",
					"t3a|t3|2026-01-05 10:00|120.00|paid", "t3b|t3|2026-03-15 10:00|0.01|paid",
					"t4a|t4|2026-02-10 10:00|50.00|paid", "t4b|t4|2026-03-20 10:00|19.99|paid",
					"t4c|t4|2026-03-21 10:00|10.00|paid",
					"t5a|t5|2026-01-15 10:00|700.00|paid", "t5b|t5|2026-03-10 10:00|500.00|unpaid",
					"t5c|t5|2026-03-11 10:00|70.00|refunded",
					"t6a|t6|2026-02-20 10:00|20.00|paid",
					"k1a|k1|2026-01-20 10:00|200.00|paid", "k1b|k1|2026-03-05 10:00|20.00|paid",
					"k2a|k2|2026-02-01 10:00|10.00|paid",
					"k3a|k3|2025-12-01 10:00|30.00|paid");
			load(ws, FactKind.EVENTS, "customer_id|event_time|event_type",
					"t1|2026-02-01 10:00|view", "t1|2026-02-01 10:05|cart", "t1|2026-03-02 10:00|order",
					"t2|2026-02-02 10:00|view", "t2|2026-02-02 10:05|cart", "t2|2026-02-02 10:10|order",
					"t3|2026-02-03 10:00|view");
			load(ws, FactKind.TAGS, "customer_id|tags", "t1|vip-care", "k1|vip-care;complaint");
		}
		return ws;
	}

	static ImportResult load(Workspace ws, FactKind kind, String... lines) throws Exception {
		ImportResult r = ws.importFacts(new Rows(lines), kind, Optional.empty(), Map.of(), ProgressMonitor.NULL);
		assertEquals(0, r.rejected(), kind + " rows rejected: " + r.rejectsFile());
		return r;
	}

	/** Rows separated by {@code |}, the first the header; empty values are absent. */
	private record Rows(String... lines) implements DataConnector {

		@Override
		public String id() {
			return "test-rows";
		}

		@Override
		public LocalizedText name() {
			return LocalizedText.of("test rows");
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
		public void read(ImportRequest request, RecordSink sink) {
			String[] header = lines[0].split("\\|", -1);
			for (int i = 1; i < lines.length; i++) {
				String[] values = lines[i].split("\\|", -1);
				Map<String, String> fields = new LinkedHashMap<>();
				for (int c = 0; c < header.length && c < values.length; c++) {
					if (!values[c].isEmpty()) {
						fields.put(header[c], values[c]);
					}
				}
				sink.accept(i + 1, fields, lines[i]);
			}
		}

		@Override
		public List<io.custops.core.param.ParameterSpec> parameters() {
			return List.of();
		}
	}
}
