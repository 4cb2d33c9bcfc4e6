package io.custops.ui.internal.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.custops.engine.CohortResult;
import io.custops.engine.CohortResult.Cohort;
import io.custops.engine.CohortResult.Period;

/** The Cohorts part's model, without a display: the triangle, its colours and texts, the LTV curves. */
class CohortsModelTest {

	private static Period period(int p, long customers, String pct, String cumulative) {
		return new Period(p, customers, new BigDecimal(pct), customers, new BigDecimal("10.00"), new BigDecimal(cumulative),
				new BigDecimal(pct));
	}

	/** Three cohorts: 3, 2 and 1 periods (the triangle); a breakdown with one group. */
	private static CohortResult result() {
		Cohort jan = new Cohort("2026-01", LocalDate.parse("2026-01-01"), 4,
				List.of(period(0, 4, "100.00", "20.00"), period(1, 1, "25.00", "22.50"), period(2, 2, "50.00", "27.50")));
		Cohort feb = new Cohort("2026-02", LocalDate.parse("2026-02-01"), 1200,
				List.of(period(0, 1200, "100.00", "30.00"), period(1, 120, "10.00", "31.00")));
		Cohort mar = new Cohort("2026-03", LocalDate.parse("2026-03-01"), 2, List.of(period(0, 2, "100.00", "15.00")));
		return new CohortResult("first-order-month", "customers", LocalDate.parse("2026-04-01"), List.of(jan, feb, mar),
				"channel", List.of(new CohortResult.Group("app", List.of(mar))), Map.of());
	}

	@Test
	void theTriangleIsBlankBeyondEachCohortsLastPeriod() {
		CohortsModel model = new CohortsModel(Locale.ENGLISH);
		model.setResult(result());
		assertEquals(List.of("2026-01 · 4", "2026-02 · 1,200", "2026-03 · 2"), model.rows());
		assertEquals(List.of("+0", "+1", "+2"), model.columns());
		double[][] v = model.values();
		// period 0 takes the largest later value (50), so later cells are not pale beside 100 %
		assertEquals(50.0, v[0][0]);
		assertEquals(25.0, v[0][1]);
		assertEquals(10.0, v[1][1]);
		assertTrue(Double.isNaN(v[1][2]));
		assertTrue(Double.isNaN(v[2][1]));
		String[][] texts = model.texts();
		assertEquals("100%", texts[0][0]);
		assertEquals("25%", texts[0][1]);
		assertEquals(null, texts[2][1]);
		assertTrue(model.summary().startsWith("1,206 customers in 3 cohorts by month"), model.summary());
	}

	@Test
	void ltvCurvesOfTheCohortsWithTwoPeriods() {
		CohortsModel model = new CohortsModel(Locale.ENGLISH);
		model.setResult(result());
		assertEquals(List.of("2026-01", "2026-02"), model.curveCohorts().stream().map(Cohort::cohort).toList());
		List<double[]> curves = model.curves();
		assertEquals(27.5, curves.get(0)[2]);
		assertEquals(31.0, curves.get(1)[1]);
		assertTrue(Double.isNaN(curves.get(1)[2]));
	}

	@Test
	void groupsAndParameters() {
		CohortsModel model = new CohortsModel(Locale.CHINESE);
		model.setResult(result());
		assertEquals(List.of("全部客户", "app"), model.groupChoices());
		model.selectGroup(1);
		assertEquals(List.of("2026-03 · 2"), model.rows());
		assertTrue(model.curves().isEmpty());
		model.setBreakdown(" channel ");
		model.setBy("first-order-week");
		assertEquals(Map.of("by", "first-order-week", "metric", "customers", "maxPeriods", "12", "breakdown", "channel"),
				model.parameters());
		model.setBreakdown("");
		assertTrue(!model.parameters().containsKey("breakdown"));
	}
}
