package io.custops.campaign;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.engine.Campaign;
import io.custops.engine.CampaignRoi;
import io.custops.engine.RoiResult;
import io.custops.engine.RoiResult.Figures;

/**
 * ROI of a loaded campaign through the engine's {@link CampaignRoi}, with one breakdown the
 * engine cannot make by itself: {@code breakdown=target}, by the segment each member was in
 * when the campaign was created (recorded with the members). Every other breakdown (an
 * attribute, a strategy or model classified as of the start) is the engine's.
 */
public final class CampaignRois {

	/** The breakdown by the segments recorded when the campaign was created. */
	public static final String TARGET = "target";

	/** The group of members without a recorded segment. */
	public static final String NONE = "(none)";

	private static final MathContext EXACT = MathContext.DECIMAL128;

	private CampaignRois() {
	}

	/**
	 * @param parameters the engine's ({@code breakdown}, {@code breakdown.<key>}), where
	 *                   {@code breakdown=target} means the recorded segments
	 * @throws io.custops.core.param.ParameterException for a bad parameter (named)
	 * @throws io.custops.engine.AnalysisInputException for members the dataset does not hold
	 */
	public static RoiResult run(CampaignRoi roi, CustomerDataset data, LoadedCampaign loaded,
			Map<String, String> parameters, ProgressMonitor monitor) {
		String breakdown = parameters.get(CampaignRoi.BREAKDOWN);
		if (breakdown == null || !breakdown.strip().equals(TARGET)) {
			return roi.run(data, loaded.campaign(), parameters, monitor);
		}
		for (String key : parameters.keySet()) {
			if (!key.equals(CampaignRoi.BREAKDOWN) && !key.equals(CampaignRoi.ALPHA)) {
				throw new io.custops.core.param.ParameterException(key,
						"breakdown=target (the segments recorded at creation) takes no other parameter");
			}
		}
		Campaign campaign = loaded.campaign();
		Map<String, String> alpha = parameters.containsKey(CampaignRoi.ALPHA)
				? Map.of(CampaignRoi.ALPHA, parameters.get(CampaignRoi.ALPHA))
				: Map.of();
		RoiResult total = roi.run(data, campaign, alpha, monitor);
		Map<String, List<Integer>> treated = group(campaign.treatment(), loaded.treatmentSegments());
		Map<String, List<Integer>> held = group(campaign.control(), loaded.controlSegments());
		List<String> names = new ArrayList<>(treated.keySet());
		held.keySet().stream().filter(k -> !treated.containsKey(k)).forEach(names::add);
		// as the engine orders groups that are not an analysis's labels: by treated members, then name; (none) last
		names.sort(Comparator.<String, Boolean>comparing(NONE::equals)
				.thenComparing(n -> -treated.getOrDefault(n, List.of()).size()).thenComparing(n -> n));
		long treatedTotal = campaign.treatment().length;
		List<RoiResult.Segment> segments = new ArrayList<>();
		for (String name : names) {
			int[] t = ints(treated.getOrDefault(name, List.of()));
			int[] c = ints(held.getOrDefault(name, List.of()));
			Figures figures;
			if (t.length > 0) {
				// the cost is shared by the number of treated members, unrounded (as the engine does)
				BigDecimal cost = campaign.cost().multiply(BigDecimal.valueOf(t.length))
						.divide(BigDecimal.valueOf(treatedTotal), EXACT);
				Campaign part = new Campaign(campaign.id(), campaign.name(), campaign.start(), campaign.end(), cost,
						campaign.margin(), t, c);
				figures = roi.run(data, part, alpha, monitor).total();
			} else {
				figures = controlOnly(roi, data, campaign, c, monitor);
			}
			segments.add(new RoiResult.Segment(name, figures));
		}
		Map<String, String> used = new LinkedHashMap<>(total.parameters());
		used.put(CampaignRoi.BREAKDOWN, TARGET);
		return new RoiResult(campaign.id(), campaign.name(), campaign.start(), campaign.end(), campaign.margin(),
				total.total(), TARGET, segments, used);
	}

	/**
	 * A segment whose members were all held out: nothing was spent on it and nothing is
	 * incremental; the control group's own revenue and response are still reported. These are
	 * the engine's figures for a group with no treated member.
	 */
	private static Figures controlOnly(CampaignRoi roi, CustomerDataset data, Campaign campaign, int[] control,
			ProgressMonitor monitor) {
		Campaign asTreated = new Campaign(campaign.id(), campaign.name(), campaign.start(), campaign.end(),
				BigDecimal.ZERO, campaign.margin(), control, new int[0]);
		Figures g = roi.run(data, asTreated, Map.of(), monitor).total();
		BigDecimal zero = BigDecimal.ZERO.setScale(2, RoundingMode.UNNECESSARY);
		return new Figures(true, 0, control.length, 0, g.treatmentResponders(), zero, g.treatmentRevenue(), null,
				g.treatmentRevenuePerMember(), zero, zero, zero, zero, null, null, g.treatmentResponseRate(), null,
				null);
	}

	private static Map<String, List<Integer>> group(int[] members, String[] segments) {
		Map<String, List<Integer>> groups = new TreeMap<>();
		for (int i = 0; i < members.length; i++) {
			String s = segments[i] == null ? NONE : segments[i];
			groups.computeIfAbsent(s, k -> new ArrayList<>()).add(members[i]);
		}
		return groups;
	}

	private static int[] ints(List<Integer> values) {
		return values.stream().mapToInt(Integer::intValue).toArray();
	}
}
