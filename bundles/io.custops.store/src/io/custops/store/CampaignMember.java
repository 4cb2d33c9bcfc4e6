package io.custops.store;

import java.util.Locale;

/**
 * A member of a campaign.
 *
 * @param segment the segment (label) the customer was in when the campaign was created from a
 *                target, e.g. {@code at_risk}; several labels separated by {@code ;}; null for
 *                imported members and list targets
 */
public record CampaignMember(String customerId, Group group, String segment) {

	/** Treated (targeted) or held out as control. */
	public enum Group {
		TREATMENT, CONTROL;

		/** {@code treatment} or {@code control}, as in files and the database. */
		public String id() {
			return name().toLowerCase(Locale.ROOT);
		}

		public static Group fromId(String id) {
			return valueOf(id.trim().toUpperCase(Locale.ROOT));
		}
	}

	public CampaignMember {
		if (customerId == null || customerId.isBlank()) {
			throw new IllegalArgumentException("a campaign member needs a customer id");
		}
		if (group == null) {
			throw new IllegalArgumentException("member " + customerId + " needs a group");
		}
	}
}
