package io.custops.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import io.custops.core.Durations;

/** Durations as a person reads them (issue 20): "2 h 36 min", not "156185s" or "median nulls". */
class DurationsTest {

	@Test
	void theTwoLargestUnitsThatApply() {
		assertEquals("2 h 36 min", Durations.text(2 * 3600 + 36 * 60 + 25, false));
		assertEquals("2 小时 36 分", Durations.text(2 * 3600 + 36 * 60 + 25, true));
		assertEquals("1 d 19 h", Durations.text(156_185, false), "the issue's 156185s");
		assertEquals("1 天 19 小时", Durations.text(156_185, true));
		assertEquals("45 s", Durations.text(45, false));
		assertEquals("0 s", Durations.text(0, false));
		assertEquals("3 min", Durations.text(180, false), "no zero second unit");
		assertEquals("3 min 20 s", Durations.text(200, false));
		assertEquals("1 h", Durations.text(3600, false));
		assertEquals("7 d", Durations.text(7 * 86_400, false));
		assertEquals("7 天", Durations.text(7 * 86_400, true));
	}

	@Test
	void noneIsADashAndFractionsRound() {
		assertEquals("—", Durations.text((BigDecimal) null, false));
		assertEquals("—", Durations.text((BigDecimal) null, true));
		assertEquals("1 min", Durations.text(new BigDecimal("59.5"), false));
		assertEquals("59 s", Durations.text(new BigDecimal("59.49"), false));
	}
}
