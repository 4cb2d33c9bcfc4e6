package io.custops.source.tests;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * A generated shop, seeded, written as CSV files in the canonical fields: 20,000 customers with
 * skewed activity and the edge cases the rules care about — equal values (ties in every RFM
 * dimension), customers with one order, customers with unpaid orders only, customers with events
 * only, customers in the customers file only, events of one customer at the same second, orders
 * on the as-of dates' midnight, usage-cycle products; events carry their session's channel (or none).
 */
final class Shop {

	static final int CUSTOMERS = 20_000;
	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
	static final LocalDateTime START = LocalDateTime.of(2025, 1, 1, 0, 0);
	static final String[] EVENT_TYPES = { "visit", "search", "view", "favorite", "cart", "order", "pay", "review" };

	final Path customers;
	final Path orders;
	final Path events;
	long orderRows;
	long eventRows;

	private Shop(Path dir) {
		customers = dir.resolve("customers.csv");
		orders = dir.resolve("orders.csv");
		events = dir.resolve("events.csv");
	}

	static Shop write(Path dir) throws IOException {
		Shop shop = new Shop(dir);
		Random random = new Random(20261207);
		try (BufferedWriter c = Files.newBufferedWriter(shop.customers, StandardCharsets.UTF_8);
				BufferedWriter o = Files.newBufferedWriter(shop.orders, StandardCharsets.UTF_8);
				BufferedWriter e = Files.newBufferedWriter(shop.events, StandardCharsets.UTF_8)) {
			c.write("customer_id,channel\n");
			o.write("order_id,customer_id,order_time,amount,status,quantity,usage_days\n");
			e.write("customer_id,event_time,event_type,session_id,channel\n");
			long orderId = 0;
			for (int i = 1; i <= CUSTOMERS; i++) {
				String id = "C" + i;
				int kind = i % 20;
				if (kind != 7) { // every 20th-plus-7 customer is in the facts only, not in the customers file
					c.write(id + "," + (i % 3 == 0 ? "app" : "tmall") + "\n");
				}
				if (kind == 13) {
					continue; // in the customers file only: no order, no event
				}
				int orders = switch (kind) {
				case 0, 1 -> 1; // one order
				case 2 -> 0; // events only
				default -> (int) Math.min(30, Math.round(-Math.log(1 - random.nextDouble()) * 3));
				};
				// minute-level times on a day grid make equal recencies common
				long minute = random.nextInt(540 * 24 * 60);
				for (int k = 0; k < orders; k++) {
					String status = kind == 3 ? (k % 2 == 0 ? "unpaid" : "cancelled") // unpaid-only customers
							: random.nextInt(100) < 85 ? "paid" : random.nextBoolean() ? "unpaid" : "refunded";
					// amounts of few distinct values (ties in M) and of many
					long cents = kind % 4 == 0 ? 100 * (10 + random.nextInt(5) * 10) : 1 + random.nextInt(60_000);
					int quantity = 1 + random.nextInt(3);
					int usage = kind == 5 ? 30 : kind == 6 ? 15 + random.nextInt(90) : 0;
					LocalDateTime time = START.plusMinutes(minute).plusSeconds(k);
					if (kind == 9 && k == 0) {
						time = LocalDateTime.of(2026, 3, 1, 0, 0); // exactly on an as-of date: in the future then
					}
					o.write("O" + (++orderId) + "," + id + "," + TIME.format(time) + "," + java.math.BigDecimal.valueOf(cents, 2)
							+ "," + status + "," + quantity + "," + (usage == 0 ? "" : usage) + "\n");
					shop.orderRows++;
					minute += 1 + (long) (random.nextDouble() * random.nextDouble() * 120 * 24 * 60);
					if (minute >= 560 * 24 * 60) {
						break;
					}
				}
				int events = kind == 4 ? 0 : (int) Math.min(60, Math.round(-Math.log(1 - random.nextDouble()) * 6));
				long second = random.nextInt(540 * 24 * 3600);
				int session = 0;
				for (int k = 0; k < events; k++) {
					String type = EVENT_TYPES[Math.min(EVENT_TYPES.length - 1, (int) (-Math.log(1 - random.nextDouble()) * 2))];
					// the channel of a session (app, tmall or none): events of one second share it
					String channel = (i + session) % 3 == 0 ? "app" : (i + session) % 3 == 1 ? "tmall" : "";
					e.write(id + "," + TIME.format(START.plusSeconds(second)) + "," + type + ",S" + i + "-" + session + ","
							+ channel + "\n");
					shop.eventRows++;
					if (random.nextInt(10) != 0) { // one in ten follows at the same second
						long gap = (long) (random.nextDouble() * random.nextDouble() * 3 * 24 * 3600);
						second += gap;
						if (gap > 1800) {
							session++;
						}
					}
				}
			}
		}
		return shop;
	}
}
