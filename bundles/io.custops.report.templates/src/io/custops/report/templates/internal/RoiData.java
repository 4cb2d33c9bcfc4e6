package io.custops.report.templates.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.custops.campaign.CampaignLoader;
import io.custops.campaign.CampaignRois;
import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.core.param.ParameterException;
import io.custops.engine.CampaignRoi;
import io.custops.engine.RoiResult;
import io.custops.store.CampaignRecord;
import io.custops.store.CampaignStore;

/**
 * The data of the {@code roi} report, apart from its layout: which campaigns (all, or the one
 * named by {@code campaign}) of the caller's {@link CampaignStore}, each loaded by the campaign
 * bundle's {@link CampaignLoader} and measured by {@link CampaignRois} (the engine's
 * {@link CampaignRoi}, plus {@code breakdown=target}) exactly as {@code ./custops roi} does, and
 * the overall figures summed from the campaigns' own.
 */
final class RoiData {

	/** The engine's results, in campaign order, and the overall sums. */
	record Measured(List<RoiResult> results, Overall overall) {
	}

	/**
	 * Sums over the campaigns of their (rounded) figures; ROI = (Σ incremental profit − Σ cost) /
	 * Σ cost, four decimals half up, {@code null} when nothing was spent.
	 */
	record Overall(long treatmentSize, long controlSize, BigDecimal cost, BigDecimal treatmentRevenue,
			BigDecimal controlRevenue, BigDecimal incrementalRevenue, BigDecimal incrementalProfit,
			BigDecimal netReturn, BigDecimal roi) {
	}

	private RoiData() {
	}

	static Measured measure(CampaignStore store, CampaignRoi roi, CustomerDataset data, String campaignId,
			String breakdown, ProgressMonitor monitor) throws Exception {
		return measure(store, roi, data, null, campaignId, breakdown, monitor);
	}

	/** The same, on a source's orders when {@code source} is given (the dataset is then not read). */
	static Measured measure(CampaignStore store, CampaignRoi roi, CustomerDataset data,
			io.custops.engine.sql.SourceAnalyses source, String campaignId, String breakdown, ProgressMonitor monitor)
			throws Exception {
		List<CampaignRecord> campaigns = store.list();
		if (campaignId != null) {
			List<CampaignRecord> one = campaigns.stream().filter(c -> c.id().equals(campaignId)).toList();
			if (one.isEmpty()) {
				throw new ParameterException(RoiTemplate.CAMPAIGN, "no campaign '" + campaignId + "' in the workspace; its campaigns: "
						+ campaigns.stream().map(CampaignRecord::id).toList());
			}
			campaigns = one;
		}
		if (campaigns.isEmpty()) {
			throw new ParameterException(RoiTemplate.CAMPAIGN,
					"the workspace holds no campaign (import campaigns and campaign-members, or ./custops campaign create)");
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		if (breakdown != null) {
			parameters.put(CampaignRoi.BREAKDOWN, breakdown);
		}
		List<RoiResult> results = new ArrayList<>();
		for (CampaignRecord campaign : campaigns) {
			monitor.checkCanceled();
			results.add(source != null ? source.roi(campaign.id(), parameters)
					: CampaignRois.run(roi, data, CampaignLoader.toEngine(campaign, store.members(campaign.id()), data),
							parameters, monitor));
		}
		return new Measured(results, overall(results));
	}

	static Overall overall(List<RoiResult> results) {
		long treatment = 0, control = 0;
		BigDecimal cost = BigDecimal.ZERO, revenue = BigDecimal.ZERO, controlRevenue = BigDecimal.ZERO,
				incremental = BigDecimal.ZERO, profit = BigDecimal.ZERO;
		for (RoiResult r : results) {
			RoiResult.Figures f = r.total();
			treatment += f.treatmentSize();
			control += f.controlSize();
			cost = cost.add(f.cost());
			revenue = revenue.add(f.treatmentRevenue());
			controlRevenue = controlRevenue.add(f.controlRevenue() == null ? BigDecimal.ZERO : f.controlRevenue());
			incremental = incremental.add(f.incrementalRevenue());
			profit = profit.add(f.incrementalProfit());
		}
		BigDecimal net = profit.subtract(cost);
		BigDecimal roi = cost.signum() == 0 ? null : net.divide(cost, 4, RoundingMode.HALF_UP);
		return new Overall(treatment, control, cost.setScale(2), revenue.setScale(2), controlRevenue.setScale(2),
				incremental.setScale(2), profit.setScale(2, RoundingMode.HALF_UP), net.setScale(2, RoundingMode.HALF_UP), roi);
	}
}
