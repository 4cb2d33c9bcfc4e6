package io.custops.engine.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.custops.engine.AnalysisInputException;
import io.custops.engine.ControlGroups;
import io.custops.engine.ControlGroups.Split;

class ControlGroupsTest {

	private static final int[] TARGETS = { 5, 15, 25, 35, 45, 55, 65, 75, 85, 95 };

	@Test
	void theSameSeedGivesTheSameSplitWhateverTheOrder() {
		Split split = ControlGroups.split(TARGETS, new BigDecimal("0.3"), 42);
		// pinned: a recorded seed must reproduce the same groups in any later version
		assertArrayEquals(new int[] { 15, 25, 45, 65, 75, 85, 95 }, split.treatment());
		assertArrayEquals(new int[] { 5, 35, 55 }, split.control());
		assertEquals(42, split.seed());
		assertEquals(new BigDecimal("0.3"), split.fraction());
		int[] shuffled = { 95, 5, 85, 15, 75, 25, 65, 35, 55, 45 };
		Split again = ControlGroups.split(shuffled, new BigDecimal("0.3"), 42);
		assertArrayEquals(split.control(), again.control());
		assertArrayEquals(split.treatment(), again.treatment());
		assertFalse(Arrays.equals(split.control(), ControlGroups.split(TARGETS, new BigDecimal("0.3"), 43).control()));
	}

	@Test
	void groupsAreDisjointAndCoverTheSegment() {
		int[] targets = IntStream.range(0, 1000).map(i -> i * 3).toArray();
		Split split = ControlGroups.split(targets, new BigDecimal("0.2"), 7);
		assertEquals(200, split.control().length);
		assertEquals(800, split.treatment().length);
		int[] all = IntStream.concat(Arrays.stream(split.treatment()), Arrays.stream(split.control())).sorted().toArray();
		assertArrayEquals(targets, all);
	}

	@Test
	void sizesRoundHalfUpWithAtLeastOneWhenAsked() {
		assertEquals(1, ControlGroups.split(new int[] { 1, 2, 3 }, new BigDecimal("0.2"), 1).control().length);
		assertEquals(1, ControlGroups.split(new int[] { 1, 2 }, new BigDecimal("0.2"), 1).control().length);
		assertEquals(2, ControlGroups.split(TARGETS, new BigDecimal("0.15"), 1).control().length);
		assertEquals(0, ControlGroups.split(TARGETS, BigDecimal.ZERO, 1).control().length);
		assertEquals(10, ControlGroups.split(TARGETS, 0, 1).treatment().length);
		assertEquals(4, ControlGroups.split(TARGETS, 4, 1).control().length);
	}

	@Test
	void impossibleSplitsAreNamed() {
		AnalysisInputException larger = assertThrows(AnalysisInputException.class,
				() -> ControlGroups.split(TARGETS, new BigDecimal("1.5"), 1));
		assertTrue(larger.getMessage().contains("15") && larger.getMessage().contains("larger")
				&& larger.getMessage().contains("10"), larger.getMessage());
		assertTrue(assertThrows(AnalysisInputException.class, () -> ControlGroups.split(TARGETS, 11, 1)).getMessage()
				.contains("larger"));
		assertTrue(assertThrows(AnalysisInputException.class, () -> ControlGroups.split(TARGETS, BigDecimal.ONE, 1))
				.getMessage().contains("no one would be treated"));
		assertTrue(assertThrows(AnalysisInputException.class,
				() -> ControlGroups.split(new int[0], new BigDecimal("0.2"), 1)).getMessage().contains("empty"));
		assertTrue(assertThrows(AnalysisInputException.class,
				() -> ControlGroups.split(new int[] { 1, 2, 1 }, new BigDecimal("0.2"), 1)).getMessage()
				.contains("twice"));
		assertThrows(AnalysisInputException.class, () -> ControlGroups.split(TARGETS, new BigDecimal("-0.1"), 1));
	}
}
