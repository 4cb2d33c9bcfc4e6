package io.custops.campaign.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.custops.campaign.RoiWords;
import io.custops.engine.RoiStatistics;

/** The Chinese of every warning the engine's ROI statistics give, for the Campaigns part and the roi report. */
class RoiWordsTest {

	@Test
	void everyWarningOfSmallArmsAndOfIntervalsAcrossZeroHasItsChinese() {
		// 6 treated with 4 responders against 3 held out with 1: each arm too small, both intervals across zero
		RoiStatistics.Result small = RoiStatistics.of(new RoiStatistics.Arm(6, 4, 160, 160 * 160 / 2.0),
				new RoiStatistics.Arm(3, 1, 20, 400), new BigDecimal("40"), new BigDecimal("0.5"), 0.05);
		List<String> warnings = small.warnings();
		assertEquals(6, warnings.size(), warnings.toString());
		for (String w : warnings) {
			String zh = RoiWords.warning(w, true);
			assertTrue(zh.startsWith("客户太少，无法判断："), w + " → " + zh);
			assertFalse(zh.matches(".*[a-z]{3,}.*"), "no English left: " + zh);
			assertEquals(w, RoiWords.warning(w, false));
		}
		assertEquals("客户太少，无法判断：实验组只有 6 人（少于 100）", RoiWords.warning(warnings.get(0), true));
		assertEquals("客户太少，无法判断：实验组只有 4 位响应客户（少于 10）", RoiWords.warning(warnings.get(1), true));
		assertEquals("客户太少，无法判断：对照组只有 3 人（少于 100）", RoiWords.warning(warnings.get(2), true));
		assertTrue(RoiWords.warning(warnings.get(4), true).matches("客户太少，无法判断：增量收入的 .+ 区间 \\[.+\\] 包含 0"),
				RoiWords.warning(warnings.get(4), true));
		assertTrue(RoiWords.warning(warnings.get(5), true).matches("客户太少，无法判断：响应率提升的 .+ 区间 \\[.+\\] 包含 0"),
				RoiWords.warning(warnings.get(5), true));
	}

	@Test
	void withoutAControlGroup() {
		RoiStatistics.Result gross = RoiStatistics.of(new RoiStatistics.Arm(500, 80, 9000, 900000), null,
				new BigDecimal("40"), BigDecimal.ONE, 0.05);
		assertEquals("没有对照组：数字为总额，无法区分成员本来就会购买的部分", RoiWords.warning(gross.warnings().get(0), true));
		assertEquals("客户太少，无法判断", RoiWords.tooFew(true));
		assertEquals(RoiStatistics.TOO_FEW, RoiWords.tooFew(false));
		assertEquals("something new", RoiWords.warning("something new", true), "an unknown warning stays as it is");
	}
}
