package io.custops.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.Label;
import io.custops.core.spi.ResultColumn;

class ClassificationTest {

	private static final List<Label> LABELS = List.of(Label.of("a", "A", "甲"), Label.of("b", "B", "乙"),
			Label.of("c", "C", "丙"));

	@Test
	void singleLabelCountsIncludeEmptyLabels() {
		CustomerClassification result = new CustomerClassification(LABELS, new int[] { 0, 1, -1, 1 },
				List.of(ResultColumn.ofCents("monetary", new long[] { 1050, 5, 0, -1 }, Long.MIN_VALUE)), Map.of());
		assertEquals(Map.of("a", 1L, "b", 2L, "c", 0L), result.counts());
		assertEquals(List.of("a", "b", "c"), List.copyOf(result.counts().keySet()));
		assertEquals("10.50", result.column("monetary").orElseThrow().format(0));
		assertEquals("0.05", result.column("monetary").orElseThrow().format(1));
		assertEquals("-0.01", result.column("monetary").orElseThrow().format(3));
		assertEquals("b", result.labelOf(3).orElseThrow().id());
		assertEquals(true, result.labelOf(2).isEmpty());
	}

	@Test
	void multiLabelCountsEveryMembership() {
		CustomerClassification result = CustomerClassification.multiLabel(LABELS, new int[] { 0, 2, 2, 3 },
				new int[] { 0, 2, 2 }, List.of(), Map.of());
		assertEquals(Map.of("a", 1L, "b", 0L, "c", 2L), result.counts());
		assertArrayEquals(new int[] { 0, 2 }, result.labelIndexesOf(0));
		assertArrayEquals(new int[] { 0, -1, 2 }, result.labelIndexes());
	}

	@Test
	void columnsMustCoverEveryCustomer() {
		assertThrows(IllegalArgumentException.class, () -> new CustomerClassification(LABELS, new int[] { 0, 1 },
				List.of(ResultColumn.ofLongs("x", new long[] { 1 }, -1)), Map.of()));
	}
}
