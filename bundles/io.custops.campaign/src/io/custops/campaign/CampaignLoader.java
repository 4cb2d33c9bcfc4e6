package io.custops.campaign;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.custops.core.data.CustomerDataset;
import io.custops.engine.AnalysisInputException;
import io.custops.engine.Campaign;
import io.custops.store.CampaignMember;
import io.custops.store.CampaignRecord;
import io.custops.store.CampaignStore;
import io.custops.store.WorkspaceException;

/**
 * The one way from a campaign held in the workspace (store records, customer ids) to the
 * engine's {@link Campaign} (customer indexes of a dataset): the command line's {@code roi} and
 * {@code campaign export}, and report templates, load campaigns through here.
 *
 * <pre>
 * try (Workspace ws = manager.open(dir)) {
 *     CustomerDataset data = ws.dataset();
 *     LoadedCampaign c = CampaignLoader.load(ws.campaigns(), "spring-sms", data);
 *     RoiResult roi = CampaignRois.run(campaignRoi, data, c, Map.of(), monitor);
 * }
 * </pre>
 */
public final class CampaignLoader {

	private CampaignLoader() {
	}

	/**
	 * Loads a campaign with its members over a dataset (of the same workspace).
	 *
	 * @throws AnalysisInputException naming the campaign when it is unknown, has no members or no
	 *                                treatment member, lists customers the dataset does not hold,
	 *                                or its record is invalid (an end before the start)
	 */
	public static LoadedCampaign load(CampaignStore store, String campaignId, CustomerDataset data)
			throws WorkspaceException {
		CampaignRecord record = store.get(campaignId).orElseThrow(() -> unknown(store, campaignId));
		return toEngine(record, store.members(campaignId), data);
	}

	private static AnalysisInputException unknown(CampaignStore store, String id) {
		List<String> ids;
		try {
			ids = store.list().stream().map(CampaignRecord::id).toList();
		} catch (WorkspaceException e) {
			ids = List.of();
		}
		return new AnalysisInputException("no campaign '" + id + "' in the workspace ("
				+ (ids.isEmpty() ? "it holds none; ./custops campaign create or import --kind campaigns"
						: "campaigns: " + (ids.size() > 20 ? String.join(", ", ids.subList(0, 20)) + ", …"
								: String.join(", ", ids)))
				+ ")");
	}

	/**
	 * Makes the engine's campaign from a record and its members: customer ids become indexes of
	 * the dataset.
	 *
	 * @throws AnalysisInputException as {@link #load}
	 */
	public static LoadedCampaign toEngine(CampaignRecord record, List<CampaignMember> members, CustomerDataset data) {
		String what = "campaign '" + record.id() + "'";
		if (members.isEmpty()) {
			throw new AnalysisInputException(what + " has no members (import them with ./custops import --kind"
					+ " campaign-members, or create the campaign from a target)");
		}
		List<int[]> groups = new ArrayList<>();
		List<String[]> segments = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		int unknown = 0;
		for (CampaignMember.Group group : CampaignMember.Group.values()) {
			List<CampaignMember> of = members.stream().filter(m -> m.group() == group).toList();
			int[] indexes = new int[of.size()];
			String[] segs = new String[of.size()];
			Integer[] order = new Integer[of.size()];
			for (int i = 0; i < of.size(); i++) {
				int c = data.indexOf(of.get(i).customerId());
				if (c < 0) {
					if (unknown++ < 5) {
						missing.add(of.get(i).customerId());
					}
				}
				indexes[i] = c;
				order[i] = i;
			}
			// ascending indexes, segments kept beside their members
			Arrays.sort(order, (a, b) -> Integer.compare(indexes[a], indexes[b]));
			int[] sorted = new int[indexes.length];
			for (int i = 0; i < order.length; i++) {
				sorted[i] = indexes[order[i]];
				segs[i] = of.get(order[i]).segment();
			}
			groups.add(sorted);
			segments.add(segs);
		}
		if (unknown > 0) {
			throw new AnalysisInputException(what + ": " + unknown + " member" + (unknown == 1 ? " is" : "s are")
					+ " not customers of the workspace (" + missing.stream().collect(Collectors.joining(", "))
					+ (unknown > missing.size() ? ", …" : "") + "): with no order or event they would count as"
					+ " members who bought nothing; import them as customers so that they do");
		}
		Campaign campaign = new Campaign(record.id(), record.name(), record.start(), record.end(), record.cost(),
				record.margin(), groups.get(0), groups.get(1));
		return new LoadedCampaign(record, campaign, segments.get(0), segments.get(1));
	}
}
