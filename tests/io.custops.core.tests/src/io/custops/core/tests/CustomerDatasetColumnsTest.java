package io.custops.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.custops.core.data.CustomerDataset;
import io.custops.core.data.CustomerDatasetBuilder;
import io.custops.core.data.CustomerDatasetBuilder.EventColumns;
import io.custops.core.data.CustomerDatasetBuilder.OrderColumns;
import io.custops.core.data.OrderStatus;

/**
 * Facts added a column at a time ({@link CustomerDatasetBuilder#orders}, {@link CustomerDatasetBuilder#events})
 * give the dataset that adding them one by one gives, in the order a stable sort by customer and
 * time gives: also for a customer with hundreds of facts out of time order and with equal times.
 */
class CustomerDatasetColumnsTest {

	private static final List<String> CHANNELS = List.of("app", "", "web", "shop");
	private static final List<String> TYPES = List.of("view", "livestream", "cart", "visit");

	@Test
	void ordersByColumnsMatchOrdersOneByOneAndAStableSort() {
		Random random = new Random(7);
		int customers = 300;
		int rows = 6000;
		int[] customer = new int[rows + 5]; // arrays may be longer than the rows
		long[] time = new long[rows + 5];
		long[] amount = new long[rows + 5];
		byte[] status = new byte[rows + 5];
		int[] quantity = new int[rows + 5];
		int[] usage = new int[rows + 5];
		int[] channel = new int[rows + 5];
		for (int i = 0; i < rows; i++) {
			// customer 0 is a wholesaler with a sixth of all orders, in no order, many at the same second
			customer[i] = i % 6 == 0 ? 0 : 1 + random.nextInt(customers - 1);
			time[i] = 1_700_000_000L + (customer[i] == 0 ? random.nextInt(40) * 60 : random.nextInt(1_000_000));
			amount[i] = i; // names the row
			status[i] = OrderStatus.values()[random.nextInt(4)].code();
			quantity[i] = 1 + random.nextInt(3);
			usage[i] = random.nextInt(90);
			channel[i] = random.nextInt(CHANNELS.size() + 1) - 1;
		}
		CustomerDatasetBuilder byRows = builderWith(customers);
		for (int i = 0; i < rows; i++) {
			byRows.order(customer[i], time[i], amount[i], OrderStatus.ofCode(status[i]), quantity[i], usage[i],
					channel[i] < 0 ? null : CHANNELS.get(channel[i]));
		}
		CustomerDataset expected = byRows.build();

		// the first half taken over, one order by itself, the rest appended
		int half = rows / 2;
		CustomerDatasetBuilder byColumns = builderWith(customers);
		byColumns.orders(new OrderColumns(half, customer.clone(), time.clone(), amount.clone(), status.clone(),
				quantity.clone(), usage.clone(), channel.clone(), CHANNELS));
		byColumns.order(customer[half], time[half], amount[half], OrderStatus.ofCode(status[half]), quantity[half],
				usage[half], channel[half] < 0 ? null : CHANNELS.get(channel[half]));
		int rest = rows - half - 1;
		byColumns.orders(new OrderColumns(rest, Arrays.copyOfRange(customer, half + 1, rows),
				Arrays.copyOfRange(time, half + 1, rows), Arrays.copyOfRange(amount, half + 1, rows),
				Arrays.copyOfRange(status, half + 1, rows), Arrays.copyOfRange(quantity, half + 1, rows),
				Arrays.copyOfRange(usage, half + 1, rows), Arrays.copyOfRange(channel, half + 1, rows),
				List.of("shop", "web", "", "app").reversed()));
		CustomerDataset actual = byColumns.build();

		Integer[] order = new Integer[rows];
		Arrays.setAll(order, i -> i);
		Arrays.sort(order, Comparator.<Integer>comparingInt(i -> customer[i]).thenComparingLong(i -> time[i]));
		long[] stableSort = Arrays.stream(order).mapToLong(i -> amount[i]).toArray();
		assertArrayEquals(stableSort, expected.orderAmount());
		assertArrayEquals(stableSort, actual.orderAmount());

		assertEquals(rows, actual.orderCount());
		assertArrayEquals(expected.orderOffsets(), actual.orderOffsets());
		assertArrayEquals(expected.orderTime(), actual.orderTime());
		assertArrayEquals(expected.orderStatus(), actual.orderStatus());
		assertArrayEquals(expected.orderQuantity(), actual.orderQuantity());
		assertArrayEquals(expected.orderUsageDays(), actual.orderUsageDays());
		for (int i = 0; i < rows; i++) {
			assertEquals(expected.orderChannel().value(i), actual.orderChannel().value(i), "channel of order " + i);
		}
		assertEquals(null, actual.orderChannel().value(indexOfChannel(channel, order, 1)), "an empty name is none");
	}

	@Test
	void eventsByColumnsMatchEventsOneByOne() {
		Random random = new Random(11);
		int customers = 50;
		int rows = 2000;
		int[] customer = new int[rows];
		long[] time = new long[rows];
		int[] type = new int[rows];
		int[] session = new int[rows];
		int[] channel = new int[rows];
		List<String> sessions = new ArrayList<>(List.of(""));
		for (int s = 0; s < 120; s++) {
			sessions.add("s" + s);
		}
		for (int i = 0; i < rows; i++) {
			customer[i] = random.nextInt(customers);
			time[i] = 1_700_000_000L + random.nextInt(5_000);
			type[i] = random.nextInt(TYPES.size());
			session[i] = random.nextInt(sessions.size() + 1) - 1;
			channel[i] = random.nextInt(CHANNELS.size() + 1) - 1;
		}
		CustomerDatasetBuilder byRows = builderWith(customers);
		for (int i = 0; i < rows; i++) {
			String s = session[i] < 0 ? null : sessions.get(session[i]);
			byRows.event(customer[i], time[i], TYPES.get(type[i]), s == null || s.isEmpty() ? null : s,
					channel[i] < 0 ? null : CHANNELS.get(channel[i]));
		}
		CustomerDataset expected = byRows.build();
		CustomerDatasetBuilder byColumns = builderWith(customers);
		byColumns.events(new EventColumns(rows, customer.clone(), time.clone(), type.clone(), TYPES, session.clone(),
				sessions, channel.clone(), CHANNELS));
		CustomerDataset actual = byColumns.build();

		assertArrayEquals(expected.eventOffsets(), actual.eventOffsets());
		assertArrayEquals(expected.eventTime(), actual.eventTime());
		for (int i = 0; i < rows; i++) {
			assertEquals(expected.eventTypeNames().get(expected.eventType()[i]),
					actual.eventTypeNames().get(actual.eventType()[i]), "type of event " + i);
			assertEquals(expected.eventChannel().value(i), actual.eventChannel().value(i), "channel of event " + i);
		}
		// session codes are the dictionary's own: the same events share one, none is -1
		assertArrayEquals(firstSeenCodes(expected.eventSession()), firstSeenCodes(actual.eventSession()));
	}

	@Test
	void columnsNamingAnUnknownCustomerOrStatusAreRefused() {
		CustomerDatasetBuilder b = builderWith(2);
		assertThrows(IndexOutOfBoundsException.class, () -> b.orders(new OrderColumns(1, new int[] { 2 },
				new long[1], new long[1], new byte[1], new int[] { 1 }, new int[1], new int[] { -1 }, List.of())));
		assertThrows(IndexOutOfBoundsException.class, () -> b.orders(new OrderColumns(1, new int[] { 1 },
				new long[1], new long[1], new byte[] { 9 }, new int[] { 1 }, new int[1], new int[] { -1 }, List.of())));
		assertThrows(IndexOutOfBoundsException.class, () -> b.events(new EventColumns(1, new int[] { -1 },
				new long[1], new int[1], TYPES, new int[] { -1 }, List.of(), new int[] { -1 }, List.of())));
		assertEquals(0, b.build().orderCount());
	}

	@Test
	void attributesByColumnsMatchAttributesOneByOne() {
		Random random = new Random(3);
		int customers = 500;
		List<String> provinces = List.of("浙江", "", "广东", "北京");
		int[] customer = new int[customers];
		int[] code = new int[customers];
		int[] none = new int[customers];
		for (int i = 0; i < customers; i++) {
			customer[i] = (i * 7) % customers; // a permutation: the rows are not in index order
			code[i] = random.nextInt(provinces.size() + 1) - 1;
			none[i] = -1;
		}
		CustomerDatasetBuilder byRows = builderWith(customers);
		CustomerDatasetBuilder byColumns = builderWith(customers);
		// a value set before, which a code of -1 leaves as it is
		byRows.attribute("c1", "province", "上海");
		byColumns.attribute("c1", "province", "上海");
		for (int i = 0; i < customers; i++) {
			if (code[i] >= 0) {
				byRows.attribute("c" + customer[i], "province", provinces.get(code[i]));
			}
		}
		byColumns.attribute("province", customers, customer, code, provinces);
		byColumns.attribute("phone", customers, customer, none, List.of());
		CustomerDataset expected = byRows.build();
		CustomerDataset actual = byColumns.build();
		assertEquals(expected.attributeNames(), actual.attributeNames(), "an attribute nobody has is not added");
		for (int c = 0; c < customers; c++) {
			assertEquals(expected.attribute("province").value(c), actual.attribute("province").value(c),
					"province of c" + c);
		}
		assertThrows(IndexOutOfBoundsException.class,
				() -> byColumns.attribute("city", 1, new int[] { customers }, new int[] { 0 }, List.of("杭州")));
	}

	@Test
	void aBuiltDatasetKeepsItsCustomersWhenTheBuilderGoesOn() {
		CustomerDatasetBuilder b = CustomerDataset.builder(ZoneId.of("UTC"));
		assertArrayEquals(new int[] { 0, 1, 0 }, b.customers(List.of("a", "b", "a")));
		CustomerDataset first = b.build();
		assertArrayEquals(new int[] { 1, 2 }, b.customers(List.of("b", "c")));
		CustomerDataset second = b.build();
		assertEquals(2, first.customerCount());
		assertEquals(-1, first.indexOf("c"));
		assertEquals(2, second.indexOf("c"));
		assertEquals(1, second.indexOf("b"));
	}

	private static CustomerDatasetBuilder builderWith(int customers) {
		CustomerDatasetBuilder b = CustomerDataset.builder(ZoneId.of("Asia/Shanghai"));
		for (int c = 0; c < customers; c++) {
			assertEquals(c, b.customer("c" + c));
		}
		return b;
	}

	/** The position in sorted order of the first order whose channel code is {@code code}. */
	private static int indexOfChannel(int[] channel, Integer[] order, int code) {
		for (int k = 0; k < order.length; k++) {
			if (channel[order[k]] == code) {
				return k;
			}
		}
		throw new AssertionError("no order with channel code " + code);
	}

	/** Codes renumbered in order of first appearance, -1 kept. */
	private static int[] firstSeenCodes(int[] codes) {
		Map<Integer, Integer> renumbered = new HashMap<>();
		return Arrays.stream(codes).map(c -> c < 0 ? -1 : renumbered.computeIfAbsent(c, k -> renumbered.size())).toArray();
	}
}
