package io.custops.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.custops.core.data.CustomerDataset;
import io.custops.core.data.FactKind;
import io.custops.store.ImportResult;
import io.custops.store.TooManyRejectsException;

/** Manual tags imported as kind {@code tags}: one per row or several per row, idempotent, all or nothing. */
class TagsImportTest extends WorkspaceFixture {


	@Test
	void oneTagPerRowOrSeveralSeparatedBySemicolons() throws Exception {
		Stores.load(ws, FactKind.ORDERS, "order_id,customer_id,order_time,amount,status", "o1,c1,2026-01-05,1,paid");
		ImportResult r = Stores.load(ws, FactKind.TAGS, "customer_id,tag,tags",
				"c1,vip,", // line 2
				"c2,,vip;wechat", // line 3
				"c3,,wechat ; 高价值 ;", // line 4: spaces around and an empty piece are fine
				"c4,,a；b", // line 5: a full-width semicolon separates too
				"c1,vip,", // line 6: the same again
				"c5,,", // line 7: no tag
				"c6,two words,", // line 8
				"c7,,x;\"q\"", // line 9
				"12.0,vip,"); // line 10: a whole number written as a decimal is customer 12
		assertEquals(9, r.read());
		assertEquals(5, r.imported());
		assertEquals(1, r.unchanged());
		assertEquals(3, r.rejected());
		assertEquals(List.of("7,tag,missing tag (a tag column or tags separated by ;),\"c5,,\"",
				"8,tag,\"tag 'two words' is not one word (no spaces, ; , or quotes)\",\"c6,two words,\"",
				"9,tags,\"tag '\"\"q\"\"' is not one word (no spaces, ; , or quotes)\",\"c7,,x;\"\"q\"\"\""),
				Stores.rejects(r));

		Map<String, Long> expected = new TreeMap<>(Map.of("vip", 3L, "wechat", 2L, "高价值", 1L, "a", 1L, "b", 1L));
		assertEquals(expected, ws.tagCounts());
		assertEquals(8L, ws.info().counts().get(FactKind.TAGS));
		CustomerDataset d = ws.dataset();
		assertEquals(List.of("vip", "wechat"), tags(d, "c2"));
		assertEquals(List.of("vip"), tags(d, "12"));
		assertEquals(List.of("a", "b"), tags(d, "c4"));
		assertEquals(-1, d.indexOf("c5"), "a rejected row adds no customer");

		// again: nothing changes, and a row adding one new tag to held ones counts as imported
		ImportResult again = Stores.load(ws, FactKind.TAGS, "customer_id,tags", "c2,wechat;vip", "c3,wechat;new");
		assertEquals(1, again.unchanged());
		assertEquals(1, again.imported());
		assertEquals(List.of("new", "wechat", "高价值"), tags(ws.dataset(), "c3"));
		assertEquals(FactKind.TAGS, ws.info().imports().get(0).kind());
	}

	@Test
	void tooManyRejectsKeepsNothing() throws Exception {
		Stores.load(ws, FactKind.TAGS, "customer_id,tag", "c1,keep");
		assertThrows(TooManyRejectsException.class, () -> Stores.load(ws, FactKind.TAGS, Map.of("maxRejects", "0"),
				"customer_id,tag", "c1,vip", "c2,bad tag", "c3,vip"));
		assertEquals(Map.of("keep", 1L), ws.tagCounts());
		assertEquals(List.of("keep"), ws.dataset().tagNames());
	}

	@Test
	void manyRowsInSeveralChunks() throws Exception {
		List<String> lines = new ArrayList<>();
		lines.add("customer_id,tags");
		for (int i = 0; i < 50_000; i++) {
			lines.add("c" + i + "," + (i % 2 == 0 ? "even" : "odd") + (i % 1000 == 0 ? ";round" : ""));
		}
		lines.add("c0,even"); // held from the first chunk
		ImportResult r = Stores.load(ws, FactKind.TAGS, lines.toArray(String[]::new));
		assertEquals(50_000, r.imported());
		assertEquals(1, r.unchanged());
		assertEquals(Map.of("even", 25_000L, "odd", 25_000L, "round", 50L), ws.tagCounts());
	}

	@Test
	void aBadTagAddedByHandIsRefused() throws Exception {
		assertEquals("tag 'a b' is not one word (no spaces, ; , or quotes)",
				assertThrows(IllegalArgumentException.class, () -> ws.addTag("c1", "a b")).getMessage());
		assertEquals("missing customer_id", assertThrows(IllegalArgumentException.class, () -> ws.addTag(" ", "x"))
				.getMessage());
		assertTrue(ws.addTag(" c1 ", " vip "));
		assertEquals(Map.of("vip", 1L), ws.tagCounts());
	}

	private static List<String> tags(CustomerDataset d, String customer) {
		int c = d.indexOf(customer);
		List<String> out = new ArrayList<>();
		for (int i = d.tagOffsets()[c]; i < d.tagOffsets()[c + 1]; i++) {
			out.add(d.tagNames().get(d.tagIds()[i]));
		}
		out.sort(null);
		return out;
	}
}
