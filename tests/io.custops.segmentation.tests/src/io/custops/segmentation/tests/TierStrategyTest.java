package io.custops.segmentation.tests;

import static io.custops.segmentation.tests.Facts.cell;
import static io.custops.segmentation.tests.Facts.label;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.custops.core.data.CustomerDataset;
import io.custops.core.data.OrderStatus;
import io.custops.core.param.ParameterException;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.Label;
import io.custops.core.spi.SegmentationStrategy;

class TierStrategyTest {

	private static final LocalDate AS_OF = LocalDate.parse("2026-07-01");

	private final SegmentationStrategy tiers = Services.strategy("tiers");

	/** The default window is [2025-07-01, 2026-07-01). */
	private static CustomerDataset data() {
		return new Facts()
				.paid("A", "2025-06-30T23:59:59", "500.00") // the last second before the window
				.paid("A", "2025-07-01T00:00:00", "100.00") // the window's first second
				.paid("B", "2026-06-30T23:59:59", "299.99")
				.paid("B", "2026-07-01T00:00:00", "5000.00") // asOf 00:00: the future
				.paid("C", "2024-01-01T10:00:00", "1000.00") // a member, nothing in the window
				.order("D", "2026-06-01T10:00:00", "800.00", OrderStatus.UNPAID, 1, 0)
				.paid("E", "2026-01-01T10:00:00", "600.00")
				.paid("E", "2026-02-01T10:00:00", "400.00")
				.paid("F", "2026-05-05T10:00:00", "300.00")
				.order("G", "2026-05-05T10:00:00", "5000.00", OrderStatus.REFUNDED, 1, 0)
				.paid("G", "2026-05-06T10:00:00", "99.99")
				.build();
	}

	@Test
	void spendInTheTrailingWindow() {
		CustomerDataset data = data();
		CustomerClassification result = Services.run(tiers, data, AS_OF);
		assertEquals(List.of("value", "tier"), result.columns().stream().map(c -> c.name()).toList());
		Map<String, String[]> expected = Map.of(
				"A", new String[] { "100.00", "senior" }, // exactly the senior threshold
				"B", new String[] { "299.99", "senior" }, // a cent below vip
				"C", new String[] { "0.00", "regular" },
				"D", new String[] { "", "" },
				"E", new String[] { "1000.00", "supreme" },
				"F", new String[] { "300.00", "vip" },
				"G", new String[] { "99.99", "regular" });
		expected.forEach((id, row) -> {
			assertEquals(row[0], cell(result, data, "value", id), id);
			assertEquals(row[1], cell(result, data, "tier", id), id);
			assertEquals(row[1], label(result, data, id), id);
		});
		assertEquals(Map.of("regular", 2L, "senior", 2L, "vip", 1L, "supreme", 1L), result.counts());
		assertEquals("2025-07-01", result.summary().get("window_start"));
	}

	@Test
	void allHistoryWithWindowZero() {
		CustomerDataset data = data();
		CustomerClassification result = Services.run(tiers, data, AS_OF, "windowDays=0");
		assertEquals("600.00", cell(result, data, "value", "A"));
		assertEquals("vip", label(result, data, "A"));
		assertEquals("supreme", label(result, data, "C"));
		assertEquals("299.99", cell(result, data, "value", "B"));
		assertEquals(null, result.summary().get("window_start"));

		CustomerClassification oneDay = Services.run(tiers, data, AS_OF, "windowDays=1");
		assertEquals("299.99", cell(oneDay, data, "value", "B"));
		assertEquals("0.00", cell(oneDay, data, "value", "E"));
	}

	@Test
	void ordersBasisAndCustomersBelowTheLadder() {
		CustomerDataset data = data();
		CustomerClassification result = Services.run(tiers, data, AS_OF, "basis=orders", "levels=one:1,two:2,five:5");
		assertEquals(List.of("one", "two", "five"), result.labels().stream().map(Label::id).toList());
		assertEquals("one", result.labels().get(0).text(Locale.CHINA));
		assertEquals("1", cell(result, data, "value", "A"));
		assertEquals("one", label(result, data, "A"));
		assertEquals("2", cell(result, data, "value", "E"));
		assertEquals("two", label(result, data, "E"));
		assertEquals("1", cell(result, data, "value", "G")); // the refunded order does not count
		// C is a member with 0 orders in the window, below the lowest threshold: no tier, value kept
		assertEquals("0", cell(result, data, "value", "C"));
		assertEquals("", label(result, data, "C"));
		assertEquals("", cell(result, data, "tier", "C"));
		assertEquals(1, result.summary().get("below_ladder"));
		assertEquals(Map.of("one", 4L, "two", 1L, "five", 0L), result.counts());

		CustomerClassification all = Services.run(tiers, data, AS_OF, "basis=orders", "levels=one:1,two:2,five:5",
				"windowDays=0");
		assertEquals("two", label(all, data, "A"));
		assertEquals("one", label(all, data, "C"));
	}

	@Test
	void labelsInLadderOrderWithChineseTexts() {
		List<Label> labels = tiers.labels(Services.parameters(tiers));
		assertEquals(List.of("regular", "senior", "vip", "supreme"), labels.stream().map(Label::id).toList());
		assertEquals(List.of("普通会员", "高级会员", "VIP会员", "至尊VIP"), labels.stream().map(l -> l.text(Locale.CHINA)).toList());
		assertEquals("Supreme VIP", labels.get(3).text(Locale.ENGLISH));
	}

	@Test
	void badParametersNameTheirKey() {
		CustomerDataset data = data();
		String[][] cases = { { "levels", "levels=regular:0,vip:300,senior:100" }, { "levels", "levels=regular" },
				{ "levels", "levels=a:x" }, { "levels", "levels=a:0,a:5" }, { "levels", "levels=a:0,b:1.005" },
				{ "levels", "levels=" }, { "levels", "basis=orders", "levels=a:0,b:1.5" },
				{ "windowDays", "windowDays=-1" }, { "windowDays", "windowDays=a year" }, { "basis", "basis=weight" } };
		for (String[] c : cases) {
			String[] params = java.util.Arrays.copyOfRange(c, 1, c.length);
			ParameterException e = assertThrows(ParameterException.class, () -> Services.run(tiers, data, AS_OF, params),
					String.join(" ", params));
			assertEquals(c[0], e.key(), e.getMessage());
		}
	}
}
