package io.custops.core.data;

import java.util.List;

/** The standard behaviour event types, in the order of a typical purchase path. Others are kept as written. */
public final class EventTypes {

	public static final List<String> STANDARD = List.of("visit", "search", "view", "favorite", "cart", "order", "pay",
			"review", "share");

	private EventTypes() {
	}
}
