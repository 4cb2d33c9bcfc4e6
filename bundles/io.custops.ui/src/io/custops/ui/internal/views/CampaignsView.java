package io.custops.ui.internal.views;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;

import io.custops.campaign.CampaignRois;
import io.custops.core.data.CustomerDataset;
import io.custops.core.spi.ServiceKind;
import io.custops.engine.CampaignRoi;
import io.custops.engine.RoiResult;
import io.custops.engine.ServiceEntry;
import io.custops.store.Workspace;
import io.custops.ui.charts.BarChart;
import io.custops.ui.charts.Series;
import io.custops.ui.internal.campaigns.CampaignRoiModel;
import io.custops.ui.internal.session.ViewContext;

/**
 * The Campaigns part: every campaign of the workspace with what it returned (revenue of the
 * treated and the held-out members in its window, incremental revenue, cost, ROI, uplift, their
 * 95 % intervals, p-value and significance) as a table and a chart; a campaign's figures by
 * segment (the segments recorded at its creation, or any strategy, model or attribute as of its
 * start); its target list exported masked and audited (the form's export, {@code ./custops campaign
 * export}'s rules). The figures are those of {@code ./custops roi}
 * ({@link CampaignRoiModel}); a campaign that command refuses is listed with its reason.
 */
public final class CampaignsView extends View {

	private final Table campaigns;
	private final BarChart roiChart;
	private final Combo breakdown;
	private final Table segments;
	private final BarChart segmentChart;
	private final Label summary;
	private final Label warnings;
	private final CampaignEditor editor;
	private final List<String> breakdownKeys = new ArrayList<>();
	private List<CampaignRoiModel.Row> rows = List.of();
	private RoiResult lastBreakdown;

	public CampaignsView(Composite parent, ViewContext ctx) {
		super(parent, ctx);
		summary = new Label(root, SWT.WRAP);
		summary.setLayoutData(Tables.fillH());
		SashForm sash = new SashForm(root, SWT.VERTICAL);
		sash.setLayoutData(Tables.fill());
		Composite top = new Composite(sash, SWT.NONE);
		GridLayout topLayout = new GridLayout(1, false);
		topLayout.marginWidth = 0;
		topLayout.marginHeight = 0;
		top.setLayout(topLayout);
		SashForm upper = new SashForm(top, SWT.HORIZONTAL);
		upper.setLayoutData(Tables.fill());
		campaigns = Tables.table(upper, SWT.SINGLE, ctx.zh()
				? new String[] { "活动", "窗口", "实验组", "对照组", "实验组收入", "增量收入", "成本", "ROI", "ROI 95% 区间",
						"响应提升", "提升 95% 区间", "p 值", "显著", "净回报", "说明" }
				: new String[] { "Campaign", "Window", "Treated", "Control", "Treated revenue", "Incremental", "Cost", "ROI",
						"ROI 95% CI", "Uplift", "Uplift 95% CI", "p-value", "Significant", "Net return", "Note" },
				new int[] { 170, 160, 65, 65, 105, 100, 85, 70, 150, 70, 140, 70, 75, 95, 200 }, "LLRRRRRRRRRRLRL");
		roiChart = new BarChart(upper, SWT.NONE, ctx.locale());
		roiChart.setHorizontal(true);
		roiChart.setTitle(t("ROI per campaign (incremental, against the control group)", "各活动 ROI（相对对照组的增量）"));
		roiChart.setAxisTitles("ROI %", "");
		roiChart.setBarLabels((s, c, v) -> String.format("%.0f%%", v));
		upper.setWeights(65, 35);
		warnings = new Label(top, SWT.WRAP);
		warnings.setLayoutData(Tables.fillH());
		Composite lower = new Composite(sash, SWT.NONE);
		lower.setLayout(new GridLayout(5, false));
		new Label(lower, SWT.NONE).setText(t("Selected campaign by", "所选活动按"));
		breakdown = new Combo(lower, SWT.READ_ONLY);
		Button byButton = new Button(lower, SWT.PUSH);
		byButton.setText(t("Break down", "细分"));
		byButton.addListener(SWT.Selection, e -> computeBreakdown());
		Button export = new Button(lower, SWT.PUSH);
		export.setText(t("Export target list…", "导出目标名单…"));
		// the one export of target lists: masked and recorded in the audit log, as ./custops campaign export
		export.addListener(SWT.Selection, e -> exportTargets());
		Label note = new Label(lower, SWT.WRAP);
		note.setText(t("Campaigns come from imports, ./custops campaign create, playbooks and the form below.",
				"活动来自导入、./custops campaign create、自动化剧本和下方表单。"));
		SashForm bottom = new SashForm(lower, SWT.HORIZONTAL);
		bottom.setLayoutData(new org.eclipse.swt.layout.GridData(SWT.FILL, SWT.FILL, true, true, 5, 1));
		segments = Tables.table(bottom, SWT.SINGLE, ctx.zh()
				? new String[] { "客群", "实验组", "对照组", "增量收入", "分摊成本", "ROI", "ROI 95% 区间", "响应提升", "说明" }
				: new String[] { "Segment", "Treated", "Control", "Incremental", "Cost share", "ROI", "ROI 95% CI", "Uplift",
						"Note" },
				new int[] { 150, 65, 65, 95, 85, 70, 150, 70, 170 }, "LRRRRRRRL");
		segmentChart = new BarChart(bottom, SWT.NONE, ctx.locale());
		segmentChart.setTitle(t("ROI by segment", "分群 ROI"));
		segmentChart.setAxisTitles("", "ROI %");
		segmentChart.setBarLabels((s, c, v) -> String.format("%.0f%%", v));
		bottom.setWeights(60, 40);
		editor = new CampaignEditor(sash, this, this::selectedId);
		sash.setWeights(34, 26, 40);
		campaigns.addListener(SWT.Selection, e -> {
			showWarnings();
			computeBreakdown();
		});
		start();
	}

	@Override
	protected void datasetChanged(CustomerDataset d) {
		fillBreakdowns(d);
		compute();
	}

	private void fillBreakdowns(CustomerDataset d) {
		String previous = breakdown.getText();
		breakdown.removeAll();
		breakdownKeys.clear();
		// as roi --param breakdown=target: the segments recorded when the campaign was created
		breakdown.add(t("segment at creation (target)", "创建时的分群（target）"));
		breakdownKeys.add(CampaignRois.TARGET);
		for (ServiceEntry e : ctx.services().catalog().services(ServiceKind.STRATEGY)) {
			breakdown.add(e.service().name().get(ctx.locale()));
			breakdownKeys.add("strategy:" + e.id());
		}
		for (ServiceEntry e : ctx.services().catalog().services(ServiceKind.MODEL)) {
			breakdown.add(e.service().name().get(ctx.locale()));
			breakdownKeys.add("model:" + e.id());
		}
		for (String attribute : d.attributeNames()) {
			if (!ctx.preferences().isPersonal(attribute)) {
				breakdown.add(t("attribute ", "属性 ") + attribute);
				breakdownKeys.add("attribute:" + attribute);
			}
		}
		int index = breakdown.indexOf(previous);
		breakdown.select(index < 0 ? Math.min(1, breakdown.getItemCount() - 1) : index);
	}

	/** Reads the workspace's campaigns and measures each, in the background. */
	public void compute() {
		CustomerDataset d = session().dataset();
		Workspace ws = session().workspace();
		CampaignRoi roi = ctx.services().roi();
		if (d == null || ws == null || roi == null) {
			return;
		}
		run(t("Measuring campaigns", "正在评估活动"), monitor -> CampaignRoiModel.measure(ws.campaigns(), roi, d, monitor),
				this::show);
	}

	private void show(List<CampaignRoiModel.Row> measured) {
		rows = measured;
		boolean zh = ctx.zh();
		List<String[]> cells = new ArrayList<>();
		List<String> names = new ArrayList<>();
		List<Double> roi = new ArrayList<>();
		BigDecimal totalCost = BigDecimal.ZERO;
		BigDecimal totalNet = BigDecimal.ZERO;
		int refused = 0;
		int unsure = 0;
		for (CampaignRoiModel.Row row : measured) {
			String window = row.record().start() + " – " + row.record().end();
			if (!row.measured()) {
				refused++;
				String dash = "—";
				cells.add(new String[] { row.record().name(), window, dash, dash, dash, dash, Tables.money(row.record().cost()),
						dash, dash, dash, dash, dash, dash, dash, CampaignRoiModel.notMeasured(zh) + ": " + row.rejected() });
				continue;
			}
			RoiResult r = row.result();
			RoiResult.Figures f = r.total();
			names.add(r.name());
			roi.add(f.roi() == null ? Double.NaN : f.roi().doubleValue() * 100);
			unsure += f.tooFewToTell() ? 1 : 0;
			var s = f.statistics();
			cells.add(new String[] { r.name(), window, Tables.count(f.treatmentSize()), Tables.count(f.controlSize()),
					Tables.money(f.treatmentRevenue()), Tables.money(f.incrementalRevenue()), Tables.money(f.cost()),
					Tables.ratio(f.roi()), CampaignRoiModel.percent(s == null ? null : s.roi()), Tables.ratio(f.uplift()),
					CampaignRoiModel.percent(s == null ? null : s.uplift()), CampaignRoiModel.pValue(f),
					CampaignRoiModel.significant(f, zh), Tables.money(f.netReturn()), CampaignRoiModel.note(f, zh) });
			totalCost = totalCost.add(f.cost());
			totalNet = f.netReturn() == null ? totalNet : totalNet.add(f.netReturn());
		}
		Tables.fill(campaigns, cells);
		roiChart.setData(names, "ROI", roi.stream().mapToDouble(Double::doubleValue).toArray());
		if (names.isEmpty()) {
			roiChart.setEmptyText(measured.isEmpty()
					? t("No campaign in this workspace: import campaigns and their members.", "此工作区没有活动：请导入活动及其成员。")
					: t("No campaign could be measured: see the notes.", "没有可评估的活动：见说明。"));
		}
		String text = String.format(t("%d campaigns; cost %s, net return %s", "%d 个活动；成本 %s，净回报 %s"),
				measured.size() - refused, Tables.money(totalCost), Tables.money(totalNet));
		if (unsure > 0) {
			text += String.format(t("; %d of them: %s", "；其中 %d 个：%s"), unsure, CampaignRoiModel.tooFew(zh));
		}
		if (refused > 0) {
			text += String.format(t("; %d not measured, as ./custops roi refuses them (see the note)",
					"；%d 个未评估，./custops roi 同样拒绝（见说明）"), refused);
		}
		summary.setText(text);
		showWarnings();
		root.layout(true, true);
		editor.refresh();
	}

	/** The selected campaign's warnings in full (or why it was not measured), under the table. */
	private void showWarnings() {
		CampaignRoiModel.Row row = selected();
		if (row == null) {
			warnings.setText(t("Select a campaign to see its intervals and warnings.", "选择一个活动以查看其区间与提示。"));
		} else if (!row.measured()) {
			warnings.setText(row.record().name() + " — " + CampaignRoiModel.notMeasured(ctx.zh()) + ": " + row.rejected());
		} else {
			RoiResult.Figures f = row.result().total();
			var s = f.statistics();
			StringBuilder text = new StringBuilder(row.record().name()).append(" — ");
			text.append(String.format(t("%s intervals: incremental revenue %s, ROI %s, uplift %s; p-value %s",
					"%s 区间：增量收入 %s，ROI %s，响应提升 %s；p 值 %s"), CampaignRoiModel.level(f),
					CampaignRoiModel.money(s == null ? null : s.incrementalRevenue()),
					CampaignRoiModel.percent(s == null ? null : s.roi()),
					CampaignRoiModel.percent(s == null ? null : s.uplift()), CampaignRoiModel.pValue(f)));
			for (String w : CampaignRoiModel.warnings(f, ctx.zh())) {
				text.append('\n').append(w);
			}
			warnings.setText(text.toString());
		}
		warnings.getParent().layout(true, true);
	}

	private CampaignRoiModel.Row selected() {
		int index = campaigns.getSelectionIndex();
		return index < 0 || index >= rows.size() ? null : rows.get(index);
	}

	/** The id of the campaign selected in the table, or null. */
	String selectedId() {
		CampaignRoiModel.Row row = selected();
		return row == null ? null : row.record().id();
	}

	/** The selected campaign's figures by segment. */
	public void computeBreakdown() {
		CampaignRoiModel.Row row = selected();
		CustomerDataset d = session().dataset();
		CampaignRoi roi = ctx.services().roi();
		if (row == null || d == null || roi == null || breakdown.getSelectionIndex() < 0) {
			return;
		}
		if (!row.measured()) {
			Tables.fill(segments, List.of());
			segmentChart.setData(List.of(), List.of());
			return;
		}
		String key = breakdownKeys.get(breakdown.getSelectionIndex());
		boolean zh = ctx.zh();
		run(t("Campaign by segment", "活动细分"), monitor -> CampaignRoiModel.breakdown(roi, d, row, key, monitor), r -> {
			lastBreakdown = r;
			List<String[]> cells = new ArrayList<>();
			List<String> names = new ArrayList<>();
			double[] values = new double[r.segments().size()];
			for (int i = 0; i < r.segments().size(); i++) {
				RoiResult.Segment s = r.segments().get(i);
				RoiResult.Figures f = s.figures();
				names.add(s.segment());
				values[i] = f.roi() == null ? Double.NaN : f.roi().doubleValue() * 100;
				cells.add(new String[] { s.segment(), Tables.count(f.treatmentSize()), Tables.count(f.controlSize()),
						Tables.money(f.incrementalRevenue()), Tables.money(f.cost()), Tables.ratio(f.roi()),
						CampaignRoiModel.percent(f.statistics() == null ? null : f.statistics().roi()),
						Tables.ratio(f.uplift()), CampaignRoiModel.note(f, zh) });
			}
			Tables.fill(segments, cells);
			segmentChart.setTitle(CampaignRois.TARGET.equals(key)
					? t("ROI by the segment recorded at the campaign's creation", "按活动创建时记录的分群的 ROI")
					: t("ROI by segment at the campaign's start", "按活动开始时客群的 ROI"));
			segmentChart.setData(names, List.of(new Series("ROI", values)));
		});
	}

	private void exportTargets() {
		editor.exportSelected();
	}

	// ------------------------------------------------------------------ for tests

	public Table campaignsTable() {
		return campaigns;
	}

	public BarChart roiChart() {
		return roiChart;
	}

	public Table segmentsTable() {
		return segments;
	}

	/** Every campaign of the workspace, measured or refused, in the table's order. */
	public List<CampaignRoiModel.Row> rows() {
		return rows;
	}

	/** The measured campaigns' results. */
	public List<RoiResult> results() {
		return rows.stream().filter(CampaignRoiModel.Row::measured).map(CampaignRoiModel.Row::result).toList();
	}

	/** The last breakdown shown. */
	public RoiResult breakdownResult() {
		return lastBreakdown;
	}

	public String summaryText() {
		return summary.getText();
	}

	public String warningsText() {
		return warnings.getText();
	}

	/** Chooses a breakdown by its key ({@code target}, {@code strategy:rfm}, {@code attribute:province}…). */
	public boolean setBreakdown(String key) {
		int index = breakdownKeys.indexOf(key);
		if (index >= 0) {
			breakdown.select(index);
		}
		return index >= 0;
	}

	CampaignEditor editor() {
		return editor;
	}
}
