package io.custops.segmentation.tests;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import io.custops.core.data.CustomerDataset;
import io.custops.core.data.CustomerDatasetBuilder;
import io.custops.core.data.OrderStatus;
import io.custops.core.spi.CustomerClassification;

/** Small datasets written the way a test reads: times as ISO text, amounts as decimals. */
final class Facts {

	private final CustomerDatasetBuilder builder = CustomerDataset.builder(ZoneOffset.UTC);

	Facts paid(String customer, String time, String amount) {
		return order(customer, time, amount, OrderStatus.PAID, 1, 0);
	}

	/** A paid order on the day {@code days} before {@code asOf}, at noon. */
	Facts paidDaysBefore(String customer, LocalDate asOf, int days, String amount) {
		return paid(customer, asOf.minusDays(days) + "T12:00:00", amount);
	}

	Facts order(String customer, String time, String amount, OrderStatus status, int quantity, int usageDays) {
		builder.order(customer, seconds(time), new BigDecimal(amount).movePointRight(2).longValueExact(), status,
				quantity, usageDays, null);
		return this;
	}

	Facts event(String customer, String time, String type) {
		builder.event(customer, seconds(time), type, null, null);
		return this;
	}

	Facts attribute(String customer, String name, String value) {
		builder.attribute(customer, name, value);
		return this;
	}

	Facts tag(String customer, String tag) {
		builder.tag(customer, tag);
		return this;
	}

	CustomerDataset build() {
		return builder.build();
	}

	static long seconds(String time) {
		return CustomerDataset.localSeconds(LocalDateTime.parse(time));
	}

	/** The CSV text of a result column for a customer id. */
	static String cell(CustomerClassification result, CustomerDataset data, String column, String customer) {
		return result.column(column).orElseThrow(() -> new AssertionError("no column " + column))
				.format(data.indexOf(customer));
	}

	/** The label id of a customer, or "" when unclassified. */
	static String label(CustomerClassification result, CustomerDataset data, String customer) {
		return result.labelOf(data.indexOf(customer)).map(l -> l.id()).orElse("");
	}
}
