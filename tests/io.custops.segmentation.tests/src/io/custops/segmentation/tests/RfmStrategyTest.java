package io.custops.segmentation.tests;

import static io.custops.segmentation.tests.Facts.cell;
import static io.custops.segmentation.tests.Facts.label;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.custops.core.data.CustomerDataset;
import io.custops.core.data.OrderStatus;
import io.custops.core.param.ParameterException;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.Label;
import io.custops.core.spi.SegmentationStrategy;
import io.custops.segmentation.rfm.RfmScoring;
import io.custops.segmentation.rfm.RfmValues;

class RfmStrategyTest {

	private static final LocalDate AS_OF = LocalDate.parse("2026-07-01");

	private final SegmentationStrategy rfm = Services.strategy("rfm");

	@Test
	void onlyPaidOrdersBeforeTheDayCount() {
		CustomerDataset data = new Facts()
				.paid("A", "2026-06-30T23:59:59", "10.00") // the last second before asOf: included
				.paid("A", "2026-07-01T00:00:00", "999.00") // asOf 00:00 is the future
				.order("A", "2026-06-15T10:00:00", "50.00", OrderStatus.UNPAID, 1, 0)
				.paid("A", "2026-05-02T08:00:00", "20.50")
				.order("B", "2026-06-01T10:00:00", "15.00", OrderStatus.UNPAID, 1, 0)
				.order("B", "2026-06-02T10:00:00", "15.00", OrderStatus.CANCELLED, 1, 0)
				.paid("D", "2026-07-01T00:00:00", "80.00")
				.order("E", "2026-03-01T08:00:00", "100.00", OrderStatus.REFUNDED, 1, 0)
				.paid("E", "2026-03-01T09:00:00", "40.00")
				.build();
		CustomerClassification result = Services.run(rfm, data, AS_OF);

		assertEquals(List.of("recency_days", "frequency", "monetary", "r", "f", "m", "segment"),
				result.columns().stream().map(c -> c.name()).toList());
		assertEquals("1", cell(result, data, "recency_days", "A"));
		assertEquals("2", cell(result, data, "frequency", "A"));
		assertEquals("30.50", cell(result, data, "monetary", "A"));
		// 2026-03-01 → 2026-07-01: 31 + 30 + 31 + 30 days
		assertEquals("122", cell(result, data, "recency_days", "E"));
		assertEquals("1", cell(result, data, "frequency", "E"));
		assertEquals("40.00", cell(result, data, "monetary", "E"));
		for (String unscored : List.of("B", "D")) {
			assertEquals("", label(result, data, unscored), unscored);
			assertEquals("", cell(result, data, "recency_days", unscored));
			assertEquals("0", cell(result, data, "frequency", unscored));
			assertEquals("0.00", cell(result, data, "monetary", unscored));
			assertEquals("", cell(result, data, "r", unscored));
			assertEquals("", cell(result, data, "segment", unscored));
		}
		// two scored customers: the better one has 1 worse → 1 + floor(5 × 1 / 2) = 3, the other 1
		assertEquals(List.of("3", "3", "1"), List.of(cell(result, data, "r", "A"), cell(result, data, "f", "A"),
				cell(result, data, "m", "A")));
		assertEquals(List.of("1", "1", "3"), List.of(cell(result, data, "r", "E"), cell(result, data, "f", "E"),
				cell(result, data, "m", "E")));
		// A: R3, FM = ceil((3+1)/2) = 2 → about to sleep; E: R1, FM = 2 → lost
		assertEquals("about_to_sleep", label(result, data, "A"));
		assertEquals("about_to_sleep", cell(result, data, "segment", "A"));
		assertEquals("lost", label(result, data, "E"));
		assertEquals(2, result.summary().get("scored"));
		assertEquals(2, result.summary().get("not_scored"));
		assertEquals(1L, result.counts().get("lost"));
		assertEquals(0L, result.counts().get("champions"));
	}

	/** Six customers with ties in every dimension; the worked example of docs/segmentation.md. */
	static CustomerDataset sixWithTies() {
		Facts facts = new Facts();
		// customer, recency, paid orders, spend
		Object[][] rows = { { "c1", 10, 1, "1000.00" }, { "c2", 10, 1, "5.00" }, { "c3", 20, 1, "1000.00" },
				{ "c4", 30, 2, "20.00" }, { "c5", 30, 3, "700.00" }, { "c6", 40, 7, "5.00" } };
		for (Object[] row : rows) {
			String id = (String) row[0];
			int recency = (Integer) row[1];
			int orders = (Integer) row[2];
			facts.paidDaysBefore(id, AS_OF, recency, (String) row[3]);
			for (int k = 1; k < orders; k++) {
				facts.paidDaysBefore(id, AS_OF, recency + k, "0.00");
			}
		}
		return facts.build();
	}

	@Test
	void equalValuesGetEqualQuintileScores() {
		CustomerDataset data = sixWithTies();
		CustomerClassification result = Services.run(rfm, data, AS_OF);
		// recency 10,10,20,30,30,40: customers with a strictly longer recency 4,4,3,1,1,0 → 1 + floor(5w/6)
		assertEquals(List.of("4", "4", "3", "1", "1", "1"), column(result, data, "r"));
		// frequency 1,1,1,2,3,7: strictly fewer orders 0,0,0,3,4,5
		assertEquals(List.of("1", "1", "1", "3", "4", "5"), column(result, data, "f"));
		// spend 1000,5,1000,20,700,5: strictly less 4,0,4,2,3,0 (a span wide enough for the radix path)
		assertEquals(List.of("4", "1", "4", "2", "3", "1"), column(result, data, "m"));
		assertEquals(List.of("potential_loyalist", "promising", "needs_attention", "at_risk", "at_risk", "at_risk"),
				column(result, data, "segment"));

		CustomerClassification cn8 = Services.run(rfm, data, AS_OF, "segmentMap=cn8");
		assertEquals(List.of("important_development", "general_development", "important_recall", "general_recall",
				"general_retention", "general_retention"), column(cn8, data, "segment"));
		assertEquals("重要发展客户", cn8.labelOf(0).orElseThrow().text(java.util.Locale.CHINA));
	}

	@Test
	void fixedThresholdsAtTheirBoundaries() {
		Facts facts = new Facts();
		int[] recency = { 30, 31, 90, 91, 180, 181, 365, 366 };
		String[] spend = { "49.99", "50.00", "99.99", "100.00", "249.99", "250.00", "499.99", "500.00" };
		for (int i = 0; i < recency.length; i++) {
			facts.paidDaysBefore("r" + recency[i], AS_OF, recency[i], spend[i]);
		}
		int[] orders = { 1, 2, 3, 4, 5, 9, 10 };
		for (int k : orders) {
			for (int i = 0; i < k; i++) {
				facts.paidDaysBefore("f" + k, AS_OF, 400 + i, "1.00");
			}
		}
		CustomerDataset data = facts.build();
		CustomerClassification result = Services.run(rfm, data, AS_OF, "scoring=fixed");
		List<String> r = List.of("5", "4", "4", "3", "3", "2", "2", "1");
		List<String> m = List.of("1", "2", "2", "3", "3", "4", "4", "5");
		for (int i = 0; i < recency.length; i++) {
			assertEquals(r.get(i), cell(result, data, "r", "r" + recency[i]), "R at recency " + recency[i]);
			assertEquals(m.get(i), cell(result, data, "m", "r" + recency[i]), "M at " + spend[i]);
		}
		List<String> f = List.of("1", "2", "3", "3", "4", "4", "5");
		for (int i = 0; i < orders.length; i++) {
			assertEquals(f.get(i), cell(result, data, "f", "f" + orders[i]), "F at " + orders[i] + " orders");
		}
		// R5 F1 M1 → new; R1 F1 M5 → FM 3 → at risk
		assertEquals("new", label(result, data, "r30"));
		assertEquals("at_risk", label(result, data, "r366"));

		CustomerClassification custom = Services.run(rfm, data, AS_OF, "scoring=fixed",
				"recencyThresholds=10,20,30,40", "frequencyThresholds=3,4,6,8", "monetaryThresholds=0.5,1,2,3.01");
		assertEquals("3", cell(custom, data, "r", "r30")); // 30 ≤ 30
		assertEquals("2", cell(custom, data, "r", "r31")); // 31 ≤ 40
		assertEquals("1", cell(custom, data, "f", "f2"));
		assertEquals("2", cell(custom, data, "f", "f3")); // 3 ≥ 3
		assertEquals("5", cell(custom, data, "f", "f9")); // 9 ≥ 8
		assertEquals("5", cell(custom, data, "m", "r30")); // 49.99 ≥ 3.01
		assertEquals("3", cell(custom, data, "m", "f1")); // 1.00 ≥ 1
		assertEquals("4", cell(custom, data, "m", "f2")); // 2.00 ≥ 2
		assertEquals("4", cell(custom, data, "m", "f3")); // 3.00 < 3.01
		assertEquals("5", cell(custom, data, "m", "f4")); // 4.00 ≥ 3.01
	}

	/** Issue 17: one dimension by thresholds, the others by quintiles, each exactly as when all are scored so. */
	@Test
	void scoringIsChosenPerDimension() {
		CustomerDataset data = sixWithTies();
		CustomerClassification quintiles = Services.run(rfm, data, AS_OF);
		CustomerClassification fixed = Services.run(rfm, data, AS_OF, "scoring=fixed");
		CustomerClassification fByThresholds = Services.run(rfm, data, AS_OF, "scoring.f=fixed",
				"frequencyThresholds=2,3,5,10");
		// frequency 1,1,1,2,3,7 by 2,3,5,10: F1 F1 F1 F2 F3 F4; R and M stay the quintiles
		assertEquals(List.of("1", "1", "1", "2", "3", "4"), column(fByThresholds, data, "f"));
		assertEquals(column(fixed, data, "f"), column(fByThresholds, data, "f"));
		assertEquals(column(quintiles, data, "r"), column(fByThresholds, data, "r"));
		assertEquals(column(quintiles, data, "m"), column(fByThresholds, data, "m"));
		assertEquals("mixed", fByThresholds.summary().get("scoring"));
		assertEquals(Map.of("r", "quantile", "f", "fixed", "m", "quantile"),
				fByThresholds.summary().get("scoring_by_dimension"));
		assertEquals("quantile", quintiles.summary().get("scoring"));
		assertEquals("fixed", fixed.summary().get("scoring"));

		// the other way round: every dimension fixed but recency
		CustomerClassification rByQuintiles = Services.run(rfm, data, AS_OF, "scoring=fixed", "scoring.r=quantile");
		assertEquals(column(quintiles, data, "r"), column(rByQuintiles, data, "r"));
		assertEquals(column(fixed, data, "f"), column(rByQuintiles, data, "f"));
		assertEquals(column(fixed, data, "m"), column(rByQuintiles, data, "m"));
		// a dimension named with the scoring all dimensions already have changes nothing
		assertEquals(column(fixed, data, "segment"),
				column(Services.run(rfm, data, AS_OF, "scoring=fixed", "scoring.m=fixed"), data, "segment"));

		RfmScoring scoring = RfmScoring.from(Services.parameters(rfm, "scoring.m=fixed", "monetaryThresholds=1,2,3,4"));
		assertTrue(scoring.isQuantile(RfmScoring.Dimension.RECENCY) && scoring.isQuantile(RfmScoring.Dimension.FREQUENCY));
		assertEquals(List.of(100L, 200L, 300L, 400L), java.util.Arrays.stream(scoring.monetaryThresholdCents()).boxed().toList());
		assertEquals(null, scoring.recencyThresholds());
		assertEquals(5, scoring.monetaryScore(400));
	}

	/**
	 * Issue 17: quintiles over tied values skip levels; the summary counts the customers per level,
	 * names the empty ones and says why and what to do, in English and Chinese.
	 */
	@Test
	void emptyScoreLevelsAreNamedWithWhyAndWhatToDo() {
		CustomerDataset data = sixWithTies();
		Map<String, Object> summary = Services.run(rfm, data, AS_OF).summary();
		// R 4,4,3,1,1,1; F 1,1,1,3,4,5; M 4,1,4,2,3,1
		assertEquals(Map.of("r", List.of(3L, 0L, 1L, 2L, 0L), "f", List.of(3L, 0L, 1L, 1L, 1L), "m",
				List.of(2L, 1L, 1L, 2L, 0L)), summary.get("score_levels"));
		assertEquals(Map.of("r", List.of(2, 5), "f", List.of(2), "m", List.of(5)), summary.get("empty_score_levels"));
		List<?> warnings = (List<?>) summary.get("warnings");
		assertEquals(3, warnings.size(), warnings.toString());
		assertTrue(warnings.get(0).toString().startsWith("R2 and R5 are empty (recency scored by quintiles): R1 holds 50.0 %, "
				+ "R4 holds 33.3 % of the 6 scored customers (a quintile holds about 20 %)"), warnings.get(0).toString());
		assertTrue(warnings.get(0).toString().endsWith("--param scoring.r=fixed --param recencyThresholds=30,90,180,365"));
		assertTrue(warnings.get(1).toString().startsWith("F2 is empty (frequency scored by quintiles): F1 holds 50.0 %"),
				warnings.get(1).toString());
		assertTrue(warnings.get(1).toString().endsWith(
				"To score frequency by fixed thresholds while the other dimensions stay as they are: "
						+ "--param scoring.f=fixed --param frequencyThresholds=2,3,5,10"),
				warnings.get(1).toString());
		assertTrue(warnings.get(2).toString().startsWith("M5 is empty (monetary value scored by quintiles): M4 holds 33.3 %"),
				warnings.get(2).toString());
		List<?> zh = (List<?>) summary.get("warnings_zh");
		assertEquals(3, zh.size());
		assertTrue(zh.get(1).toString().startsWith("F2 分档为空（购买频次按五分位评分）：F1 占已评分客户的 50.0%"), zh.get(1).toString());

		// fixed thresholds: the levels nobody's values reach, with their ranges
		Map<String, Object> fixed = Services.run(rfm, data, AS_OF, "scoring=fixed", "recencyThresholds=5,10,20,30")
				.summary();
		// recency 10,10,20,30,30,40 → R4 R4 R3 R2 R2 R1: R5 (5 days or less) is empty
		assertEquals(Map.of("r", List.of(5), "f", List.of(5), "m", List.of(2, 3, 4)), fixed.get("empty_score_levels"));
		List<?> fixedWarnings = (List<?>) fixed.get("warnings");
		assertEquals("R5 is empty (recency scored by the fixed thresholds recencyThresholds=5,10,20,30): no scored customer "
				+ "falls in its range (R5: last paid order 5 days ago or less), so segments that need it get nobody. Change "
				+ "the thresholds (--param recencyThresholds=…) or score recency by quintiles (--param scoring.r=quantile)",
				fixedWarnings.get(0));
		assertTrue(fixedWarnings.get(2).toString().contains("; M4: from 250 to below 500), so"), fixedWarnings.get(2).toString());

		// five customers, each value its own level: nothing to say; nobody scored: nothing either
		Facts facts = new Facts();
		for (int c = 1; c <= 5; c++) {
			for (int k = 0; k < c; k++) {
				facts.paidDaysBefore("c" + c, AS_OF, 10 * (6 - c) + k, c + "0.00");
			}
		}
		Map<String, Object> full = Services.run(rfm, facts.build(), AS_OF).summary();
		assertEquals(List.of(), full.get("warnings"));
		assertEquals(Map.of("r", List.of(), "f", List.of(), "m", List.of()), full.get("empty_score_levels"));
		Map<String, Object> none = Services.run(rfm, new Facts().paid("x", "2026-08-01T10:00:00", "5.00").build(), AS_OF)
				.summary();
		assertEquals(List.of(), none.get("warnings"));
	}

	@Test
	void championsAndImportantValue() {
		Facts facts = new Facts();
		for (int i = 0; i < 10; i++) {
			facts.paidDaysBefore("top", AS_OF, 10 + i, "60.00");
		}
		facts.paidDaysBefore("gone", AS_OF, 500, "10.00");
		CustomerDataset data = facts.build();
		CustomerClassification en = Services.run(rfm, data, AS_OF, "scoring=fixed");
		assertEquals("champions", label(en, data, "top"));
		assertEquals("lost", label(en, data, "gone"));
		CustomerClassification cn8 = Services.run(rfm, data, AS_OF, "scoring=fixed", "segmentMap=cn8");
		assertEquals("important_value", label(cn8, data, "top"));
		assertEquals("general_recall", label(cn8, data, "gone"));
	}

	@Test
	void builtInMapsNameEveryCellOnce() {
		List<Label> en = rfm.labels(Services.parameters(rfm));
		assertEquals(List.of("champions", "loyal", "potential_loyalist", "new", "promising", "needs_attention",
				"about_to_sleep", "at_risk", "cannot_lose", "hibernating", "lost"), en.stream().map(Label::id).toList());
		List<Label> cn8 = rfm.labels(Services.parameters(rfm, "segmentMap=cn8"));
		assertEquals(List.of("重要价值客户", "重要发展客户", "重要保持客户", "重要挽留客户", "一般价值客户", "一般发展客户", "一般保持客户",
				"一般挽留客户"), cn8.stream().map(l -> l.text().zh()).toList());

		// all 125 score cells through the strategy: every scored customer gets a segment
		Facts facts = new Facts();
		int[] recency = { 400, 200, 100, 60, 10 };
		int[] orders = { 1, 2, 3, 5, 10 };
		String[] spend = { "10.00", "60.00", "110.00", "260.00", "600.00" };
		for (int r = 0; r < 5; r++) {
			for (int f = 0; f < 5; f++) {
				for (int m = 0; m < 5; m++) {
					String id = "c" + (r + 1) + (f + 1) + (m + 1);
					facts.paidDaysBefore(id, AS_OF, recency[r], spend[m]);
					for (int k = 1; k < orders[f]; k++) {
						facts.paidDaysBefore(id, AS_OF, recency[r] + k, "0.00");
					}
				}
			}
		}
		CustomerDataset data = facts.build();
		for (String map : List.of("en", "cn8")) {
			CustomerClassification result = Services.run(rfm, data, AS_OF, "scoring=fixed", "segmentMap=" + map);
			assertEquals(125L, result.counts().values().stream().mapToLong(Long::longValue).sum(), map);
			assertEquals("c253", "c" + cell(result, data, "r", "c253") + cell(result, data, "f", "c253")
					+ cell(result, data, "m", "c253"));
		}
		CustomerClassification grid = Services.run(rfm, data, AS_OF, "scoring=fixed");
		// ids are c + R + F + M; FM = (F + M + 1) / 2
		Map<String, String> expected = new java.util.LinkedHashMap<>();
		expected.put("c255", "cannot_lose");
		expected.put("c155", "cannot_lose");
		expected.put("c244", "at_risk");
		expected.put("c114", "at_risk"); // FM 3
		expected.put("c113", "lost"); // FM 2
		expected.put("c212", "hibernating");
		expected.put("c345", "loyal");
		expected.put("c444", "champions");
		expected.put("c443", "champions"); // FM 4
		expected.put("c433", "potential_loyalist");
		expected.put("c521", "potential_loyalist"); // FM 2
		expected.put("c511", "new");
		expected.put("c411", "promising");
		expected.put("c333", "needs_attention");
		expected.put("c322", "about_to_sleep");
		expected.forEach((id, segment) -> assertEquals(segment, label(grid, data, id), id));

		CustomerClassification gridCn8 = Services.run(rfm, data, AS_OF, "scoring=fixed", "segmentMap=cn8");
		expected.clear();
		expected.put("c444", "important_value");
		expected.put("c534", "important_development");
		expected.put("c344", "important_retention");
		expected.put("c314", "important_recall");
		expected.put("c553", "general_value");
		expected.put("c513", "general_development");
		expected.put("c353", "general_retention");
		expected.put("c333", "general_recall");
		expected.forEach((id, segment) -> assertEquals(segment, label(gridCn8, data, id), id));
	}

	@Test
	void customRulesFromParametersAndFile(@TempDir Path dir) throws Exception {
		CustomerDataset data = sixWithTies();
		CustomerClassification result = Services.run(rfm, data, AS_OF, "segments.best=r>=4, f>=4 | m=5",
				"segments.sleepers=r<=2", "segments.mid=r=3-4,m>=4");
		assertEquals(List.of("best", "sleepers", "mid", "other"), result.labels().stream().map(Label::id).toList());
		// c1 R4 F1 M4 → mid; c2 R4 F1 M1 → other; c3 R3 M4 → mid; c4-c6 R1 → sleepers
		assertEquals(List.of("mid", "other", "mid", "sleepers", "sleepers", "sleepers"),
				column(result, data, "segment"));

		Path file = dir.resolve("segments.txt");
		Files.writeString(file, "# my segments\n\nbest = r>=4,f>=4\nsleepers = r<=2\nbest = m=5\nmid=r=3-4,m>=4\n",
				StandardCharsets.UTF_8);
		CustomerClassification fromFile = Services.run(rfm, data, AS_OF, "segmentFile=" + file);
		assertEquals(List.of("best", "sleepers", "mid", "other"), fromFile.labels().stream().map(Label::id).toList());
		assertEquals(column(result, data, "segment"), column(fromFile, data, "segment"));
	}

	@Test
	void badParametersNameTheirKey(@TempDir Path dir) throws Exception {
		CustomerDataset data = sixWithTies();
		Map<String, String[]> cases = new java.util.LinkedHashMap<>();
		cases.put("scoring", new String[] { "scoring=median" });
		cases.put("scoring.f", new String[] { "scoring.f=median" });
		cases.put("scoring.x", new String[] { "scoring.x=fixed" });
		cases.put("recencyThresholds", new String[] { "recencyThresholds=30,90,180" });
		cases.put("frequencyThresholds", new String[] { "frequencyThresholds=2,3,3,10" });
		cases.put("monetaryThresholds", new String[] { "monetaryThresholds=50,100,250.001,500" });
		cases.put("segmentMap", new String[] { "segmentMap=cn9" });
		cases.put("segments.x", new String[] { "segments.x=r>=6" });
		cases.put("segments.y", new String[] { "segments.y=q>1" });
		cases.put("nonsense", new String[] { "nonsense=1" });
		for (Map.Entry<String, String[]> c : cases.entrySet()) {
			ParameterException e = assertThrows(ParameterException.class,
					() -> Services.run(rfm, data, AS_OF, c.getValue()), c.getKey());
			assertEquals(c.getKey(), e.key());
		}
		assertThrows(ParameterException.class, () -> Services.run(rfm, data, AS_OF, "frequencyThresholds=2,x,5,10"));

		Path file = dir.resolve("bad.txt");
		Files.writeString(file, "best = r>=4\nworst r<=2\n", StandardCharsets.UTF_8);
		ParameterException e = assertThrows(ParameterException.class,
				() -> Services.run(rfm, data, AS_OF, "segmentFile=" + file));
		assertEquals("segmentFile", e.key());
		assertTrue(e.getMessage().contains("line 2"), e.getMessage());
		e = assertThrows(ParameterException.class,
				() -> Services.run(rfm, data, AS_OF, "segmentFile=" + dir.resolve("missing.txt")));
		assertEquals("segmentFile", e.key());
	}

	@Test
	void quintileScoresMatchTheirDefinitionOnRandomData() {
		Random random = new Random(42);
		Facts facts = new Facts();
		for (int c = 0; c < 1500; c++) {
			int orders = random.nextInt(6);
			for (int k = 0; k < orders; k++) {
				OrderStatus status = random.nextInt(5) == 0 ? OrderStatus.UNPAID : OrderStatus.PAID;
				long cents = random.nextInt(3) == 0 ? 1000 : random.nextInt(5_000_000);
				facts.order("c" + c, AS_OF.minusDays(random.nextInt(900) - 20) + "T08:00:00",
						java.math.BigDecimal.valueOf(cents, 2).toPlainString(), status, 1, 0);
			}
		}
		CustomerDataset data = facts.build();
		RfmValues values = RfmValues.compute(data, CustomerDataset.epochDay(AS_OF), RfmScoring.quantile());
		int n = data.customerCount();
		int scored = 0;
		for (int c = 0; c < n; c++) {
			scored += values.isScored(c) ? 1 : 0;
		}
		assertEquals(scored, values.scoredCount());
		for (int c = 0; c < n; c++) {
			if (!values.isScored(c)) {
				assertEquals(0, values.rScores()[c]);
				continue;
			}
			int worseR = 0;
			int worseF = 0;
			int worseM = 0;
			for (int d = 0; d < n; d++) {
				if (values.isScored(d)) {
					worseR += values.recencyDays()[d] > values.recencyDays()[c] ? 1 : 0;
					worseF += values.frequency()[d] < values.frequency()[c] ? 1 : 0;
					worseM += values.monetaryCents()[d] < values.monetaryCents()[c] ? 1 : 0;
				}
			}
			assertEquals(1 + 5 * worseR / scored, values.rScores()[c], "r of " + c);
			assertEquals(1 + 5 * worseF / scored, values.fScores()[c], "f of " + c);
			assertEquals(1 + 5 * worseM / scored, values.mScores()[c], "m of " + c);
		}
	}

	private static List<String> column(CustomerClassification result, CustomerDataset data, String name) {
		return java.util.stream.IntStream.range(0, data.customerCount())
				.mapToObj(c -> result.column(name).orElseThrow().format(c)).toList();
	}
}
