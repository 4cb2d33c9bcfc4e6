package io.custops.ui.internal.views;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;

import io.custops.core.data.CustomerDataset;
import io.custops.core.spi.ServiceKind;
import io.custops.engine.Campaign;
import io.custops.engine.CampaignRoi;
import io.custops.engine.ServiceEntry;
import io.custops.engine.RoiResult;
import io.custops.store.CampaignMember;
import io.custops.store.CampaignRecord;
import io.custops.store.CampaignStore;
import io.custops.store.Workspace;
import io.custops.ui.charts.BarChart;
import io.custops.ui.charts.Series;
import io.custops.ui.internal.session.ViewContext;
import io.custops.ui.internal.session.WorkbenchSession;

/**
 * The Campaigns part: every campaign of the workspace with what it returned (revenue of the
 * treated and the held-out members in its window, incremental revenue, cost, ROI, uplift) as a
 * table and a chart; a campaign's figures by segment (any strategy, model or attribute as of
 * its start); its target list exported as CSV.
 */
public final class CampaignsView extends View {

	/** A campaign as held in the workspace, with its members as customer ids. */
	record StoredCampaign(String id, String name, LocalDate start, LocalDate end, BigDecimal cost, BigDecimal margin,
			String segment, List<String> treatment, List<String> control) {
	}

	private final Table campaigns;
	private final BarChart roiChart;
	private final Combo breakdown;
	private final Table segments;
	private final BarChart segmentChart;
	private final Label summary;
	private final CampaignEditor editor;
	private final List<String> breakdownKeys = new ArrayList<>();
	private List<StoredCampaign> stored = List.of();
	private List<RoiResult> results = List.of();

	public CampaignsView(Composite parent, ViewContext ctx) {
		super(parent, ctx);
		summary = new Label(root, SWT.WRAP);
		summary.setLayoutData(Tables.fillH());
		SashForm sash = new SashForm(root, SWT.VERTICAL);
		sash.setLayoutData(Tables.fill());
		SashForm upper = new SashForm(sash, SWT.HORIZONTAL);
		campaigns = Tables.table(upper, SWT.SINGLE, ctx.zh()
				? new String[] { "活动", "窗口", "实验组", "对照组", "实验组收入", "增量收入", "成本", "ROI", "响应提升", "净回报" }
				: new String[] { "Campaign", "Window", "Treated", "Control", "Treated revenue", "Incremental", "Cost", "ROI",
						"Uplift", "Net return" },
				new int[] { 190, 170, 65, 65, 105, 100, 85, 70, 70, 95 }, "LLRRRRRRRR");
		roiChart = new BarChart(upper, SWT.NONE, ctx.locale());
		roiChart.setHorizontal(true);
		roiChart.setTitle(t("ROI per campaign (incremental, against the control group)", "各活动 ROI（相对对照组的增量）"));
		roiChart.setAxisTitles("ROI %", "");
		roiChart.setBarLabels((s, c, v) -> String.format("%.0f%%", v));
		upper.setWeights(60, 40);
		Composite lower = new Composite(sash, SWT.NONE);
		lower.setLayout(new GridLayout(5, false));
		new Label(lower, SWT.NONE).setText(t("Selected campaign by", "所选活动按"));
		breakdown = new Combo(lower, SWT.READ_ONLY);
		Button byButton = new Button(lower, SWT.PUSH);
		byButton.setText(t("Break down", "细分"));
		byButton.addListener(SWT.Selection, e -> computeBreakdown());
		Button export = new Button(lower, SWT.PUSH);
		export.setText(t("Export target list…", "导出目标名单…"));
		export.addListener(SWT.Selection, e -> exportTargets());
		Label note = new Label(lower, SWT.WRAP);
		note.setText(t("Campaigns come from imports, ./custops campaign create, playbooks and the form below.",
				"活动来自导入、./custops campaign create、自动化剧本和下方表单。"));
		SashForm bottom = new SashForm(lower, SWT.HORIZONTAL);
		bottom.setLayoutData(new org.eclipse.swt.layout.GridData(SWT.FILL, SWT.FILL, true, true, 5, 1));
		segments = Tables.table(bottom, SWT.SINGLE, ctx.zh()
				? new String[] { "客群", "实验组", "对照组", "增量收入", "分摊成本", "ROI", "响应提升" }
				: new String[] { "Segment", "Treated", "Control", "Incremental", "Cost share", "ROI", "Uplift" },
				new int[] { 160, 70, 70, 100, 90, 75, 75 });
		segmentChart = new BarChart(bottom, SWT.NONE, ctx.locale());
		segmentChart.setTitle(t("ROI by segment at the campaign's start", "按活动开始时客群的 ROI"));
		segmentChart.setAxisTitles("", "ROI %");
		segmentChart.setBarLabels((s, c, v) -> String.format("%.0f%%", v));
		bottom.setWeights(55, 45);
		editor = new CampaignEditor(sash, this, this::selectedId);
		sash.setWeights(34, 26, 40);
		campaigns.addListener(SWT.Selection, e -> computeBreakdown());
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
		breakdown.select(index < 0 ? 0 : index);
	}

	/** Reads the workspace's campaigns and measures each, in the background. */
	public void compute() {
		CustomerDataset d = session().dataset();
		Workspace ws = session().workspace();
		CampaignRoi roi = ctx.services().roi();
		if (d == null || ws == null || roi == null) {
			return;
		}
		run(t("Measuring campaigns", "正在评估活动"), monitor -> {
			List<StoredCampaign> read = new ArrayList<>();
			List<RoiResult> measured = new ArrayList<>();
			for (StoredCampaign c : read(ws)) {
				monitor.checkCanceled();
				if (indexes(d, c.treatment()).length == 0) {
					continue; // nothing to measure: no treated member is a customer of the dataset
				}
				read.add(c);
				measured.add(roi.run(d, campaign(d, c), Map.of(), monitor));
			}
			return new Object[] { read, measured };
		}, out -> {
			@SuppressWarnings("unchecked")
			List<StoredCampaign> read = (List<StoredCampaign>) out[0];
			@SuppressWarnings("unchecked")
			List<RoiResult> measured = (List<RoiResult>) out[1];
			show(read, measured);
		});
	}

	/** The campaigns and their members, as the workspace's campaign store gives them. */
	static List<StoredCampaign> read(Workspace ws) throws Exception {
		List<StoredCampaign> out = new ArrayList<>();
		CampaignStore store = ws.campaigns();
		for (CampaignRecord c : store.list()) {
			List<String> treatment = new ArrayList<>();
			List<String> control = new ArrayList<>();
			for (CampaignMember m : store.members(c.id())) {
				(m.group() == CampaignMember.Group.CONTROL ? control : treatment).add(m.customerId());
			}
			out.add(new StoredCampaign(c.id(), c.name(), c.start(), c.end(), c.cost(), c.margin(), c.segment(), treatment,
					control));
		}
		return out;
	}

	private static Campaign campaign(CustomerDataset d, StoredCampaign c) {
		return new Campaign(c.id(), c.name(), c.start(), c.end(), c.cost(), c.margin(), indexes(d, c.treatment()),
				indexes(d, c.control()));
	}

	private static int[] indexes(CustomerDataset d, List<String> ids) {
		return ids.stream().mapToInt(d::indexOf).filter(i -> i >= 0).sorted().distinct().toArray();
	}

	private void show(List<StoredCampaign> read, List<RoiResult> measured) {
		stored = read;
		results = measured;
		List<String[]> rows = new ArrayList<>();
		List<String> names = new ArrayList<>();
		double[] roi = new double[measured.size()];
		BigDecimal totalCost = BigDecimal.ZERO;
		BigDecimal totalNet = BigDecimal.ZERO;
		for (int i = 0; i < measured.size(); i++) {
			RoiResult r = measured.get(i);
			RoiResult.Figures f = r.total();
			names.add(r.name());
			roi[i] = f.roi() == null ? Double.NaN : f.roi().doubleValue() * 100;
			rows.add(new String[] { r.name(), r.start() + " – " + r.end(), Tables.count(f.treatmentSize()),
					Tables.count(f.controlSize()), Tables.money(f.treatmentRevenue()), Tables.money(f.incrementalRevenue()),
					Tables.money(f.cost()), Tables.ratio(f.roi()), Tables.ratio(f.uplift()), Tables.money(f.netReturn()) });
			totalCost = totalCost.add(f.cost());
			totalNet = f.netReturn() == null ? totalNet : totalNet.add(f.netReturn());
		}
		Tables.fill(campaigns, rows);
		roiChart.setData(names, "ROI", roi);
		if (measured.isEmpty()) {
			roiChart.setEmptyText(t("No campaign in this workspace: import campaigns and their members.",
					"此工作区没有活动：请导入活动及其成员。"));
		}
		summary.setText(String.format(t("%d campaigns; cost %s, net return %s", "%d 个活动；成本 %s，净回报 %s"), measured.size(),
				Tables.money(totalCost), Tables.money(totalNet)));
		root.layout(true, true);
		editor.refresh();
	}

	/** The id of the campaign selected in the table, or null. */
	String selectedId() {
		int index = campaigns.getSelectionIndex();
		return index < 0 || index >= stored.size() ? null : stored.get(index).id();
	}

	/** The selected campaign's figures by segment at its start. */
	public void computeBreakdown() {
		int index = campaigns.getSelectionIndex();
		CustomerDataset d = session().dataset();
		CampaignRoi roi = ctx.services().roi();
		if (index < 0 || index >= stored.size() || d == null || roi == null || breakdown.getSelectionIndex() < 0) {
			return;
		}
		StoredCampaign c = stored.get(index);
		String key = breakdownKeys.get(breakdown.getSelectionIndex());
		run(t("Campaign by segment", "活动细分"), monitor -> roi.run(d, campaign(d, c), Map.of(CampaignRoi.BREAKDOWN, key),
				monitor), r -> {
					List<String[]> rows = new ArrayList<>();
					List<String> names = new ArrayList<>();
					double[] values = new double[r.segments().size()];
					for (int i = 0; i < r.segments().size(); i++) {
						RoiResult.Segment s = r.segments().get(i);
						RoiResult.Figures f = s.figures();
						names.add(s.segment());
						values[i] = f.roi() == null ? Double.NaN : f.roi().doubleValue() * 100;
						rows.add(new String[] { s.segment(), Tables.count(f.treatmentSize()), Tables.count(f.controlSize()),
								Tables.money(f.incrementalRevenue()), Tables.money(f.cost()), Tables.ratio(f.roi()),
								Tables.ratio(f.uplift()) });
					}
					Tables.fill(segments, rows);
					segmentChart.setData(names, List.of(new Series("ROI", values)));
				});
	}

	private void exportTargets() {
		int index = campaigns.getSelectionIndex();
		if (index < 0 || index >= stored.size()) {
			showError(t("Select a campaign first.", "请先选择一个活动。"));
			return;
		}
		FileDialog dialog = new FileDialog(root.getShell(), SWT.SAVE);
		dialog.setFileName(stored.get(index).id() + "-targets.csv");
		dialog.setOverwrite(true);
		String chosen = dialog.open();
		if (chosen != null) {
			try {
				exportTargets(index, Path.of(chosen));
			} catch (IOException e) {
				showError(t("Cannot write ", "无法写入 ") + chosen + ": " + e.getMessage());
			}
		}
	}

	/** Writes the treated members of a campaign (customer_id, group) as CSV. */
	public void exportTargets(int index, Path file) throws IOException {
		StoredCampaign c = stored.get(index);
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("customer_id,group\r\n");
			for (String id : c.treatment()) {
				out.write(id.contains(",") ? "\"" + id.replace("\"", "\"\"") + "\"" : id);
				out.write(",treatment\r\n");
			}
		}
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

	public List<RoiResult> results() {
		return results;
	}

	CampaignEditor editor() {
		return editor;
	}
}
