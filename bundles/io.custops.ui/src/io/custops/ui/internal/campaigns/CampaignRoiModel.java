package io.custops.ui.internal.campaigns;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.custops.campaign.CampaignLoader;
import io.custops.campaign.CampaignRois;
import io.custops.campaign.LoadedCampaign;
import io.custops.campaign.RoiWords;
import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.core.param.ParameterException;
import io.custops.engine.AnalysisInputException;
import io.custops.engine.CampaignRoi;
import io.custops.engine.RoiResult;
import io.custops.engine.RoiStatistics;
import io.custops.store.CampaignMember;
import io.custops.store.CampaignRecord;
import io.custops.store.CampaignStore;
import io.custops.store.WorkspaceException;

/**
 * What the Campaigns part measures and shows, without SWT: every campaign of the workspace loaded
 * by {@link CampaignLoader} and measured by {@link CampaignRois}, the one route of
 * {@code ./custops roi} and the roi report. A campaign the loader refuses (members who are not
 * customers, no members) is not measured: its row carries the loader's own message, the one the
 * command line prints. The texts of the figures and their uncertainty (intervals, p-value,
 * significance, "too few customers to tell") in English or Chinese.
 */
public final class CampaignRoiModel {

	/**
	 * One stored campaign: measured ({@code result} set) or refused ({@code rejected} says why, as
	 * {@code ./custops roi --campaign ID} does).
	 */
	public record Row(CampaignRecord record, LoadedCampaign loaded, RoiResult result, String rejected) {

		public boolean measured() {
			return result != null;
		}
	}

	private CampaignRoiModel() {
	}

	/** Every campaign of the store, in the store's order, measured over the dataset. */
	public static List<Row> measure(CampaignStore store, CampaignRoi roi, CustomerDataset data, ProgressMonitor monitor)
			throws WorkspaceException {
		List<Row> rows = new ArrayList<>();
		for (CampaignRecord record : store.list()) {
			monitor.checkCanceled();
			List<CampaignMember> members = store.members(record.id());
			try {
				LoadedCampaign loaded = CampaignLoader.toEngine(record, members, data);
				rows.add(new Row(record, loaded, CampaignRois.run(roi, data, loaded, Map.of(), monitor), null));
			} catch (AnalysisInputException | ParameterException e) {
				rows.add(new Row(record, null, null, e.getMessage()));
			}
		}
		return rows;
	}

	/**
	 * A measured campaign by segment: {@code key} is {@code target} (the segments recorded at
	 * creation), {@code strategy:ID}, {@code model:ID} or {@code attribute:NAME}, as
	 * {@code roi --param breakdown=…}.
	 */
	public static RoiResult breakdown(CampaignRoi roi, CustomerDataset data, Row row, String key,
			ProgressMonitor monitor) {
		if (!row.measured()) {
			throw new AnalysisInputException(row.rejected());
		}
		return CampaignRois.run(roi, data, row.loaded(), Map.of(CampaignRoi.BREAKDOWN, key), monitor);
	}

	// ------------------------------------------------------------------ texts

	/** A ratio (0.2500) as a percentage (25.00%), a dash for none; as the part's ROI column. */
	public static String percent(BigDecimal ratio) {
		return ratio == null ? "—" : ratio.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
	}

	/** An interval of ratios as percentages ({@code [-12.50%, 40.00%]}), a dash for none. */
	public static String percent(RoiStatistics.Interval interval) {
		return interval == null ? "—" : "[" + percent(interval.low()) + ", " + percent(interval.high()) + "]";
	}

	/** An interval of amounts ({@code [-120.50, 980.00]}), a dash for none. */
	public static String money(RoiStatistics.Interval interval) {
		return interval == null ? "—"
				: "[" + String.format("%,.2f", interval.low()) + ", " + String.format("%,.2f", interval.high()) + "]";
	}

	/** Welch's two-sided p-value of the incremental revenue ({@code p_value}), a dash for none. */
	public static String pValue(RoiResult.Figures f) {
		RoiStatistics.Result s = f.statistics();
		return s == null || s.pValue() == null ? "—" : s.pValue().toPlainString();
	}

	/** Whether the p-value is below alpha ({@code significant}): yes, no, or a dash when not known. */
	public static String significant(RoiResult.Figures f, boolean zh) {
		RoiStatistics.Result s = f.statistics();
		if (s == null || s.significant() == null) {
			return "—";
		}
		return s.significant() ? (zh ? "是" : "yes") : (zh ? "否" : "no");
	}

	/** The confidence level of the intervals ({@code 95 %}), from alpha. */
	public static String level(RoiResult.Figures f) {
		RoiStatistics.Result s = f.statistics();
		BigDecimal confidence = s == null ? BigDecimal.valueOf(0.95) : s.confidence();
		return confidence.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
	}

	/** The short note of a row: "too few customers to tell", "gross (no control group)" or empty. */
	public static String note(RoiResult.Figures f, boolean zh) {
		List<String> parts = new ArrayList<>();
		if (!f.incremental()) {
			parts.add(zh ? "总额（无对照组）" : "gross (no control group)");
		}
		if (f.tooFewToTell()) {
			parts.add(tooFew(zh));
		}
		return String.join(zh ? "；" : "; ", parts);
	}

	/** The words every "cannot be told from noise" warning begins with. */
	public static String tooFew(boolean zh) {
		return RoiWords.tooFew(zh);
	}

	/** The note of a campaign that was not measured. */
	public static String notMeasured(boolean zh) {
		return zh ? "未评估" : "not measured";
	}

	/** The engine's warnings of the figures (as {@code roi} prints them), in English or Chinese. */
	public static List<String> warnings(RoiResult.Figures f, boolean zh) {
		return f.warnings().stream().map(w -> RoiWords.warning(w, zh)).toList();
	}
}
