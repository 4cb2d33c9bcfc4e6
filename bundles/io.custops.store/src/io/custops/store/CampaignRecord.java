package io.custops.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A campaign held in the workspace: imported (kind {@code campaigns}) or created from a target
 * ({@code ./custops campaign create}). The store knows campaigns as records; the engine's
 * {@code Campaign} (customer indexes of a dataset) is made from one by the campaign bundle.
 *
 * @param start            first day of the attribution window (inclusive)
 * @param end              last day of the attribution window (inclusive)
 * @param cost             in the shop's currency, two decimals
 * @param margin           gross margin as a ratio in [0, 1]
 * @param segment          free text (imports), or the target of a created campaign
 * @param description      free text, or null
 * @param target           how the members of a created campaign were chosen ({@code strategy:rfm=at_risk},
 *                         {@code tag:vip-care}, {@code funnel:view,cart,order@3}, {@code file:list.csv});
 *                         null for an imported campaign
 * @param targetParameters the parameters of the target's analysis; empty when none
 * @param asOf             the date the target was evaluated as of, or null
 * @param controlShare     the share of the target held out as a control group (0.2), or null
 * @param seed             the seed of the random control split, or null
 * @param created          when the campaign was created by a command, or null (imported)
 * @param createdBy        who created it ({@code user@host}), or null
 * @param treatmentSize    members in the treatment group (0 when reading members is not asked for)
 * @param controlSize      members in the control group
 */
public record CampaignRecord(String id, String name, LocalDate start, LocalDate end, BigDecimal cost, BigDecimal margin,
		String segment, String description, String target, Map<String, String> targetParameters, LocalDate asOf,
		BigDecimal controlShare, Long seed, Instant created, String createdBy, long treatmentSize, long controlSize) {

	public CampaignRecord {
		targetParameters = targetParameters == null ? Map.of()
				: Collections.unmodifiableMap(new LinkedHashMap<>(targetParameters));
	}

	/**
	 * What {@link CampaignStore#create} needs: the campaign's figures and how its members were
	 * chosen; the store fills in the creation time, the creator and the sizes.
	 */
	public static CampaignRecord toCreate(String id, String name, LocalDate start, LocalDate end, BigDecimal cost,
			BigDecimal margin, String description, String target, Map<String, String> targetParameters,
			LocalDate asOf, BigDecimal controlShare, Long seed) {
		return new CampaignRecord(id, name, start, end, cost, margin, target, description, target, targetParameters,
				asOf, controlShare, seed, null, null, 0, 0);
	}

	/** {@code created} (by a command, from a target) or {@code imported}. */
	public String origin() {
		return target != null ? "created" : "imported";
	}

	public boolean hasControl() {
		return controlSize > 0;
	}
}
