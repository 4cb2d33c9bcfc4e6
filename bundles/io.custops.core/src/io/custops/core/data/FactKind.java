package io.custops.core.data;

import java.util.List;
import java.util.Locale;

import io.custops.core.LocalizedText;

/**
 * The kinds of facts a workspace holds, with their canonical fields (docs/formats.md).
 * Connectors map their source's columns onto these names.
 */
public enum FactKind {
	ORDERS("orders", LocalizedText.of("Orders", "订单"),
			List.of("order_id", "customer_id", "order_time", "amount", "status"),
			List.of("quantity", "product_id", "category", "channel", "usage_days", "province", "city", "unit_price",
					"pay_time")),
	CUSTOMERS("customers", LocalizedText.of("Customers", "客户"), List.of("customer_id"),
			List.of("name", "phone", "gender", "birthday", "province", "city", "channel", "first_seen",
					"member_level")),
	EVENTS("events", LocalizedText.of("Behaviour events", "行为事件"),
			List.of("customer_id", "event_time", "event_type"),
			List.of("item_id", "session_id", "channel", "query")),
	CAMPAIGNS("campaigns", LocalizedText.of("Campaigns", "营销活动"),
			List.of("campaign_id", "name", "start", "end", "cost"), List.of("margin", "segment", "description")),
	CAMPAIGN_MEMBERS("campaign-members", LocalizedText.of("Campaign members", "活动成员"),
			List.of("campaign_id", "customer_id", "group"), List.of()),
	/**
	 * Manual tags: one tag per row ({@code tag}) or several separated by {@code ;} ({@code tags});
	 * every row needs one of the two.
	 */
	TAGS("tags", LocalizedText.of("Manual tags", "手工标签"), List.of("customer_id"), List.of("tag", "tags"));

	private final String id;
	private final LocalizedText label;
	private final List<String> requiredFields;
	private final List<String> optionalFields;

	FactKind(String id, LocalizedText label, List<String> requiredFields, List<String> optionalFields) {
		this.id = id;
		this.label = label;
		this.requiredFields = requiredFields;
		this.optionalFields = optionalFields;
	}

	/** The name used on the command line and in files: {@code orders}, {@code campaign-members}. */
	public String id() {
		return id;
	}

	public LocalizedText label() {
		return label;
	}

	public List<String> requiredFields() {
		return requiredFields;
	}

	public List<String> optionalFields() {
		return optionalFields;
	}

	/** Whether extra columns are kept (as customer attributes) rather than ignored. */
	public boolean keepsExtraFields() {
		return this == CUSTOMERS;
	}

	public static FactKind fromId(String id) {
		for (FactKind kind : values()) {
			if (kind.id.equals(id.toLowerCase(Locale.ROOT))) {
				return kind;
			}
		}
		throw new IllegalArgumentException("unknown kind '" + id + "' (one of orders, customers, events, campaigns, campaign-members, tags)");
	}
}
