package io.custops.ui.internal.campaigns;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.custops.campaign.CampaignCreator;
import io.custops.campaign.Playbooks;
import io.custops.campaign.Target;
import io.custops.campaign.TargetListExport;
import io.custops.campaign.Targets;
import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.engine.Analyses;
import io.custops.engine.AnalysisInputException;
import io.custops.engine.CampaignPlan;
import io.custops.engine.FunnelAnalysis;
import io.custops.store.CampaignMember;
import io.custops.store.CampaignRecord;
import io.custops.store.PlaybookRecord;
import io.custops.store.PlaybookRun;
import io.custops.store.Workspace;
import io.custops.store.WorkspaceException;

/**
 * What the Campaigns part's campaign form holds and does, without SWT: the fields as text, the
 * target they make, the control group the power calculation asks for, and creating, editing
 * (until the campaign starts), deleting and exporting a campaign by the rules of
 * {@code ./custops campaign create} ({@link CampaignCreator}, {@link Targets}). Also the rows of
 * the Playbooks section.
 */
public final class CampaignFormModel {

	/** Where the target comes from. */
	public enum TargetKind {
		/** a label of a segmentation strategy: value {@code ID=LABEL[,LABEL]} */
		STRATEGY,
		/** a lifecycle stage: value {@code LABEL[,LABEL]} of the stages model */
		STAGE,
		/** manual tags: value {@code TAG[,TAG]} */
		TAG,
		/** a list file: value the path of a CSV with a customer_id column */
		FILE;

		/** The target spec for a value. */
		public String spec(String value) {
			String v = value == null ? "" : value.strip();
			return switch (this) {
			case STRATEGY -> "strategy:" + v;
			case STAGE -> "stage:" + v;
			case TAG -> "tag:" + v;
			case FILE -> "file:" + v;
			};
		}
	}

	/** A problem with one field, for the form to show beside it. */
	public record Problem(String field, String message) {
	}

	/** A row of the Playbooks section. */
	public record PlaybookRow(String id, String cron, String target, String lastRun, String lastStatus, String nextRun) {
	}

	public String id = "";
	public String name = "";
	public String start = "";
	public String end = "";
	public String cost = "0";
	public String margin = "1";
	public TargetKind targetKind = TargetKind.STRATEGY;
	public String targetValue = "";
	public String control = "10%";
	public String seed = "";
	/** The id of the campaign being edited, or null for a new one. */
	public String editing;

	/** Resets the form for a new campaign. */
	public void clear() {
		id = "";
		name = "";
		start = "";
		end = "";
		cost = "0";
		margin = "1";
		targetKind = TargetKind.STRATEGY;
		targetValue = "";
		control = "10%";
		seed = "";
		editing = null;
	}

	/** The target spec the fields make. */
	public String spec() {
		return targetKind.spec(targetValue);
	}

	/** Whether a campaign can still be edited: created from a target, and not started as of {@code today}. */
	public static boolean editable(CampaignRecord r, LocalDate today) {
		return r.target() != null && r.start().isAfter(today);
	}

	/**
	 * Loads a campaign into the form for editing.
	 *
	 * @throws AnalysisInputException when it has started or was imported
	 */
	public void edit(CampaignRecord r, LocalDate today) {
		if (!editable(r, today)) {
			throw new AnalysisInputException("campaign '" + r.id() + "' " + (r.target() == null
					? "was imported: only a campaign created from a target can be edited"
					: "started on " + r.start() + ": a campaign is edited only until it starts"));
		}
		editing = r.id();
		id = r.id();
		name = r.name();
		start = r.start().toString();
		end = r.end().toString();
		cost = r.cost().toPlainString();
		margin = r.margin().toPlainString();
		String t = r.target();
		if (t.startsWith("tag:")) {
			targetKind = TargetKind.TAG;
		} else if (t.startsWith("stage:")) {
			targetKind = TargetKind.STAGE;
		} else if (t.startsWith("file:")) {
			targetKind = TargetKind.FILE;
		} else {
			targetKind = TargetKind.STRATEGY;
		}
		targetValue = targetKind == TargetKind.STRATEGY && t.startsWith("strategy:") ? t.substring(9)
				: targetKind == TargetKind.STRATEGY ? t : t.substring(t.indexOf(':') + 1);
		control = r.controlShare() == null ? "" : r.controlShare().movePointRight(2).stripTrailingZeros().toPlainString()
				+ "%";
		seed = r.seed() == null ? "" : Long.toString(r.seed());
	}

	/** Every field that cannot be read, each named. */
	public List<Problem> problems() {
		List<Problem> out = new ArrayList<>();
		if (id.isBlank()) {
			out.add(new Problem("id", "a campaign needs an id"));
		}
		if (name.isBlank()) {
			out.add(new Problem("name", "a campaign needs a name"));
		}
		LocalDate s = date("start", start, out);
		LocalDate e = date("end", end, out);
		if (s != null && e != null && e.isBefore(s)) {
			out.add(new Problem("end", "the end " + e + " is before the start " + s));
		}
		BigDecimal c = decimal("cost", cost, out);
		if (c != null && (c.signum() < 0 || c.stripTrailingZeros().scale() > 2)) {
			out.add(new Problem("cost", "the cost " + cost.strip() + " is not an amount of zero or more with at most 2 decimals"));
		}
		BigDecimal m = ratio("margin", margin, out);
		if (m != null && (m.signum() < 0 || m.compareTo(BigDecimal.ONE) > 0)) {
			out.add(new Problem("margin", "the margin " + margin.strip() + " is not a ratio between 0 and 1 (0.35 or 35%)"));
		}
		if (!control.isBlank()) {
			BigDecimal share = ratio("control", control, out);
			if (share != null && (share.signum() < 0 || share.compareTo(BigDecimal.ONE) >= 0)) {
				out.add(new Problem("control", "the control share " + control.strip() + " is not between 0 and 100%"));
			}
		}
		if (!seed.isBlank()) {
			try {
				Long.parseLong(seed.strip());
			} catch (NumberFormatException x) {
				out.add(new Problem("seed", "'" + seed.strip() + "' is not a whole number"));
			}
		}
		if (targetValue.isBlank()) {
			out.add(new Problem("target", "choose a strategy label, a stage, a tag or a list file"));
		}
		return out;
	}

	private static LocalDate date(String field, String text, List<Problem> out) {
		try {
			return LocalDate.parse(text.strip());
		} catch (DateTimeParseException e) {
			out.add(new Problem(field, "'" + text.strip() + "' is not a date (yyyy-MM-dd)"));
			return null;
		}
	}

	private static BigDecimal decimal(String field, String text, List<Problem> out) {
		try {
			return new BigDecimal(text.strip());
		} catch (NumberFormatException e) {
			out.add(new Problem(field, "'" + text.strip() + "' is not a number"));
			return null;
		}
	}

	private static BigDecimal ratio(String field, String text, List<Problem> out) {
		String t = text.strip();
		try {
			BigDecimal v = t.endsWith("%") ? new BigDecimal(t.substring(0, t.length() - 1).strip()).movePointLeft(2)
					: new BigDecimal(t);
			v = v.stripTrailingZeros();
			return v.scale() < 0 ? v.setScale(0) : v;
		} catch (NumberFormatException e) {
			out.add(new Problem(field, "'" + t + "' is not a ratio such as 0.35 or 35%"));
			return null;
		}
	}

	private void requireValid() {
		List<Problem> problems = problems();
		if (!problems.isEmpty()) {
			throw new AnalysisInputException(problems.get(0).field() + ": " + problems.get(0).message());
		}
	}

	/** The target as the form gives it, as of the start. */
	public Target resolve(CustomerDataset data, Analyses analyses, FunnelAnalysis funnels) {
		requireValid();
		return Targets.resolve(spec(), Map.of(), data, LocalDate.parse(start.strip()), analyses, funnels,
				ProgressMonitor.NULL);
	}

	/**
	 * The power calculation of {@code campaign plan} for a target of {@code members}: the control
	 * group needed to detect {@code uplift} on {@code baselineRate}, or that it is too small.
	 */
	public static CampaignPlan plan(double baselineRate, double uplift, long members) {
		return CampaignPlan.of(baselineRate, uplift, 0.8, 0.05, members < 2 ? null : members);
	}

	/** The plan in one line, for the form. */
	public static String describePlan(CampaignPlan plan, boolean zh) {
		if (plan.targetMembers() == null) {
			return zh ? String.format("每组需 %d 人", plan.membersPerArm())
					: String.format("needs %d members per group", plan.membersPerArm());
		}
		if (Boolean.TRUE.equals(plan.detectable())) {
			String share = plan.controlShare().movePointRight(2).stripTrailingZeros().toPlainString();
			return zh ? String.format("目标 %d 人：对照组至少 %d 人（%s%%）", plan.targetMembers(), plan.controlMembers(), share)
					: String.format("target of %d: hold out at least %d (%s%%)", plan.targetMembers(), plan.controlMembers(),
							share);
		}
		return zh ? String.format("目标 %d 人太少：需要 %d 人；最小可检测提升 %s", plan.targetMembers(), 2 * plan.membersPerArm(),
				plan.minimumDetectableUplift().toPlainString())
				: String.format("target of %d is too small: needs %d; it can detect an uplift of %s or more",
						plan.targetMembers(), 2 * plan.membersPerArm(), plan.minimumDetectableUplift().toPlainString());
	}

	/**
	 * Creates the campaign (or, when editing, replaces the one being edited: the old one is put
	 * back if the new one cannot be stored).
	 */
	public CampaignRecord save(Workspace ws, CustomerDataset data, Analyses analyses, FunnelAnalysis funnels,
			LocalDate today) throws WorkspaceException {
		requireValid();
		Target target = resolve(data, analyses, funnels);
		List<Problem> none = new ArrayList<>();
		BigDecimal share = control.isBlank() ? null : ratio("control", control, none);
		CampaignCreator.Control split = new CampaignCreator.Control(share, null,
				seed.isBlank() ? null : Long.parseLong(seed.strip()));
		CampaignCreator.Draft draft = new CampaignCreator.Draft(id.strip(), name.strip(), LocalDate.parse(start.strip()),
				LocalDate.parse(end.strip()), new BigDecimal(cost.strip()).setScale(2), ratio("margin", margin, none),
				null, LocalDate.parse(start.strip()));
		if (editing == null) {
			return CampaignCreator.create(ws.campaigns(), data, draft, target, split).record();
		}
		CampaignRecord old = ws.campaigns().get(editing)
				.orElseThrow(() -> new AnalysisInputException("campaign '" + editing + "' is no longer in the workspace"));
		if (!editable(old, today)) {
			throw new AnalysisInputException("campaign '" + editing + "' started on " + old.start()
					+ ": a campaign is edited only until it starts");
		}
		if (!draft.id().equals(editing) && ws.campaigns().get(draft.id()).isPresent()) {
			throw new AnalysisInputException("campaign '" + draft.id() + "' exists already in the workspace");
		}
		List<CampaignMember> oldMembers = ws.campaigns().members(editing);
		ws.campaigns().delete(editing);
		try {
			CampaignRecord saved = CampaignCreator.create(ws.campaigns(), data, draft, target, split).record();
			editing = saved.id();
			return saved;
		} catch (RuntimeException | WorkspaceException e) {
			ws.campaigns().create(CampaignRecord.toCreate(old.id(), old.name(), old.start(), old.end(), old.cost(),
					old.margin(), old.description(), old.target(), old.targetParameters(), old.asOf(), old.controlShare(),
					old.seed()), oldMembers);
			throw e;
		}
	}

	/**
	 * Deletes a campaign.
	 *
	 * @throws AnalysisInputException for an unknown campaign
	 */
	public static void delete(Workspace ws, String campaignId) throws WorkspaceException {
		if (!ws.campaigns().delete(campaignId)) {
			throw new AnalysisInputException("no campaign '" + campaignId + "' in the workspace");
		}
	}

	/** Writes the treated members' list, masked, and records the export ({@link TargetListExport}). */
	public static TargetListExport.Result export(Workspace ws, CustomerDataset data, String campaignId, Path file)
			throws WorkspaceException, IOException {
		return TargetListExport.write(ws, data, campaignId, file, TargetListExport.Groups.TREATMENT, false);
	}

	/** The Playbooks section: each playbook with its last run and its next due time. */
	public static List<PlaybookRow> playbooks(Workspace ws, boolean zh) throws WorkspaceException {
		ZoneId zone = ws.zone();
		List<PlaybookRow> rows = new ArrayList<>();
		for (PlaybookRecord p : ws.playbooks().list()) {
			List<PlaybookRun> last = ws.playbooks().runs(p.id(), 1);
			String lastRun = last.isEmpty() ? "" : last.get(0).runDate() + (zh ? "（名单 " : " (")
					+ last.get(0).treatment() + (zh ? " 人）" : " listed)");
			Instant next = Playbooks.nextDue(p, zone).orElse(null);
			rows.add(new PlaybookRow(p.id(), p.cron(), p.target() + (p.onlyNew() ? (zh ? "（仅新客户）" : " (only new)") : ""),
					lastRun, last.isEmpty() ? "" : last.get(0).status(),
					next == null ? "" : next.atZone(zone).toLocalDateTime().toString().replace('T', ' ')));
		}
		return rows;
	}

}
