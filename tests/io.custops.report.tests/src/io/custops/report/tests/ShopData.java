package io.custops.report.tests;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import io.custops.core.data.CustomerDataset;
import io.custops.core.data.CustomerDatasetBuilder;
import io.custops.core.data.OrderStatus;

/**
 * Ten customers whose figures as of 2026-07-01 are worked out by hand in the tests (recency
 * days, scores, stages). Amounts in cents.
 */
final class ShopData {

	static final LocalDate AS_OF = LocalDate.of(2026, 7, 1);

	private ShopData() {
	}

	static CustomerDataset build() {
		CustomerDatasetBuilder b = CustomerDataset.builder(ZoneOffset.UTC);
		for (String day : new String[] { "2026-06-01", "2026-06-05", "2026-06-10", "2026-06-15", "2026-06-20", "2026-06-25" }) {
			paid(b, "c01", day, 10000);
		}
		paid(b, "c02", "2026-06-20", 5000);
		paid(b, "c03", "2026-01-10", 8000);
		paid(b, "c03", "2026-02-10", 8000);
		paid(b, "c03", "2026-03-01", 8000);
		order(b, "c03", "2026-06-30", 99900, OrderStatus.REFUNDED);
		paid(b, "c04", "2025-08-01", 15000);
		paid(b, "c04", "2025-09-01", 10000);
		order(b, "c05", "2026-06-01", 9900, OrderStatus.UNPAID);
		b.event("c06", CustomerDataset.localSeconds(LocalDateTime.parse("2026-06-02T10:00")), "view", null, null);
		paid(b, "c07", "2025-01-10", 1234);
		// at asOf 00:00: in the future
		b.order("c08", CustomerDataset.localSeconds(LocalDateTime.parse("2026-07-01T00:00")), 50000, OrderStatus.PAID, 1, 0, null);
		for (String day : new String[] { "2026-01-05", "2026-02-05", "2026-03-05", "2026-04-05", "2026-05-15" }) {
			paid(b, "c09", day, 20000);
		}
		paid(b, "c10", "2025-12-01", 1999);
		paid(b, "c10", "2026-01-15", 1);
		return b.build();
	}

	private static void paid(CustomerDatasetBuilder b, String customer, String day, long cents) {
		order(b, customer, day, cents, OrderStatus.PAID);
	}

	private static void order(CustomerDatasetBuilder b, String customer, String day, long cents, OrderStatus status) {
		b.order(customer, CustomerDataset.localSeconds(LocalDate.parse(day).atTime(12, 0)), cents, status, 1, 0, null);
	}
}
