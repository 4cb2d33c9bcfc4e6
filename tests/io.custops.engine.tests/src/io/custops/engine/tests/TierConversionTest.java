package io.custops.engine.tests;

import static io.custops.engine.tests.Engine.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.core.data.OrderStatus;
import io.custops.core.param.ParameterException;
import io.custops.engine.AnalysisInputException;
import io.custops.engine.ConversionResult;
import io.custops.engine.ConversionResult.Level;
import io.custops.engine.ConversionResult.Move;
import io.custops.engine.ConversionResult.Period;
import io.custops.engine.TierConversion;

/**
 * The ladder (bronze ≥ 0, silver ≥ 100.00, gold ≥ 500.00 of paid spend over the trailing
 * windowDays) between 2026-03-01 and 2026-06-01 with windowDays=90: the windows are
 * [2025-12-01, 03-01) and [2026-03-03, 06-01).
 */
class TierConversionTest {

	private static final LocalDate D1 = LocalDate.of(2026, 3, 1);
	private static final LocalDate D2 = LocalDate.of(2026, 6, 1);
	private static final Map<String, String> WINDOW_90 = Map.of("windowDays", "90");

	private TierConversion conversion;

	@BeforeEach
	void setUp() {
		conversion = Engine.service(TierConversion.class);
	}

	static CustomerDataset data() {
		return CustomerDataset.builder(ZoneOffset.UTC)
				// a: 50 → bronze, then nothing in the window: still bronze (retained)
				.order("a", at("2026-01-10T10:00"), 5_000, OrderStatus.PAID, 1, 0, null)
				// b: 150 → silver, then nothing: bronze (down)
				.order("b", at("2026-02-01T10:00"), 15_000, OrderStatus.PAID, 1, 0, null)
				// c: 600 → gold; at D2 only the 200 of April counts: silver (down)
				.order("c", at("2026-02-15T10:00"), 60_000, OrderStatus.PAID, 1, 0, null)
				.order("c", at("2026-04-01T10:00"), 20_000, OrderStatus.PAID, 1, 0, null)
				// d: 20 → bronze; 600 on the last minute before D2 → gold (up two levels)
				.order("d", at("2026-02-20T10:00"), 2_000, OrderStatus.PAID, 1, 0, null)
				.order("d", at("2026-05-31T23:59"), 60_000, OrderStatus.PAID, 1, 0, null)
				// e: exactly 100 on the last second before D1 → silver; 100 in May → silver (retained)
				.order("e", at("2026-02-28T23:59:59"), 10_000, OrderStatus.PAID, 1, 0, null)
				.order("e", at("2026-05-01T00:00"), 10_000, OrderStatus.PAID, 1, 0, null)
				// f: first paid at D1 00:00 → an entrant (bronze)
				.order("f", at("2026-03-01T00:00"), 4_000, OrderStatus.PAID, 1, 0, null)
				// g: first paid in April → an entrant (gold)
				.order("g", at("2026-04-10T10:00"), 70_000, OrderStatus.PAID, 1, 0, null)
				// h: unpaid before D1, first paid at D2 00:00 → neither
				.order("h", at("2026-01-05T10:00"), 90_000, OrderStatus.UNPAID, 1, 0, null)
				.order("h", at("2026-06-01T00:00"), 3_000, OrderStatus.PAID, 1, 0, null)
				// i: events only → neither
				.event("i", at("2026-02-01T10:00"), "view", null, null)
				// j: paid long before the window → bronze at both dates (retained)
				.order("j", at("2025-11-01T10:00"), 12_000, OrderStatus.PAID, 1, 0, null)
				// k: refunded only → neither
				.order("k", at("2026-02-01T10:00"), 99_900, OrderStatus.REFUNDED, 1, 0, null)
				.build();
	}

	private static long count(ConversionResult result, String from, String to) {
		return result.matrix().stream().filter(m -> m.from().equals(from) && m.to().equals(to)).findFirst()
				.orElseThrow(() -> new AssertionError(from + " → " + to + " not in the matrix")).customers();
	}

	private static BigDecimal d(String value) {
		return new BigDecimal(value);
	}

	@Test
	void matrixOfMovesPerLevelAndEntrants() {
		ConversionResult result = conversion.run(data(), "fixture-ladder", D1, D2, WINDOW_90, ProgressMonitor.NULL);
		assertEquals(List.of("bronze", "silver", "gold"), result.levels());
		assertEquals(6, result.customers(), "a, b, c, d, e, j had a paid order before D1");
		assertEquals(9, result.matrix().size(), "3 × 3, no unclassified row or column");
		assertEquals(2, count(result, "bronze", "bronze"));
		assertEquals(0, count(result, "bronze", "silver"));
		assertEquals(1, count(result, "bronze", "gold"));
		assertEquals(1, count(result, "silver", "bronze"));
		assertEquals(1, count(result, "silver", "silver"));
		assertEquals(1, count(result, "gold", "silver"));
		assertEquals(0, count(result, "gold", "gold"));

		assertEquals(List.of(new Level("bronze", 3, 2, 1, 0, 0, d("0.6667"), d("0.3333"), d("0.0000")),
				new Level("silver", 2, 1, 0, 1, 0, d("0.5000"), d("0.0000"), d("0.5000")),
				new Level("gold", 1, 0, 0, 1, 0, d("0.0000"), d("0.0000"), d("1.0000"))), result.perLevel());
		assertEquals(new ConversionResult.Totals(6, 3, 1, 2, 0, d("0.5000"), d("0.1667"), d("0.3333")),
				result.totals());
		assertEquals(List.of(new Move("(entrant)", "bronze", 1), new Move("(entrant)", "silver", 0),
				new Move("(entrant)", "gold", 1)), result.entrants());
		assertEquals(Map.of("windowDays", "90", "minSpendCents", "0"), result.parameters(), "with the defaults used");
		assertTrue(result.series().isEmpty());
	}

	@Test
	void unclassifiedCustomersHaveTheirOwnRowAndColumn() {
		// customers without spend in the window are unclassified: a and b at D2, j and the entrant f throughout
		ConversionResult result = conversion.run(data(), "fixture-ladder", D1, D2,
				Map.of("windowDays", "90", "minSpendCents", "1"), null);
		assertEquals(6, result.customers());
		assertEquals(12, result.matrix().size(), "3 × 3, then bronze, silver and (none) to (none)");
		assertEquals(1, count(result, "bronze", "(none)"));
		assertEquals(1, count(result, "silver", "(none)"));
		assertEquals(1, count(result, "(none)", "(none)"));
		assertTrue(result.matrix().stream().noneMatch(m -> m.from().equals("gold") && m.to().equals("(none)")));
		assertEquals(new Level("bronze", 2, 0, 1, 0, 1, d("0.0000"), d("0.5000"), d("0.0000")),
				result.perLevel().get(0));
		assertEquals(new ConversionResult.Totals(5, 1, 1, 1, 2, d("0.2000"), d("0.2000"), d("0.2000")),
				result.totals());
		assertEquals(List.of(new Move("(entrant)", "bronze", 0), new Move("(entrant)", "silver", 0),
				new Move("(entrant)", "gold", 1), new Move("(entrant)", "(none)", 1)), result.entrants());
	}

	@Test
	void csvRowsAreTheMatrixThenTheEntrants() throws Exception {
		ConversionResult result = conversion.run(data(), "fixture-ladder", D1, D2, WINDOW_90, null);
		StringWriter out = new StringWriter();
		assertEquals(12, result.writeCsv(out));
		String[] lines = out.toString().split("\r\n");
		assertEquals("from,to,customers", lines[0]);
		assertEquals("bronze,bronze,2", lines[1]);
		assertEquals("bronze,gold,1", lines[3]);
		assertEquals("gold,gold,0", lines[9]);
		assertEquals("(entrant),bronze,1", lines[10]);
		assertEquals("(entrant),gold,1", lines[12]);
	}

	@Test
	void jsonHasTheLevelsInDeclaredOrder() {
		Map<String, Object> json = conversion.run(data(), "fixture-ladder", D1, D2, WINDOW_90, null).toJson();
		assertEquals("fixture-ladder", json.get("analysis"));
		assertEquals("2026-03-01", json.get("from"));
		assertEquals(List.of("bronze", "silver", "gold"), json.get("levels"));
		@SuppressWarnings("unchecked")
		Map<String, Object> gold = ((List<Map<String, Object>>) json.get("per_level")).get(2);
		assertEquals(List.of("level", "customers", "retained", "upgraded", "downgraded", "unclassified",
				"retention_rate", "upgrade_rate", "downgrade_rate"), List.copyOf(gold.keySet()));
		assertEquals(d("1.0000"), gold.get("downgrade_rate"));
		assertTrue(!json.containsKey("series"));
	}

	@Test
	void monthlySeriesFollowsTheTrend() {
		Map<String, String> params = Map.of("windowDays", "90", "period", "month");
		ConversionResult result = conversion.run(data(), "fixture-ladder", D1, D2, params, null);
		assertEquals("month", result.period());
		List<Period> series = result.series();
		assertEquals(3, series.size());
		// March: nobody moves; f enters
		assertEquals(LocalDate.of(2026, 3, 1), series.get(0).from());
		assertEquals(LocalDate.of(2026, 4, 1), series.get(0).to());
		assertEquals(new ConversionResult.Totals(6, 6, 0, 0, 0, d("1.0000"), d("0.0000"), d("0.0000")),
				series.get(0).totals());
		assertEquals(1, series.get(0).entrants());
		// April: f is in now, still nobody moves; g enters
		assertEquals(7, series.get(1).totals().customers());
		assertEquals(7, series.get(1).totals().retained());
		assertEquals(1, series.get(1).entrants());
		// May: b and c go down, d goes up; no entrant (h first paid at June 1 00:00)
		assertEquals(new ConversionResult.Totals(8, 5, 1, 2, 0, d("0.6250"), d("0.1250"), d("0.2500")),
				series.get(2).totals());
		assertEquals(0, series.get(2).entrants());
		assertEquals(LocalDate.of(2026, 6, 1), series.get(2).to());
		// the whole range is still reported as one matrix
		assertEquals(6, result.customers());
	}

	@Test
	void periodsCountFromTheStartAndTheLastOneEndsAtTheEnd() {
		ConversionResult result = conversion.run(data(), "fixture-strategy", LocalDate.of(2026, 1, 31),
				LocalDate.of(2026, 4, 15), Map.of("period", "month"), null);
		assertEquals(List.of("2026-01-31/2026-02-28", "2026-02-28/2026-03-31", "2026-03-31/2026-04-15"),
				result.series().stream().map(p -> p.from() + "/" + p.to()).toList());
		ConversionResult quarters = conversion.run(data(), "fixture-strategy", LocalDate.of(2025, 1, 1),
				LocalDate.of(2026, 1, 1), Map.of("period", "quarter"), null);
		assertEquals(4, quarters.series().size());
		ConversionResult years = conversion.run(data(), "fixture-strategy", LocalDate.of(2025, 1, 1),
				LocalDate.of(2026, 1, 1), Map.of("period", "year"), null);
		assertEquals(1, years.series().size());
	}

	@Test
	void aLifecycleModelWorksTooAndRatesAreNullForAnEmptyLevel() {
		// fixture-model: "other" (no order) below "buyer"; everyone with a paid order is a buyer at both dates
		ConversionResult result = conversion.run(data(), "fixture-model", D1, D2, Map.of(), null);
		assertEquals(List.of("other", "buyer"), result.levels());
		Level other = result.perLevel().get(0);
		assertEquals(0, other.customers());
		assertNull(other.retentionRate());
		assertEquals(6, result.perLevel().get(1).retained());
	}

	@Test
	void badInputIsNamed() {
		CustomerDataset data = data();
		AnalysisInputException dates = assertThrows(AnalysisInputException.class,
				() -> conversion.run(data, "fixture-ladder", D2, D1, Map.of(), null));
		assertTrue(dates.getMessage().contains("2026-03-01") && dates.getMessage().contains("2026-06-01"),
				dates.getMessage());
		assertThrows(AnalysisInputException.class, () -> conversion.run(data, "fixture-ladder", D1, D1, Map.of(), null));
		ParameterException unknown = assertThrows(ParameterException.class,
				() -> conversion.run(data, "fixture-ladder", D1, D2, Map.of("windowDayz", "3"), null));
		assertEquals("windowDayz", unknown.key());
		ParameterException period = assertThrows(ParameterException.class,
				() -> conversion.run(data, "fixture-ladder", D1, D2, Map.of("period", "week"), null));
		assertEquals("period", period.key());
		NoSuchElementException missing = assertThrows(NoSuchElementException.class,
				() -> conversion.run(data, "no-such-tiers", D1, D2, Map.of(), null));
		assertTrue(missing.getMessage().contains("no-such-tiers"), missing.getMessage());
		NoSuchElementException byDefault = assertThrows(NoSuchElementException.class,
				() -> conversion.run(data, null, D1, D2, Map.of(), null));
		assertTrue(byDefault.getMessage().contains("'tiers'"), byDefault.getMessage());
		AnalysisInputException multi = assertThrows(AnalysisInputException.class,
				() -> conversion.run(data, "fixture-tags", D1, D2, Map.of(), null));
		assertTrue(multi.getMessage().contains("fixture-tags"), multi.getMessage());
	}

	@Test
	void declaresItsOwnParameters() {
		assertEquals(List.of("period"), conversion.parameters().stream().map(p -> p.key()).toList());
		assertEquals(List.of("month", "quarter", "year"), conversion.parameters().get(0).choices());
	}
}
