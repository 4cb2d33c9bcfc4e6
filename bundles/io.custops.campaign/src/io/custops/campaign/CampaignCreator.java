package io.custops.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.custops.core.data.CustomerDataset;
import io.custops.engine.AnalysisInputException;
import io.custops.engine.Campaign;
import io.custops.engine.ControlGroups;
import io.custops.store.CampaignMember;
import io.custops.store.CampaignRecord;
import io.custops.store.CampaignStore;
import io.custops.store.WorkspaceException;

/**
 * Creates a campaign from a resolved {@link Target}: holds out a random control group
 * ({@link ControlGroups}, seeded; the seed is recorded), and stores the campaign with its
 * members and the segment each was in.
 */
public final class CampaignCreator {

	/** What a campaign is, before it has members. */
	public record Draft(String id, String name, LocalDate start, LocalDate end, BigDecimal cost, BigDecimal margin,
			String description, LocalDate asOf) {
	}

	/**
	 * The control group: a share of the target ({@code 0.2}), or a number of customers, or none.
	 *
	 * @param seed the seed of the split; null for a fresh one
	 */
	public record Control(BigDecimal share, Integer size, Long seed) {

		public static Control none() {
			return new Control(null, null, null);
		}

		public boolean any() {
			return share != null && share.signum() > 0 || size != null && size > 0;
		}
	}

	/** The stored campaign and its groups (ascending dataset indexes). */
	public record Created(CampaignRecord record, Target target, int[] treatment, int[] control) {
	}

	private CampaignCreator() {
	}

	/**
	 * @throws AnalysisInputException naming the problem: an id already held, an end before the
	 *                                start, a negative cost, a margin outside [0, 1], a control
	 *                                group larger than the target (or taking all of it)
	 * @throws WorkspaceException     when the workspace cannot be written; nothing is stored
	 */
	public static Created create(CampaignStore store, CustomerDataset data, Draft draft, Target target,
			Control control) throws WorkspaceException {
		check(store, draft);
		int[] treatment = target.customers();
		int[] held = new int[0];
		BigDecimal share = null;
		Long seed = null;
		if (control.any()) {
			long s = control.seed() != null ? control.seed() : ControlGroups.newSeed();
			ControlGroups.Split split = control.share() != null ? ControlGroups.split(target.customers(),
					control.share(), s) : ControlGroups.split(target.customers(), control.size(), s);
			treatment = split.treatment();
			held = split.control();
			share = split.fraction().stripTrailingZeros();
			seed = s;
		}
		// the engine's checks of a campaign, before anything is stored
		new Campaign(draft.id(), draft.name(), draft.start(), draft.end(), draft.cost(), draft.margin(), treatment, held);
		List<CampaignMember> members = new ArrayList<>(treatment.length + held.length);
		for (int c : treatment) {
			members.add(new CampaignMember(data.customerId(c), CampaignMember.Group.TREATMENT, target.segmentOf(c)));
		}
		for (int c : held) {
			members.add(new CampaignMember(data.customerId(c), CampaignMember.Group.CONTROL, target.segmentOf(c)));
		}
		CampaignRecord record = CampaignRecord.toCreate(draft.id(), draft.name(), draft.start(), draft.end(),
				draft.cost(), draft.margin(), draft.description(), target.spec(), target.parameters(), draft.asOf(),
				share, seed);
		try {
			return new Created(store.create(record, members), target, treatment, held);
		} catch (IllegalArgumentException e) {
			throw new AnalysisInputException(e.getMessage());
		}
	}

	/** The checks that need no target: run them before resolving one. */
	public static void check(CampaignStore store, Draft draft) throws WorkspaceException {
		String what = "campaign '" + draft.id() + "'";
		if (draft.id() == null || draft.id().isBlank()) {
			throw new AnalysisInputException("a campaign needs an id");
		}
		if (draft.end().isBefore(draft.start())) {
			throw new AnalysisInputException(what + ": the end " + draft.end() + " is before the start " + draft.start());
		}
		if (draft.cost().signum() < 0 || draft.cost().stripTrailingZeros().scale() > 2) {
			throw new AnalysisInputException(what + ": the cost " + draft.cost().toPlainString()
					+ " is not an amount of zero or more with at most 2 decimals");
		}
		if (draft.margin().signum() < 0 || draft.margin().compareTo(BigDecimal.ONE) > 0) {
			throw new AnalysisInputException(what + ": the margin " + draft.margin().toPlainString()
					+ " is not a ratio between 0 and 1 (0.35 or 35%)");
		}
		if (store.get(draft.id()).isPresent()) {
			throw new AnalysisInputException(what + " exists already in the workspace");
		}
	}
}
