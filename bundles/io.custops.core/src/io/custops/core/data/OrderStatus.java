package io.custops.core.data;

import java.util.Locale;

/** The canonical status of an order. Only {@link #PAID} orders count as purchases. */
public enum OrderStatus {
	PAID, UNPAID, REFUNDED, CANCELLED;

	/** The compact code stored in columnar data. */
	public byte code() {
		return (byte) ordinal();
	}

	public static OrderStatus ofCode(byte code) {
		return values()[code];
	}

	/** The lower-case name used in files: {@code paid}. */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Reads a canonical status ({@code paid}, {@code unpaid}, {@code refunded}, {@code cancelled}); null if unknown. */
	public static OrderStatus parse(String text) {
		if (text == null) {
			return null;
		}
		return switch (text.trim().toLowerCase(Locale.ROOT)) {
		case "paid" -> PAID;
		case "unpaid" -> UNPAID;
		case "refunded" -> REFUNDED;
		case "cancelled", "canceled" -> CANCELLED;
		default -> null;
		};
	}
}
