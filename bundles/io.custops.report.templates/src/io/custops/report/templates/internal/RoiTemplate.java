package io.custops.report.templates.internal;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.custops.core.LocalizedText;
import io.custops.core.param.ParameterException;
import io.custops.core.param.ParameterSpec;
import io.custops.core.param.ParameterType;
import io.custops.core.param.Parameters;
import io.custops.core.spi.ReportContext;
import io.custops.core.spi.ReportData;
import io.custops.core.spi.ReportTemplate;
import io.custops.campaign.CampaignRois;
import io.custops.campaign.RoiWords;
import io.custops.engine.Analyses;
import io.custops.engine.CampaignRoi;
import io.custops.engine.RoiResult;
import io.custops.engine.RoiStatistics;
import io.custops.store.CampaignStore;

/**
 * Strategy ROI: per campaign and overall, cost, revenue, incremental revenue against the control
 * group, ROI and response rates of treatment and control; ROI by segment; a chart of ROI per
 * campaign. Every figure is the engine's {@link CampaignRoi} result (docs/analyses.md), through
 * the campaign bundle as {@code ./custops roi} gets it; the campaigns come from the caller's
 * {@link CampaignStore} (the open workspace's), a report input.
 */
@Component(service = ReportTemplate.class)
public class RoiTemplate implements ReportTemplate {

	static final String CAMPAIGN = "campaign";
	static final String BREAKDOWN = "breakdown";
	/** The breakdown value that leaves the by-segment section out. */
	static final String NO_BREAKDOWN = "none";

	@Override
	public String id() {
		return "roi";
	}

	@Override
	public LocalizedText name() {
		return LocalizedText.of("Strategy ROI", "营销策略 ROI");
	}

	@Override
	public LocalizedText description() {
		return LocalizedText.of("Cost, revenue, incremental revenue and ROI per campaign and overall; response rates; ROI by segment",
				"各活动及总体的成本、收入、增量收入与 ROI；响应率；分群 ROI");
	}

	@Override
	public List<ParameterSpec> parameters() {
		return List.of(
				ParameterSpec.builder(CAMPAIGN, ParameterType.STRING).label("Campaign", "营销活动")
						.description("Id of one campaign; default: every campaign of the workspace",
								"单个活动的 id；默认为工作区中的全部活动")
						.build(),
				ParameterSpec.builder(BREAKDOWN, ParameterType.STRING).defaultValue("segment").label("ROI by", "ROI 细分依据")
						.description("A strategy or model (segment, tier, stage, any id), a customer attribute, target (the segments recorded"
								+ " when the campaign was created); none for no breakdown",
								"分群策略或生命周期模型（segment、tier、stage 或任意 id）、客户属性、target（创建活动时记录的分群）；none 表示不细分")
						.build());
	}

	@Override
	public URL design() {
		return getClass().getResource("/designs/roi.rptdesign");
	}

	@Override
	public ReportData prepare(ReportContext context) throws Exception {
		Locale locale = context.locale();
		Parameters p = context.parameters();
		CampaignStore store = context.input(CampaignStore.class).orElseThrow(() -> new IllegalStateException(
				"the roi report needs the workspace's campaigns: render it on a workspace (./custops report)"));
		String breakdown = p.string(BREAKDOWN);
		boolean bySegment = !NO_BREAKDOWN.equalsIgnoreCase(breakdown);
		RoiData.Measured measured;
		Map<String, String> segmentTexts;
		try (EngineServices engine = new EngineServices()) {
			java.util.Optional<io.custops.engine.sql.SourceAnalyses> source = context
					.input(io.custops.engine.sql.SourceAnalyses.class);
			measured = RoiData.measure(store, engine.get(CampaignRoi.class),
					source.isPresent() ? null : context.dataset(), source.orElse(null), p.has(CAMPAIGN) ? p.string(CAMPAIGN) : null, bySegment ? breakdown : null, context.monitor());
			segmentTexts = bySegment ? Labels.texts(engine.get(Analyses.class), breakdown, locale) : Map.of();
		}

		List<Object[]> campaigns = new ArrayList<>();
		List<Object[]> chart = new ArrayList<>();
		List<Object[]> segments = new ArrayList<>();
		List<String> uncertain = new ArrayList<>();
		boolean anyGross = false;
		boolean zh = Templates.zh(locale);
		for (RoiResult r : measured.results()) {
			RoiResult.Figures f = r.total();
			RoiStatistics.Result s = f.statistics();
			anyGross |= r.gross();
			campaigns.add(new Object[] { r.campaign(), r.name(), r.start() + " – " + r.end(), f.treatmentSize(),
					f.controlSize(), f.cost(), f.treatmentRevenue(), f.controlRevenue(), f.incrementalRevenue(), f.roi(),
					f.treatmentResponseRate(), f.controlResponseRate(), f.uplift(),
					r.gross() ? Templates.t(locale, "gross", "总额") : Templates.t(locale, "incremental", "增量"),
					interval(s == null ? null : s.uplift()), interval(s == null ? null : s.roi()),
					s == null ? null : s.pValue(),
					s == null || s.significant() == null ? "—"
							: s.significant() ? Templates.t(locale, "yes", "是") : Templates.t(locale, "no", "否"),
					f.tooFewToTell() ? RoiWords.tooFew(zh) : "" });
			if (!f.warnings().isEmpty()) {
				uncertain.add(r.campaign() + ": "
						+ String.join("; ", f.warnings().stream().map(w -> RoiWords.warning(w, zh)).toList()));
			}
			if (f.roi() != null) {
				chart.add(new Object[] { r.campaign(), f.roi() });
			}
			for (RoiResult.Segment seg : r.segments()) {
				RoiResult.Figures g = seg.figures();
				segments.add(new Object[] { r.campaign(), segmentTexts.getOrDefault(seg.segment(), seg.segment()),
						g.treatmentSize(), g.controlSize(), g.cost(), g.incrementalRevenue(), g.roi(),
						g.treatmentResponseRate(), g.controlResponseRate() });
			}
		}
		java.util.Collections.reverse(chart); // a horizontal bar chart draws its first row at the bottom
		RoiData.Overall o = measured.overall();
		String scope = measured.results().size() == 1 ? measured.results().get(0).campaign()
				: Templates.t(locale, measured.results().size() + " campaigns", measured.results().size() + " 个活动");
		return new ReportData()
				.table("campaigns", new ReportData.Table(List.of("campaign", "name", "window", "treated", "control", "cost",
						"revenue", "control_revenue", "incremental_revenue", "roi", "response_t", "response_c", "uplift",
						"basis", "uplift_ci", "roi_ci", "p_value", "significant", "note"), campaigns))
				.table("roi_chart", new ReportData.Table(List.of("campaign", "roi"), chart))
				.table("segments", new ReportData.Table(List.of("campaign", "segment", "treated", "control", "cost",
						"incremental_revenue", "roi", "response_t", "response_c"), segments))
				.value("title", Templates.t(locale, "Strategy ROI", "营销策略 ROI"))
				.value("subtitle", Templates.t(locale,
						"Report date " + context.today() + " · " + scope + " · incremental against each campaign's control group",
						"报表日期 " + context.today() + " · " + scope + " · 增量以各活动的对照组为基准"))
				.value("h_overall", Templates.t(locale, "Overall", "总体"))
				.value("overall", Templates.t(locale,
						"Cost " + Templates.amount(o.cost()) + " · treatment revenue " + Templates.amount(o.treatmentRevenue())
								+ " · incremental revenue " + Templates.amount(o.incrementalRevenue())
								+ " · incremental profit " + Templates.amount(o.incrementalProfit()) + " · net return "
								+ Templates.amount(o.netReturn()) + " · ROI " + Templates.percent(o.roi()),
						"成本 " + Templates.amount(o.cost()) + " · 实验组收入 " + Templates.amount(o.treatmentRevenue())
								+ " · 增量收入 " + Templates.amount(o.incrementalRevenue()) + " · 增量利润 "
								+ Templates.amount(o.incrementalProfit()) + " · 净回报 " + Templates.amount(o.netReturn())
								+ " · ROI " + Templates.percent(o.roi())))
				.value("overall_members", Templates.t(locale,
						Templates.count(locale, o.treatmentSize()) + " treated and " + Templates.count(locale, o.controlSize())
								+ " control members; ROI = (incremental profit − cost) / cost, summed over the campaigns.",
						"实验组 " + Templates.count(locale, o.treatmentSize()) + " 人，对照组 " + Templates.count(locale, o.controlSize())
								+ " 人；ROI =（增量利润 − 成本）/ 成本，按各活动合计。"))
				.value("h_chart", Templates.t(locale, "ROI per campaign", "各活动 ROI"))
				.value("has_chart", !chart.isEmpty())
				.value("chart_note", chart.isEmpty()
						? Templates.t(locale, "No campaign had a cost, so no ROI can be drawn.", "没有活动有成本，无法绘制 ROI。")
						: Templates.t(locale, "ROI as a ratio (1.0 = 100 %); campaigns without cost are left out.",
								"ROI 为比值（1.0 = 100%）；无成本的活动不绘制。"))
				.value("h_campaigns", Templates.t(locale, "Campaigns", "营销活动"))
				.value("gross_note", anyGross
						? Templates.t(locale, "Campaigns marked gross have no control group: their revenue and ROI are gross, not incremental.",
								"标为“总额”的活动没有对照组：其收入与 ROI 为总额而非增量。")
						: Templates.t(locale, "Every campaign has a control group: revenue and ROI are incremental.",
								"每个活动都有对照组：收入与 ROI 均为增量。"))
				.value("h_response", Templates.t(locale, "Response rates: treatment vs control", "响应率：实验组与对照组"))
				.value("h_uncertainty", Templates.t(locale, "How sure the figures are", "数字的可信程度"))
				.value("uncertainty_note", uncertain.isEmpty()
						? Templates.t(locale, "95 % intervals (uplift: Newcombe; ROI from incremental revenue by Welch's t); "
								+ "p-value: Welch's t test of the revenue per member. Every campaign can be told from noise.",
								"95% 区间（响应提升：Newcombe；ROI 由增量收入的 Welch t 区间得出）；p 值：人均收入的 Welch t 检验。"
										+ "每个活动的结果都可与随机波动区分。")
						: Templates.t(locale, "95 % intervals (uplift: Newcombe; ROI from incremental revenue by Welch's t); "
								+ "p-value: Welch's t test of the revenue per member. ",
								"95% 区间（响应提升：Newcombe；ROI 由增量收入的 Welch t 区间得出）；p 值：人均收入的 Welch t 检验。")
								+ String.join(" · ", uncertain))
				.value("h_segments", CampaignRois.TARGET.equals(breakdown.strip())
						? Templates.t(locale, "ROI by segment (the segments recorded when each campaign was created)",
								"分群 ROI（按各活动创建时记录的分群）")
						: Templates.t(locale, "ROI by segment (" + breakdown + ", as of each campaign's start)",
								"分群 ROI（" + breakdown + "，按各活动开始日的分群）"))
				.value("has_segments", !segments.isEmpty())
				.value("col_campaign", Templates.t(locale, "Campaign", "活动"))
				.value("col_name", Templates.t(locale, "Name", "名称"))
				.value("col_window", Templates.t(locale, "Window", "归因期"))
				.value("col_treated", Templates.t(locale, "Treated", "实验组"))
				.value("col_control", Templates.t(locale, "Control", "对照组"))
				.value("col_cost", Templates.t(locale, "Cost", "成本"))
				.value("col_revenue", Templates.t(locale, "Revenue", "收入"))
				.value("col_control_revenue", Templates.t(locale, "Control revenue", "对照组收入"))
				.value("col_incremental", Templates.t(locale, "Incremental revenue", "增量收入"))
				.value("col_roi", "ROI")
				.value("col_response_t", Templates.t(locale, "Response (treated)", "响应率（实验组）"))
				.value("col_response_c", Templates.t(locale, "Response (control)", "响应率（对照组）"))
				.value("col_uplift", Templates.t(locale, "Uplift", "提升"))
				.value("col_basis", Templates.t(locale, "Basis", "口径"))
				.value("col_segment", Templates.t(locale, "Segment", "分群"))
				.value("col_uplift_ci", Templates.t(locale, "Uplift 95% CI", "提升 95% 区间"))
				.value("col_roi_ci", Templates.t(locale, "ROI 95% CI", "ROI 95% 区间"))
				.value("col_p_value", Templates.t(locale, "p-value", "p 值"))
				.value("col_significant", Templates.t(locale, "Significant", "显著"))
				.value("col_note", Templates.t(locale, "Note", "说明"))
				.value("total_cost", o.cost())
				.value("total_incremental_revenue", o.incrementalRevenue())
				.value("total_roi", o.roi() == null ? "" : o.roi().toPlainString());
	}

	/** An interval of ratios as percentages, {@code [-12.50%, 40.00%]}; a dash for none. */
	static String interval(RoiStatistics.Interval interval) {
		return interval == null ? "—"
				: "[" + Templates.percent(interval.low()) + ", " + Templates.percent(interval.high()) + "]";
	}
}
