package io.custops.campaign;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.custops.campaign.internal.TargetExpression;
import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.engine.Analyses;
import io.custops.engine.AnalysisInputException;
import io.custops.engine.CampaignRoi;
import io.custops.engine.FunnelAnalysis;
import io.custops.engine.RoiResult;
import io.custops.report.schedule.CronSchedule;
import io.custops.report.schedule.MissedRuns;
import io.custops.report.schedule.RunStatus;
import io.custops.report.schedule.ScheduleRun;
import io.custops.store.CampaignMember;
import io.custops.store.PlaybookRecord;
import io.custops.store.PlaybookRun;
import io.custops.store.Workspace;
import io.custops.store.WorkspaceException;

/**
 * Playbooks: target lists that make themselves (docs/campaigns.md). A playbook is a target on a
 * cron schedule; the report scheduler runs it with the schedules (its claims, missed-run policy
 * and clock: {@code ./custops schedule run-due}, the daemon, the workbench), and every run:
 * <ol>
 * <li>resolves the target as of the run's date (the due time's date in the workspace's zone);</li>
 * <li>with {@code onlyNew}, leaves out the members (either group) of earlier runs' campaigns;</li>
 * <li>holds out a control group seeded from the playbook's seed and the run date, and records the
 * campaign {@code ID-yyyy-MM-dd} (window: the run date and {@code days − 1} days after it; cost:
 * the cost per member × treated members) with its members;</li>
 * <li>writes the treatment list, masked, to {@code OUT/ID-yyyy-MM-dd.csv} (or .xlsx) through a
 * temporary file; when that fails the campaign is deleted again, so a failed run leaves neither.</li>
 * </ol>
 */
public final class Playbooks {

	/** The scheduler's job kind: runs are reported as schedule {@code playbook:ID}. */
	public static final String KIND = "playbook";

	/** A run and its campaign's ROI (null when it recorded no campaign or the ROI could not be measured). */
	public record RunRoi(PlaybookRun run, RoiResult.Figures figures, String roiError) {
	}

	/** A playbook's history: runs newest first, and the total over the measured ones. */
	public record History(List<RunRoi> runs, BigDecimal incrementalProfit, BigDecimal cost, BigDecimal roi) {
	}

	private Playbooks() {
	}

	/**
	 * Checks a definition before it is stored.
	 *
	 * @throws AnalysisInputException naming what is wrong: the target's syntax (with its
	 *                                position), the control share, cost, margin, days, folder or format
	 * @throws io.custops.report.schedule.ScheduleException for a bad cron expression
	 */
	public static void check(PlaybookRecord p) {
		String what = "playbook '" + p.id() + "'";
		CronSchedule.parse(p.cron());
		if (p.target() == null || p.target().isBlank()) {
			throw new AnalysisInputException(what + " needs a target (--target SPEC)");
		}
		TargetExpression.parse(p.target().strip());
		if (p.controlShare() != null && (p.controlShare().signum() < 0 || p.controlShare().compareTo(BigDecimal.ONE) >= 0)) {
			throw new AnalysisInputException(what + ": the control share " + p.controlShare().toPlainString()
					+ " is not a ratio from 0 up to (not including) 1, such as 10% or 0.1");
		}
		if (p.costPerMember() == null || p.costPerMember().signum() < 0 || p.costPerMember().stripTrailingZeros().scale() > 2) {
			throw new AnalysisInputException(what + ": the cost per member " + p.costPerMember()
					+ " is not an amount of zero or more with at most 2 decimals");
		}
		if (p.margin() == null || p.margin().signum() < 0 || p.margin().compareTo(BigDecimal.ONE) > 0) {
			throw new AnalysisInputException(what + ": the margin " + p.margin() + " is not a ratio between 0 and 1");
		}
		if (p.days() < 1 || p.days() > 3660) {
			throw new AnalysisInputException(what + ": days=" + p.days() + " is not a campaign window of 1 to 3660 days");
		}
		if (p.out() == null || !Path.of(p.out()).isAbsolute()) {
			throw new AnalysisInputException(what + ": the folder " + p.out() + " is not an absolute path");
		}
		if (!List.of("csv", "xlsx").contains(p.format())) {
			throw new AnalysisInputException(what + ": the format '" + p.format() + "' is not csv or xlsx");
		}
		MissedRuns.of(p.missed());
	}

	/** Stores a checked playbook; its first due time is the first after {@code since}. */
	public static PlaybookRecord add(Workspace ws, PlaybookRecord p, Instant since) throws WorkspaceException {
		check(p);
		try {
			return ws.playbooks().add(p, since);
		} catch (IllegalArgumentException e) {
			throw new AnalysisInputException(e.getMessage());
		}
	}

	/** The next due time after the last one dealt with. */
	public static Optional<Instant> nextDue(PlaybookRecord p, ZoneId zone) {
		if (p.lastDue() == null) {
			return Optional.empty();
		}
		return CronSchedule.parse(p.cron()).next(p.lastDue().atZone(zone)).map(ZonedDateTime::toInstant);
	}

	/** The campaign a run on a date records. */
	public static String campaignId(String playbookId, LocalDate runDate) {
		return playbookId + "-" + runDate;
	}

	/** The control split's seed of a run: the playbook's seed mixed with the run date (reproducible). */
	public static long runSeed(long seed, LocalDate runDate) {
		long z = seed + runDate.toEpochDay() * 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	/**
	 * Runs a playbook (the caller holds its claim) and records the run; a failure is recorded and
	 * returned as a failed run, never thrown, and leaves no campaign and no list behind.
	 *
	 * @param due  the due time, or null for a run by hand
	 * @param when the time the run is for: its date is the run date
	 */
	public static ScheduleRun run(Workspace ws, Analyses analyses, FunnelAnalysis funnels, String id, Instant due,
			Instant when, String trigger) throws WorkspaceException {
		PlaybookRecord p = ws.playbooks().get(id)
				.orElseThrow(() -> new AnalysisInputException("no playbook '" + id + "' in the workspace"));
		LocalDate runDate = when.atZone(ws.zone()).toLocalDate();
		Instant started = Instant.now();
		long t0 = System.nanoTime();
		PlaybookRun run = new PlaybookRun(0, id, runDate, due, started, -1, RunStatus.RUNNING.id(), trigger, null, 0, 0, 0,
				0, null, null);
		long runId = ws.playbooks().startRun(run);
		String campaignId = campaignId(id, runDate);
		String status = RunStatus.OK.id();
		String error = null;
		String note = null;
		long targeted = 0;
		long excluded = 0;
		long treatment = 0;
		long control = 0;
		String file = null;
		String recorded = null;
		try {
			if (ws.campaigns().get(campaignId).isPresent()) {
				throw new AnalysisInputException("campaign '" + campaignId + "' exists already: the playbook ran for "
						+ runDate + " before (remove that campaign to run it again)");
			}
			CustomerDataset data = ws.dataset();
			Target all = Targets.select(p.target(), p.targetParameters(), data, runDate, analyses, funnels,
					ProgressMonitor.NULL);
			targeted = all.size();
			Target target = all;
			if (p.onlyNew()) {
				Set<String> before = earlierMembers(ws, id);
				int[] keep = new int[all.size()];
				String[] segments = new String[all.size()];
				int k = 0;
				for (int i = 0; i < all.size(); i++) {
					if (!before.contains(data.customerId(all.customers()[i]))) {
						keep[k] = all.customers()[i];
						segments[k++] = all.segments()[i];
					}
				}
				excluded = all.size() - k;
				target = new Target(all.spec(), all.parameters(), java.util.Arrays.copyOf(keep, k),
						java.util.Arrays.copyOf(segments, k), all.description() + ", new since earlier runs");
			}
			if (target.size() == 0) {
				note = targeted == 0 ? "the target selects no customer as of " + runDate + ": no campaign, no list"
						: "no new customer: all " + targeted + " were targeted by earlier runs; no campaign, no list";
			} else {
				CampaignCreator.Control split = CampaignCreator.Control.none();
				if (p.controlShare() != null && p.controlShare().signum() > 0) {
					if (target.size() < 2) {
						note = "1 customer: too few to hold out a control group; ROI of this run is gross";
					} else {
						split = new CampaignCreator.Control(p.controlShare(), null, runSeed(p.seed(), runDate));
					}
				}
				// the cost follows the treated members, known only after the split: the split is made first
				int treated = target.size();
				if (split.any()) {
					treated = io.custops.engine.ControlGroups.split(target.customers(), split.share(), split.seed())
							.treatment().length;
				}
				BigDecimal cost = p.costPerMember().multiply(BigDecimal.valueOf(treated)).setScale(2, RoundingMode.HALF_UP);
				CampaignCreator.Draft draft = new CampaignCreator.Draft(campaignId, "Playbook " + id + ", " + runDate,
						runDate, runDate.plusDays(p.days() - 1L), cost, p.margin(),
						"playbook " + id + " (" + trigger + "), target " + p.target(), runDate);
				CampaignCreator.Created created = CampaignCreator.create(ws.campaigns(), data, draft, target, split);
				recorded = campaignId;
				treatment = created.treatment().length;
				control = created.control().length;
				Path out = Path.of(p.out(), campaignId + "." + p.format());
				try {
					TargetListExport.Result written = TargetListExport.write(ws, data, campaignId, out,
							TargetListExport.Groups.TREATMENT, false);
					file = written.file().toString();
				} catch (IOException | RuntimeException e) {
					// no campaign without its list: the SMS tool never got it
					ws.campaigns().delete(campaignId);
					recorded = null;
					treatment = 0;
					control = 0;
					throw e instanceof IOException io ? new AnalysisInputException("cannot write the list " + out + ": "
							+ (io.getMessage() == null ? io.toString() : io.getMessage())) : e;
				}
			}
		} catch (Exception | LinkageError | StackOverflowError | OutOfMemoryError e) {
			status = RunStatus.FAILED.id();
			error = e.getMessage() == null || e.getMessage().isBlank() ? e.toString() : e.getMessage();
			if (e instanceof java.nio.file.FileSystemException fs) {
				error = "cannot write " + fs.getFile() + ": " + (fs.getReason() == null ? fs.toString() : fs.getReason());
			}
		}
		long millis = (System.nanoTime() - t0) / 1_000_000;
		PlaybookRun done = new PlaybookRun(runId, id, runDate, due, started, millis, status, trigger, recorded, targeted,
				excluded, treatment, control, file, error != null ? error : note);
		ws.playbooks().finishRun(done);
		return scheduleRun(done, error);
	}

	/** A playbook run as the scheduler reports runs. */
	public static ScheduleRun scheduleRun(PlaybookRun r, String error) {
		return new ScheduleRun(r.runId(), KIND + ":" + r.playbookId(), KIND, r.due(), r.started(), r.durationMillis(),
				RunStatus.of(r.status()), r.trigger(), r.file() == null ? List.of() : List.of(r.file()),
				error != null ? error : r.note(), false);
	}

	/** Customers in the campaigns of the playbook's earlier runs, either group. */
	private static Set<String> earlierMembers(Workspace ws, String id) throws WorkspaceException {
		Set<String> ids = new HashSet<>();
		for (PlaybookRun r : ws.playbooks().runs(id, 0)) {
			if (r.campaignId() != null) {
				for (CampaignMember m : ws.campaigns().members(r.campaignId())) {
					ids.add(m.customerId());
				}
			}
		}
		return ids;
	}

	/**
	 * The playbook's runs with each campaign's ROI ({@link CampaignRois}), and in total: the sum of
	 * incremental gross profit and of cost over the runs measured, ROI = (profit − cost) / cost.
	 */
	public static History history(Workspace ws, CampaignRoi roi, String id, int limit) throws WorkspaceException {
		List<PlaybookRun> runs = ws.playbooks().runs(id, limit);
		CustomerDataset data = ws.dataset();
		List<RunRoi> out = new ArrayList<>();
		BigDecimal profit = BigDecimal.ZERO;
		BigDecimal cost = BigDecimal.ZERO;
		boolean any = false;
		for (PlaybookRun r : runs) {
			if (r.campaignId() == null || ws.campaigns().get(r.campaignId()).isEmpty()) {
				out.add(new RunRoi(r, null, r.campaignId() == null ? null : "campaign " + r.campaignId() + " was removed"));
				continue;
			}
			try {
				LoadedCampaign loaded = CampaignLoader.load(ws.campaigns(), r.campaignId(), data);
				RoiResult.Figures f = CampaignRois.run(roi, data, loaded, Map.of(), ProgressMonitor.NULL).total();
				out.add(new RunRoi(r, f, null));
				if (f.incrementalProfit() != null && f.cost() != null) {
					profit = profit.add(f.incrementalProfit());
					cost = cost.add(f.cost());
					any = true;
				}
			} catch (RuntimeException e) {
				out.add(new RunRoi(r, null, e.getMessage()));
			}
		}
		BigDecimal total = any && cost.signum() > 0
				? profit.subtract(cost).divide(cost, 4, RoundingMode.HALF_UP)
				: null;
		return new History(out, any ? profit : null, any ? cost : null, total);
	}

	/** {@code 10%} or {@code 0.1} as a ratio; null for null. */
	public static BigDecimal ratio(String what, String text) {
		if (text == null) {
			return null;
		}
		String t = text.strip();
		try {
			BigDecimal v = t.endsWith("%") ? new BigDecimal(t.substring(0, t.length() - 1).strip()).movePointLeft(2)
					: new BigDecimal(t);
			v = v.stripTrailingZeros();
			return v.scale() < 0 ? v.setScale(0) : v;
		} catch (NumberFormatException e) {
			throw new AnalysisInputException(what + " '" + text + "' is not a ratio such as 0.1 or 10%");
		}
	}
}
