package io.custops.ui.internal.views;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.custops.core.spi.Label;

/** The aggregations the Segments and Lifecycle parts make of a source's streamed rows, without a display. */
class SourceFiguresTest {

	private static final List<Label> SEGMENTS = List.of(Label.of("champions", "Champions", "重要价值"),
			Label.of("lost", "Lost", "流失"));

	@Test
	void segmentsAreCountedAsRowsStreamBy() {
		SegmentFigures.Streaming s = SegmentFigures.streaming(SEGMENTS,
				List.of("recency_days", "frequency", "monetary", "r", "f", "m", "segment"));
		s.row("champions", new String[] { "3", "4", "120.50", "5", "4", "5", "champions" });
		s.row("champions", new String[] { "9", "2", "79.50", "5", "4", "4", "champions" });
		s.row("lost", new String[] { "400", "1", "10.00", "1", "1", "1", "lost" });
		s.row(null, new String[] { "", "0", "", "", "", "", "" }); // counted, not classified
		SegmentFigures f = s.done(10);
		assertEquals(10, f.customerCount());
		assertEquals(3, f.classified());
		assertArrayEquals(new long[] { 2, 1 }, f.customers());
		assertTrue(f.hasRevenue());
		assertArrayEquals(new long[] { 20_000, 1_000 }, f.revenue());
		assertArrayEquals(new long[] { 6, 1 }, f.orders());
		assertEquals(21_000, f.totalRevenue());
		assertEquals(5, f.gridSize());
		assertEquals(2, f.cellCustomers(5, 4));
		assertEquals(20_000, f.cellSpend(5, 4));
		assertEquals(1, f.cellCustomers(1, 1));
		assertEquals(0, f.cellCustomers(3, 3));
		List<String[]> rows = f.rows(Locale.ENGLISH);
		assertEquals("Champions", rows.get(0)[0]);
		assertEquals(Tables.count(2), rows.get(0)[1]);
		assertEquals(Tables.money(20_000), rows.get(0)[3]);
		assertEquals(Tables.money(Math.round(20_000 / 6.0)), rows.get(0)[5]); // AOV
		assertEquals(Tables.money(10_000), rows.get(0)[6]); // per customer
	}

	@Test
	void withoutMonetaryAndFrequencyThereIsNoRevenue() {
		SegmentFigures.Streaming s = SegmentFigures.streaming(SEGMENTS, List.of("value", "tier"));
		s.row("lost", new String[] { "12.00", "lost" });
		SegmentFigures f = s.done(1);
		assertFalse(f.hasRevenue());
		assertFalse(f.hasGrid());
		assertEquals("—", f.rows(Locale.ENGLISH).get(1)[3]);
		assertArrayEquals(new long[] { 0, 1 }, f.customers());
	}

	@Test
	void stagesAndActivityAreCountedAsRowsStreamBy() {
		List<Label> stages = List.of(Label.of("new", "New", "新客"), Label.of("dormant", "Dormant", "沉睡"));
		StageFigures.Streaming s = StageFigures.streaming(stages, List.of("stage", "activity", "recency_days", "paid_orders"));
		s.row("dormant", new String[] { "dormant", "lost", "400", "1" });
		s.row("new", new String[] { "new", "active", "3", "1" });
		s.row("dormant", new String[] { "dormant", "sleeping", "200", "2" });
		s.row(null, new String[] { "", "", "", "0" });
		StageFigures f = s.done(5);
		assertArrayEquals(new long[] { 1, 2 }, f.counts());
		assertEquals(3, f.total());
		assertEquals(5, f.customers());
		assertEquals(List.of("active", "sleeping", "lost"), List.copyOf(f.activity().keySet()));
		assertEquals(Map.of("active", 1L, "sleeping", 1L, "lost", 1L), f.activity());
	}
}
