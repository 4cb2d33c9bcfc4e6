package io.custops.segmentation.tests;

import static io.custops.segmentation.tests.Facts.cell;
import static io.custops.segmentation.tests.Facts.label;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.custops.core.data.CustomerDataset;
import io.custops.core.data.OrderStatus;
import io.custops.core.param.ParameterException;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.Label;
import io.custops.core.spi.LifecycleModel;

class StagesModelTest {

	private static final LocalDate AS_OF = LocalDate.parse("2026-07-01");

	private final LifecycleModel stages = Services.model("stages");

	@Test
	void stagesAndActivityAtEveryBoundary() {
		Facts facts = new Facts()
				.order("P1", "2026-06-21T10:00:00", "30.00", OrderStatus.UNPAID, 1, 0)
				.event("P2", "2026-03-01T10:00:00", "visit")
				.order("P3", "2025-05-27T10:00:00", "30.00", OrderStatus.CANCELLED, 1, 0)
				.event("U", "2026-07-01T00:00:00", "visit") // asOf 00:00: nothing before asOf
				.paid("U2", "2026-07-01T00:00:00", "10.00")
				.paidDaysBefore("N180", AS_OF, 180, "10.00")
				.paidDaysBefore("D181", AS_OF, 181, "10.00")
				.paid("R", "2026-06-30T23:59:59", "10.00")
				.paidDaysBefore("R", AS_OF, 20, "10.00")
				.paidDaysBefore("X", AS_OF, 30, "10.00")
				.paid("X", "2026-07-01T00:00:00", "10.00")
				.paidDaysBefore("A90", AS_OF, 90, "10.00")
				.paidDaysBefore("A91", AS_OF, 91, "10.00")
				.paidDaysBefore("A365", AS_OF, 365, "10.00")
				.paidDaysBefore("A366", AS_OF, 366, "10.00");
		for (int k = 1; k <= 5; k++) {
			facts.paidDaysBefore("F5", AS_OF, k, "10.00");
			if (k <= 4) {
				facts.paidDaysBefore("F4", AS_OF, k, "10.00");
			}
		}
		facts.order("F4", "2026-06-20T10:00:00", "10.00", OrderStatus.REFUNDED, 1, 0);
		CustomerDataset data = facts.build();
		CustomerClassification result = Services.run(stages, data, AS_OF);

		assertEquals(List.of("stage", "activity", "recency_days", "paid_orders"),
				result.columns().stream().map(c -> c.name()).toList());
		// id → stage, activity, recency_days, paid_orders
		Map<String, List<String>> expected = new LinkedHashMap<>();
		expected.put("P1", List.of("potential", "active", "", "0")); // last seen 10 days ago
		expected.put("P2", List.of("potential", "silent", "", "0")); // 122 days
		expected.put("P3", List.of("potential", "lost", "", "0")); // 400 days
		expected.put("U", List.of("", "", "", ""));
		expected.put("U2", List.of("", "", "", ""));
		expected.put("N180", List.of("new", "silent", "180", "1")); // exactly 180: not dormant
		expected.put("D181", List.of("dormant", "sleeping", "181", "1"));
		expected.put("R", List.of("returning", "active", "1", "2"));
		expected.put("X", List.of("new", "active", "30", "1"));
		expected.put("F5", List.of("fan", "active", "1", "5"));
		expected.put("F4", List.of("returning", "active", "1", "4"));
		expected.put("A90", List.of("new", "active", "90", "1"));
		expected.put("A91", List.of("new", "silent", "91", "1"));
		expected.put("A365", List.of("dormant", "sleeping", "365", "1"));
		expected.put("A366", List.of("dormant", "lost", "366", "1"));
		expected.forEach((id, row) -> {
			assertEquals(row.get(0), label(result, data, id), id);
			assertEquals(row, List.of(cell(result, data, "stage", id), cell(result, data, "activity", id),
					cell(result, data, "recency_days", id), cell(result, data, "paid_orders", id)), id);
		});
		assertEquals(Map.of("potential", 3L, "new", 4L, "returning", 2L, "fan", 1L, "dormant", 3L), result.counts());
		assertEquals(List.of("potential", "new", "returning", "fan", "dormant"),
				result.labels().stream().map(Label::id).toList());

		CustomerClassification fans = Services.run(stages, data, AS_OF, "fanOrders=4", "dormantDays=365",
				"silentDays=1", "sleepingDays=90", "lostDays=364");
		assertEquals("fan", label(fans, data, "F4"));
		assertEquals("new", label(fans, data, "D181"));
		assertEquals("new", label(fans, data, "A365"));
		assertEquals("dormant", label(fans, data, "A366"));
		assertEquals("active", cell(fans, data, "activity", "R"));
		assertEquals("silent", cell(fans, data, "activity", "A90"));
		assertEquals("sleeping", cell(fans, data, "activity", "A91"));
		assertEquals("lost", cell(fans, data, "activity", "A365"));
	}

	@Test
	void usageCycleWindowOfTheLastPaidOrder() {
		CustomerDataset data = new Facts()
				.order("U60", AS_OF.minusDays(60) + "T10:00:00", "10.00", OrderStatus.PAID, 2, 30)
				.order("U61", AS_OF.minusDays(61) + "T10:00:00", "10.00", OrderStatus.PAID, 2, 30)
				.paidDaysBefore("U0", AS_OF, 200, "10.00")
				// the usage days of an earlier order do not matter: the last paid order has none
				.order("UL", AS_OF.minusDays(100) + "T10:00:00", "10.00", OrderStatus.PAID, 1, 10)
				.paidDaysBefore("UL", AS_OF, 50, "10.00")
				.order("UQ", AS_OF.minusDays(8) + "T10:00:00", "10.00", OrderStatus.PAID, 0, 7)
				// an unpaid order with usage days is not the last paid order
				.order("UU", AS_OF.minusDays(40) + "T10:00:00", "10.00", OrderStatus.PAID, 1, 30)
				.order("UU", AS_OF.minusDays(5) + "T10:00:00", "10.00", OrderStatus.UNPAID, 1, 1)
				.build();
		CustomerClassification cycle = Services.run(stages, data, AS_OF, "usageCycle=true");
		assertEquals("new", label(cycle, data, "U60")); // 60 = 30 × 2
		assertEquals("dormant", label(cycle, data, "U61"));
		assertEquals("dormant", label(cycle, data, "U0")); // no usage days: 200 > 180
		assertEquals("returning", label(cycle, data, "UL")); // 50 ≤ 180
		assertEquals("dormant", label(cycle, data, "UQ")); // quantity 0 read as 1: 8 > 7
		assertEquals("dormant", label(cycle, data, "UU")); // 40 > 30

		CustomerClassification fixed = Services.run(stages, data, AS_OF);
		assertEquals("new", label(fixed, data, "U61"));
		assertEquals("dormant", label(fixed, data, "U0"));
		assertEquals("new", label(fixed, data, "UQ"));
		assertEquals(false, fixed.summary().get("usage_cycle"));
	}

	@Test
	void weeklyDormantSeriesByHand() {
		// dormantDays = 10; weeks end on 06-17, 06-24 and 07-01 (asOf)
		CustomerDataset data = new Facts()
				.paid("A", "2026-06-01T10:00:00", "1.00") // dormant from 06-12: 1, 1, 1
				.paid("B", "2026-06-10T10:00:00", "1.00") // 7 days at 06-17
				.paid("B", "2026-06-20T10:00:00", "1.00") // 4 days at 06-24, 11 at 07-01: 0, 0, 1
				.paid("C", "2026-06-01T10:00:00", "1.00") // 16 and 23 days at 06-17 and 06-24
				.paid("C", "2026-06-24T00:00:00", "1.00") // counts from 06-25 on: 7 days at 07-01 → 1, 1, 0
				.paid("E", "2026-06-07T10:00:00", "1.00") // exactly 10 days at 06-17, then 17, 24 → 0, 1, 1
				.order("P", "2026-05-01T10:00:00", "1.00", OrderStatus.UNPAID, 1, 0)
				.build();
		CustomerClassification result = Services.run(stages, data, AS_OF, "dormantDays=10", "series=weekly",
				"seriesWeeks=3");
		assertEquals(List.of(point("2026-06-10", 2), point("2026-06-17", 3), point("2026-06-24", 3)),
				result.summary().get("series"));
		assertEquals(3L, result.counts().get("dormant"));

		CustomerClassification none = Services.run(stages, data, AS_OF, "dormantDays=10");
		assertEquals(null, none.summary().get("series"));
	}

	private static Map<String, Object> point(String weekStart, long dormant) {
		Map<String, Object> point = new LinkedHashMap<>();
		point.put("week_start", weekStart);
		point.put("dormant", dormant);
		return point;
	}

	@Test
	void weeklySeriesEqualsAClassificationAtTheEndOfEachWeek() {
		Random random = new Random(7);
		Facts facts = new Facts();
		for (int c = 0; c < 400; c++) {
			int orders = random.nextInt(5);
			for (int k = 0; k < orders; k++) {
				OrderStatus status = random.nextInt(4) == 0 ? OrderStatus.UNPAID : OrderStatus.PAID;
				int usage = random.nextBoolean() ? 0 : 1 + random.nextInt(40);
				String time = AS_OF.minusDays(random.nextInt(160) - 5) + "T" + (random.nextBoolean() ? "00:00:00" : "23:59:59");
				facts.order("c" + c, time, "1.00", status, 1 + random.nextInt(3), usage);
			}
		}
		CustomerDataset data = facts.build();
		for (String usageCycle : List.of("false", "true")) {
			CustomerClassification result = Services.run(stages, data, AS_OF, "dormantDays=30", "series=weekly",
					"seriesWeeks=12", "usageCycle=" + usageCycle);
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> series = (List<Map<String, Object>>) result.summary().get("series");
			assertEquals(12, series.size());
			for (int w = 0; w < 12; w++) {
				LocalDate weekStart = LocalDate.parse((String) series.get(w).get("week_start"));
				assertEquals(AS_OF.minusDays(7L * (12 - w)), weekStart);
				CustomerClassification then = Services.run(stages, data, weekStart.plusDays(7), "dormantDays=30",
						"usageCycle=" + usageCycle);
				assertEquals(then.counts().get("dormant"), series.get(w).get("dormant"), "week of " + weekStart);
			}
		}
	}

	@Test
	void badParametersNameTheirKey() {
		CustomerDataset data = new Facts().paidDaysBefore("A", AS_OF, 3, "1.00").build();
		String[][] cases = { { "sleepingDays", "silentDays=200" }, { "lostDays", "lostDays=100" },
				{ "fanOrders", "fanOrders=1" }, { "dormantDays", "dormantDays=abc" }, { "dormantDays", "dormantDays=0" },
				{ "series", "series=daily" }, { "seriesWeeks", "seriesWeeks=0" }, { "usageCycle", "usageCycle=maybe" },
				{ "windowDays", "windowDays=30" } };
		for (String[] c : cases) {
			ParameterException e = assertThrows(ParameterException.class,
					() -> Services.run(stages, data, AS_OF, c[1]), c[1]);
			assertEquals(c[0], e.key(), e.getMessage());
		}
	}
}
