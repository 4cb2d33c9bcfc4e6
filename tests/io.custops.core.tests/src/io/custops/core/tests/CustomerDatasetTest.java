package io.custops.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import io.custops.core.data.CustomerDataset;
import io.custops.core.data.OrderStatus;

class CustomerDatasetTest {

	private static long t(String isoDateTime) {
		return CustomerDataset.localSeconds(LocalDateTime.parse(isoDateTime));
	}

	@Test
	void ordersAreGroupedPerCustomerInTimeOrderWithTiesInInputOrder() {
		CustomerDataset data = CustomerDataset.builder(ZoneId.of("Asia/Shanghai"))
				.order("b", t("2026-03-01T10:00:00"), 500, OrderStatus.PAID, 1, 0, "app")
				.order("a", t("2026-02-01T09:00:00"), 100, OrderStatus.PAID, 1, 0, null)
				.order("b", t("2026-01-01T00:00:00"), 700, OrderStatus.UNPAID, 2, 30, "web")
				.order("a", t("2026-02-01T09:00:00"), 200, OrderStatus.REFUNDED, 1, 0, null)
				.order("a", t("2026-01-15T23:59:59"), 300, OrderStatus.PAID, 1, 0, "web")
				.build();
		assertEquals(2, data.customerCount());
		assertEquals("b", data.customerId(0));
		assertEquals(1, data.indexOf("a"));
		assertEquals(-1, data.indexOf("zz"));
		assertArrayEquals(new int[] { 0, 2, 5 }, data.orderOffsets());
		assertArrayEquals(new long[] { 700, 500, 300, 100, 200 }, data.orderAmount());
		assertEquals(OrderStatus.UNPAID, OrderStatus.ofCode(data.orderStatus()[0]));
		assertEquals("web", data.orderChannel().value(0));
		assertEquals("app", data.orderChannel().value(1));
		assertEquals(null, data.orderChannel().value(3));
		assertEquals(2, data.orderQuantity()[0]);
		assertEquals(30, data.orderUsageDays()[0]);
		assertEquals(LocalDate.of(2026, 1, 15).toEpochDay(), data.orderDay()[2]);
	}

	@Test
	void factsCanBeAddedByTheCustomersIndex() {
		io.custops.core.data.CustomerDatasetBuilder b = CustomerDataset.builder(ZoneId.of("UTC"));
		int c2 = b.customer("c2");
		int c1 = b.customer("c1");
		b.order(c1, t("2026-01-02T00:00:00"), 300, OrderStatus.PAID, 1, 0, null)
				.order("c2", t("2026-01-01T00:00:00"), 200, OrderStatus.PAID, 1, 0, "web")
				.order(c2, t("2026-01-03T00:00:00"), 100, OrderStatus.REFUNDED, 2, 30, "app")
				.event(c1, t("2026-01-01T09:00:00"), "visit", "s", null);
		CustomerDataset data = b.build();
		assertEquals(0, data.indexOf("c2"));
		assertArrayEquals(new int[] { 0, 2, 3 }, data.orderOffsets());
		assertArrayEquals(new long[] { 200, 100, 300 }, data.orderAmount());
		assertArrayEquals(new int[] { 0, 0, 1 }, data.eventOffsets());
		org.junit.jupiter.api.Assertions.assertThrows(IndexOutOfBoundsException.class,
				() -> b.order(2, 0, 1, OrderStatus.PAID, 1, 0, null));
		org.junit.jupiter.api.Assertions.assertThrows(IndexOutOfBoundsException.class,
				() -> b.event(-1, 0, "visit", null, null));
	}

	@Test
	void eventsKeepTypesSessionsAndAttributes() {
		CustomerDataset data = CustomerDataset.builder(ZoneId.of("UTC"))
				.event("c1", t("2026-01-01T10:00:05"), "cart", "s1", "app")
				.event("c1", t("2026-01-01T10:00:00"), "view", "s1", "app")
				.event("c2", t("2026-01-02T10:00:00"), "livestream", null, null)
				.attribute("c3", "province", "浙江")
				.tag("c3", "vip-care").tag("c1", "complained").tag("c3", "complained").tag("c3", "vip-care")
				.build();
		assertEquals(3, data.customerCount());
		assertEquals(3, data.eventCount());
		assertEquals("view", data.eventTypeNames().get(data.eventType()[0]));
		assertEquals("cart", data.eventTypeNames().get(data.eventType()[1]));
		assertEquals("livestream", data.eventTypeNames().get(data.eventType()[2]));
		assertEquals(data.eventSession()[0], data.eventSession()[1]);
		assertEquals(-1, data.eventSession()[2]);
		assertEquals("浙江", data.attribute("province").value(2));
		assertEquals(null, data.attribute("province").value(0));
		assertEquals(java.util.List.of("vip-care", "complained"), data.tagNames());
		assertArrayEquals(new int[] { 0, 1, 1, 3 }, data.tagOffsets());
		assertArrayEquals(new int[] { 1, 0, 1 }, data.tagIds());
	}
}
