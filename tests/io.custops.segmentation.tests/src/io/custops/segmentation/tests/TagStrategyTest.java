package io.custops.segmentation.tests;

import static io.custops.segmentation.tests.Facts.cell;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.custops.core.data.CustomerDataset;
import io.custops.core.data.OrderStatus;
import io.custops.core.param.ParameterException;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.Label;
import io.custops.core.spi.SegmentationStrategy;

class TagStrategyTest {

	private static final LocalDate AS_OF = LocalDate.parse("2026-07-01");

	private final SegmentationStrategy tags = Services.strategy("tags");

	private static CustomerDataset data() {
		return new Facts()
				.attribute("X", "province", "Zhejiang").attribute("X", "age", "35")
				.paidDaysBefore("X", AS_OF, 30, "1000.00").tag("X", "vip-manual")
				.attribute("Y", "province", "Jiangsu")
				.paid("Y", "2026-06-30T23:59:59", "999.99").tag("Y", "zhejiang").tag("Y", "vip-manual")
				.attribute("Z", "province", "Zhejiang").attribute("Z", "age", "28")
				.order("Z", "2026-06-01T10:00:00", "5000.00", OrderStatus.UNPAID, 1, 0)
				.attribute("W", "province", "Shanghai").attribute("W", "age", "abc")
				.build();
	}

	private static Path rules(Path dir) throws Exception {
		Path file = dir.resolve("rules.txt");
		Files.writeString(file, "# tags from RFM scores\n\nr == 5 and m == 5 -> top\nfrequency == 0 -> never-bought\n",
				StandardCharsets.UTF_8);
		return file;
	}

	@Test
	void ruleTagsOverAttributesAndRfmPlusManualTags(@TempDir Path dir) throws Exception {
		CustomerDataset data = data();
		CustomerClassification result = Services.run(tags, data, AS_OF,
				"rule.high-value-active=monetary >= 1000 && recency_days <= 30", "rule.zhejiang=province == 'Zhejiang'",
				"rule.adult=age >= 30", "rules=" + rules(dir), "scoring=fixed");

		assertTrue(result.isMultiLabel());
		assertEquals(List.of("high-value-active", "zhejiang", "adult", "top", "never-bought", "vip-manual"),
				result.labels().stream().map(Label::id).toList());
		// X: 1000.00 spent 30 days ago, R5 M5 by the fixed thresholds
		assertEquals("high-value-active;zhejiang;adult;top;vip-manual", cell(result, data, "tags", "X"));
		// Y: 999.99 is below 1000; no age (adult cannot be evaluated); zhejiang only as a manual tag
		assertEquals("zhejiang;top;vip-manual", cell(result, data, "tags", "Y"));
		// Z: no paid order: frequency 0, monetary 0, recency and scores missing
		assertEquals("zhejiang;never-bought", cell(result, data, "tags", "Z"));
		// W: age 'abc' cannot be compared with 30
		assertEquals("never-bought", cell(result, data, "tags", "W"));
		assertArrayEquals(new int[] { 1, 3, 5 }, result.labelIndexesOf(data.indexOf("Y")));
		assertEquals(Map.of("high-value-active", 1L, "zhejiang", 3L, "adult", 1L, "top", 2L, "never-bought", 2L,
				"vip-manual", 2L), result.counts());
		assertEquals(Map.of("adult", 2L), result.summary().get("unevaluable"));
		assertEquals(5, result.summary().get("rules"));

		assertEquals(List.of("high-value-active", "zhejiang", "adult", "top", "never-bought"),
				tags.labels(Services.parameters(tags, "rule.high-value-active=monetary >= 1000 && recency_days <= 30",
						"rule.zhejiang=province == 'Zhejiang'", "rule.adult=age >= 30", "rules=" + rules(dir)))
						.stream().map(Label::id).toList());

		CustomerClassification ruleOnly = Services.run(tags, data, AS_OF, "rule.zhejiang=province == 'Zhejiang'",
				"manualTags=false");
		assertEquals(List.of("zhejiang"), ruleOnly.labels().stream().map(Label::id).toList());
		assertEquals("", cell(ruleOnly, data, "tags", "Y"));
		assertEquals(-1, ruleOnly.labelIndexes()[data.indexOf("Y")]);

		CustomerClassification manualOnly = Services.run(tags, data, AS_OF);
		assertEquals(List.of("vip-manual", "zhejiang"), manualOnly.labels().stream().map(Label::id).toList());
		assertEquals("vip-manual;zhejiang", cell(manualOnly, data, "tags", "Y"));
	}

	@Test
	void rfmValuesAreTheRfmStrategys() {
		CustomerDataset data = RfmStrategyTest.sixWithTies();
		CustomerClassification rfm = Services.run(Services.strategy("rfm"), data, AS_OF);
		List<String> params = new ArrayList<>();
		for (String score : List.of("r", "f", "m")) {
			for (int s = 1; s <= 5; s++) {
				params.add("rule." + score + s + "=" + score + " == " + s);
			}
		}
		params.add("rule.recency=recency_days == " + cell(rfm, data, "recency_days", "c3"));
		CustomerClassification result = Services.run(tags, data, AS_OF, params.toArray(String[]::new));
		for (int c = 0; c < data.customerCount(); c++) {
			String expected = "r" + rfm.column("r").orElseThrow().format(c) + ";f" + rfm.column("f").orElseThrow().format(c)
					+ ";m" + rfm.column("m").orElseThrow().format(c) + (c == 2 ? ";recency" : "");
			assertEquals(expected, result.column("tags").orElseThrow().format(c), data.customerId(c));
		}
	}

	@Test
	void badRulesNameTheRule(@TempDir Path dir) throws Exception {
		CustomerDataset data = data();
		String[][] cases = { { "rule.bad", "rule.bad=monetary >= " }, { "rule.unknown", "rule.unknown=nosuch > 1" },
				{ "rule.sys", "rule.sys=java.lang.System.exit(1) == 0" }, { "rule.assign", "rule.assign=province = 'x'" },
				{ "rule.empty", "rule.empty= " }, { "scoring", "scoring=best" },
				{ "monetaryThresholds", "monetaryThresholds=1,2,3" } };
		for (String[] c : cases) {
			ParameterException e = assertThrows(ParameterException.class, () -> Services.run(tags, data, AS_OF, c[1]),
					c[1]);
			assertEquals(c[0], e.key(), e.getMessage());
		}
		ParameterException unknown = assertThrows(ParameterException.class,
				() -> Services.run(tags, data, AS_OF, "rule.unknown=nosuch > 1"));
		assertTrue(unknown.getMessage().contains("'unknown'") && unknown.getMessage().contains("nosuch"),
				unknown.getMessage());

		for (String bad : List.of("r == 5 -> top\nmonetary > -> broken\n", "r == 5 -> top\nno arrow here\n",
				"r == 5 -> top\nr == 4 -> two words\n")) {
			Path file = dir.resolve("bad.txt");
			Files.writeString(file, bad, StandardCharsets.UTF_8);
			ParameterException e = assertThrows(ParameterException.class,
					() -> Services.run(tags, data, AS_OF, "rules=" + file));
			assertEquals("rules", e.key());
			assertTrue(e.getMessage().contains("line 2"), e.getMessage());
		}
	}
}
