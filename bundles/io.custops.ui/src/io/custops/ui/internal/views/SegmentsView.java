package io.custops.ui.internal.views;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.TableEditor;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import io.custops.core.data.CustomerDataset;
import io.custops.core.param.ParameterSpec;
import io.custops.core.param.Parameters;
import io.custops.core.param.ParameterType;
import io.custops.core.spi.CustomerAnalysis;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.ServiceKind;
import io.custops.ui.charts.BarChart;
import io.custops.source.PushdownRun;
import io.custops.store.SourceRecord;
import io.custops.ui.charts.HeatMap;
import io.custops.ui.internal.session.ViewContext;
import io.custops.ui.internal.session.WorkbenchSession;

/**
 * The Segments part: run any segmentation strategy of the registry as of a date and see its
 * segments (size, share, revenue share, average order value) as a table and a bar chart; for a
 * result with R and F scores, the R × F heat map with customers and average spend per cell; for
 * a strategy with a tier ladder ({@code levels} = name:threshold,…), the ladder with counts and
 * thresholds edited in place; the manual tags; and any selection of segments saved as a tag.
 */
public final class SegmentsView extends View {

	/** The parameter a strategy's tier ladder is read from and written to. */
	static final String LADDER = "levels";

	private final AnalysisControls controls;
	private final Table segments;
	private final BarChart sizes;
	private final HeatMap grid;
	private final Table ladder;
	private final Label ladderTitle;
	private final Table tags;
	private CustomerClassification result;
	private CustomerDataset resultData;
	private SegmentFigures figures;
	private SourceRecord resultSource;
	private String summary = "";
	private final Label summaryLabel;
	/** The strategy's warnings (RFM: empty score levels), shown in a line of their own. */
	private final Label warningLabel;
	private String warnings = "";

	public SegmentsView(Composite parent, ViewContext ctx) {
		super(parent, ctx);
		controls = new AnalysisControls(root, ctx, List.of(ServiceKind.STRATEGY), t("As of", "截至"), Set.of(), this::compute);
		summaryLabel = new Label(root, SWT.WRAP);
		summaryLabel.setLayoutData(Tables.fillH());
		warningLabel = new Label(root, SWT.WRAP);
		warningLabel.setForeground(root.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
		GridData warningData = Tables.fillH();
		warningData.widthHint = 600; // wraps instead of widening the part
		warningLabel.setLayoutData(warningData);
		showWarnings(Map.of());
		SashForm sash = new SashForm(root, SWT.HORIZONTAL);
		sash.setLayoutData(Tables.fill());
		Composite left = new Composite(sash, SWT.NONE);
		left.setLayout(new GridLayout(2, false));
		segments = Tables.table(left, SWT.MULTI,
				ctx.zh() ? new String[] { "客群", "客户数", "占比", "消费金额", "金额占比", "客单价", "人均消费" }
						: new String[] { "Segment", "Customers", "Share", "Revenue", "Revenue share", "AOV", "Per customer" },
				new int[] { 170, 80, 65, 110, 90, 80, 90 });
		segments.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
		Button save = new Button(left, SWT.PUSH);
		save.setText(t("Save selected segments as a tag…", "将选中客群保存为标签…"));
		save.setToolTipText(t("Gives every customer of the selected segments a manual tag: a segment you can filter, target and report on",
				"为选中客群的每位客户打上手工标签，之后可筛选、投放和出报表"));
		save.addListener(SWT.Selection, e -> askAndSave());
		Label hint = new Label(left, SWT.WRAP);
		hint.setText(t("Select rows (Ctrl/Shift for several).", "选择行（Ctrl/Shift 多选）。"));
		ladderTitle = new Label(left, SWT.NONE);
		ladderTitle.setText(t("Tier ladder (double-click a threshold to edit it; Enter re-runs)", "等级阶梯（双击门槛修改，回车重新计算）"));
		ladderTitle.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		ladder = Tables.table(left, SWT.SINGLE, ctx.zh() ? new String[] { "等级", "门槛", "客户数" }
				: new String[] { "Tier", "Threshold", "Customers" }, new int[] { 140, 100, 100 }, "LRR");
		GridData ladderData = new GridData(SWT.FILL, SWT.FILL, true, false, 2, 1);
		ladderData.heightHint = 110;
		ladder.setLayoutData(ladderData);
		installLadderEditor();
		Label tagsTitle = new Label(left, SWT.NONE);
		tagsTitle.setText(t("Manual tags", "手工标签"));
		tagsTitle.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		tags = Tables.table(left, SWT.SINGLE, ctx.zh() ? new String[] { "标签", "客户数" } : new String[] { "Tag", "Customers" },
				new int[] { 200, 100 });
		GridData tagsData = new GridData(SWT.FILL, SWT.FILL, true, false, 2, 1);
		tagsData.heightHint = 90;
		tags.setLayoutData(tagsData);

		SashForm charts = new SashForm(sash, SWT.VERTICAL);
		sizes = new BarChart(charts, SWT.NONE, ctx.locale());
		sizes.setHorizontal(true);
		sizes.setColourByCategory(true);
		sizes.setTitle(t("Customers per segment", "各客群客户数"));
		sizes.setAxisTitles(t("customers", "客户数"), "");
		grid = new HeatMap(charts, SWT.NONE, ctx.locale());
		grid.setTitle(t("R × F grid: customers and average spend", "R × F 网格：客户数与人均消费"));
		grid.setAxisTitles(t("F score (frequency) →", "F 分（频次）→"), t("R score (recency) →", "R 分（近度）→"));
		sash.setWeights(52, 48);
		start();
	}

	@Override
	protected void datasetChanged(CustomerDataset dataset) {
		controls.setDate(session().defaultAsOf());
		fillTags(dataset);
		compute();
	}

	@Override
	protected boolean runsOnSources() {
		return true;
	}

	@Override
	protected void sourceChanged(SourceRecord source) {
		controls.setDate(null); // the source's own default: the day after its last order or event
		tags.removeAll();
		compute();
	}

	private void fillTags(CustomerDataset d) {
		long[] counts = new long[d.tagNames().size()];
		for (int id : d.tagIds()) {
			counts[id]++;
		}
		List<String[]> rows = new ArrayList<>();
		for (int i = 0; i < counts.length; i++) {
			rows.add(new String[] { d.tagNames().get(i), Tables.count(counts[i]) });
		}
		Tables.fill(tags, rows);
	}

	/** Runs the chosen strategy with the form's parameters, in the background. */
	public void compute() {
		SourceRecord source = activeSource();
		if (source != null) {
			computeInSource(source);
			return;
		}
		CustomerDataset d = session().dataset();
		CustomerAnalysis analysis = controls.analysis();
		if (d == null || analysis == null) {
			return;
		}
		LocalDate asOf;
		Map<String, String> params;
		try {
			asOf = controls.date(session().defaultAsOf());
			params = controls.values();
		} catch (RuntimeException e) {
			showError(WorkbenchSession.text(e));
			return;
		}
		String id = controls.id();
		run(t("Segmenting with ", "正在分群：") + id, monitor -> {
			var analyses = ctx.services().analyses();
			CustomerClassification r = analyses.run(analysis, d, asOf, analyses.resolve(analysis, params), monitor);
			return new Object[] { r, SegmentFigures.of(d, r, CustomerDataset.epochDay(asOf)) };
		}, out -> {
			result = (CustomerClassification) out[0];
			resultData = d;
			resultSource = null;
			showWarnings(result.summary());
			show((SegmentFigures) out[1], asOf, params,
					String.format(t("%s as of %s: %,d of %,d customers classified", "%s 截至 %s：%,d / %,d 位客户已归类"), id,
							asOf, ((SegmentFigures) out[1]).classified(), ((SegmentFigures) out[1]).customerCount()));
		});
	}

	/**
	 * Runs the chosen strategy inside the session's source: its SQL goes to the engine and the
	 * per-customer rows are counted into {@link SegmentFigures} as they arrive (nothing per
	 * customer is kept). A strategy without pushdown for the dialect is refused by name.
	 */
	private void computeInSource(SourceRecord source) {
		CustomerAnalysis analysis = controls.analysis();
		if (analysis == null) {
			return;
		}
		LocalDate typed;
		Map<String, String> params;
		try {
			typed = controls.date(null);
			params = controls.values();
		} catch (RuntimeException e) {
			showError(WorkbenchSession.text(e));
			return;
		}
		String id = controls.id();
		run(t("Segmenting in source ", "正在数据源中分群：") + WorkbenchSession.title(source) + " — " + id, monitor -> {
			LocalDate asOf = typed != null ? typed : session().sourceAsOf(source, monitor);
			var analyses = ctx.services().analyses();
			Parameters p = analyses.resolve(analysis, params);
			SegmentFigures.Streaming streaming = SegmentFigures.streaming(analysis.labels(p), analysis.columnNames(p));
			SourceRuns.Refused[] refused = new SourceRuns.Refused[1];
			PushdownRun run = SourceRuns.run(session(), source, analysis, asOf, p, monitor,
					(customer, label, values) -> streaming.row(label, values), refused);
			return new Object[] { run == null ? refused[0] : streaming.done(run.counts().customers()), asOf, run };
		}, out -> {
			LocalDate asOf = (LocalDate) out[1];
			controls.setDate(asOf);
			result = null;
			resultData = null;
			resultSource = source;
			if (out[0] instanceof SourceRuns.Refused refused) {
				showRefused(refused.message());
				return;
			}
			SegmentFigures f = (SegmentFigures) out[0];
			PushdownRun run = (PushdownRun) out[2];
			showWarnings(run.summary());
			show(f, asOf, params, String.format(t("%s as of %s in source %s: %,d of %,d customers classified (%,d ms in the source)%s",
					"%s 截至 %s，数据源 %s：%,d / %,d 位客户已归类（数据源用时 %,d 毫秒）%s"), id, asOf, WorkbenchSession.title(source),
					f.classified(), f.customerCount(), run.millis(), f.hasRevenue() ? ""
							: t(" — revenue needs the strategy's monetary and frequency columns", " — 金额需要策略给出 monetary 与 frequency 列")));
		});
	}

	/** The source cannot run the strategy: said in the part, naming the analysis and the dialect. */
	private void showRefused(String message) {
		figures = null;
		segments.removeAll();
		sizes.setData(List.of(), t("customers", "客户数"), new double[0]);
		sizes.setEmptyText(message);
		grid.setData(List.of(), List.of(), new double[0][], null);
		grid.setEmptyText(message);
		ladder.removeAll();
		showWarnings(Map.of());
		summary = message;
		summaryLabel.setText(message);
		info(message, null, null);
		root.layout(true, true);
	}

	private void show(SegmentFigures f, LocalDate asOf, Map<String, String> params, String summaryText) {
		figures = f;
		hideBanner();
		long[] customers = f.customers();
		List<String> names = new ArrayList<>();
		double[] counts = new double[f.labels().size()];
		for (int l = 0; l < f.labels().size(); l++) {
			names.add(f.labels().get(l).text(ctx.locale()));
			counts[l] = customers[l];
		}
		Tables.fill(segments, f.rows(ctx.locale()));
		sizes.setData(names, t("customers", "客户数"), counts);
		long total = f.classified();
		sizes.setBarLabels((s, c, v) -> Tables.count((long) v) + (total == 0 ? "" : "  " + Tables.pct(100.0 * v / total)));
		summary = summaryText;
		summaryLabel.setText(summary);
		showGrid(f);
		showLadder(f, customers, params);
		root.layout(true, true);
	}

	/** The summary's warnings in the part's language ({@code warnings_zh} in Chinese where given); hidden when none. */
	private void showWarnings(Map<String, Object> runSummary) {
		Object list = ctx.zh() && runSummary.get("warnings_zh") instanceof List<?> ? runSummary.get("warnings_zh")
				: runSummary.get("warnings");
		List<String> lines = new ArrayList<>();
		if (list instanceof List<?> items) {
			items.forEach(w -> lines.add("⚠ " + w));
		}
		warnings = String.join("\n", lines);
		warningLabel.setText(warnings);
		warningLabel.setVisible(!lines.isEmpty());
		((GridData) warningLabel.getLayoutData()).exclude = lines.isEmpty();
	}

	private void showGrid(SegmentFigures f) {
		if (!f.hasGrid()) {
			grid.setData(List.of(), List.of(), new double[0][], null);
			grid.setEmptyText(t("This strategy gives no R and F scores.", "此策略没有 R、F 评分。"));
			return;
		}
		int max = f.gridSize();
		if (max == 0) {
			grid.setData(List.of(), List.of(), new double[0][], null);
			return;
		}
		double[][] cells = new double[max][max];
		List<String> rows = new ArrayList<>();
		List<String> cols = new ArrayList<>();
		String[][] texts = new String[max][max];
		for (int i = 0; i < max; i++) {
			rows.add("R" + (max - i));
			cols.add("F" + (i + 1));
		}
		for (int i = 0; i < max; i++) {
			for (int j = 0; j < max; j++) {
				int r = max - i; // R = max on top
				int fScore = j + 1;
				long n = f.cellCustomers(r, fScore);
				cells[i][j] = n;
				texts[i][j] = Tables.count(n) + (f.hasMonetary() && n > 0
						? "\n¥" + String.format("%,.0f", f.cellSpend(r, fScore) / 100.0 / n) : "");
			}
		}
		grid.setData(rows, cols, cells, texts);
	}

	private void showLadder(SegmentFigures r, long[] customers, Map<String, String> params) {
		CustomerAnalysis analysis = controls.analysis();
		Optional<ParameterSpec> spec = analysis == null ? Optional.empty()
				: analysis.parameters().stream().filter(p -> p.key().equals(LADDER) && p.type() == ParameterType.LIST).findFirst();
		ladder.removeAll();
		ladder.setVisible(spec.isPresent());
		ladderTitle.setVisible(spec.isPresent());
		if (spec.isEmpty()) {
			return;
		}
		String text = controls.form() != null && controls.form().get(LADDER) != null ? controls.form().get(LADDER)
				: spec.get().defaultValue();
		Map<String, String> steps = parseLadder(text);
		for (Map.Entry<String, String> step : steps.entrySet()) {
			long n = 0;
			for (int l = 0; l < r.labels().size(); l++) {
				if (r.labels().get(l).id().equals(step.getKey())) {
					n = customers[l];
				}
			}
			String label = step.getKey();
			for (var l : r.labels()) {
				if (l.id().equals(step.getKey())) {
					label = l.text(ctx.locale());
				}
			}
			TableItem item = new TableItem(ladder, SWT.NONE);
			item.setText(new String[] { label, step.getValue(), Tables.count(n) });
			item.setData(step.getKey());
		}
	}

	static Map<String, String> parseLadder(String text) {
		Map<String, String> steps = new LinkedHashMap<>();
		if (text == null) {
			return steps;
		}
		for (String part : text.split(",")) {
			int colon = part.indexOf(':');
			if (colon > 0) {
				steps.put(part.substring(0, colon).trim(), part.substring(colon + 1).trim());
			}
		}
		return steps;
	}

	private void installLadderEditor() {
		TableEditor editor = new TableEditor(ladder);
		editor.grabHorizontal = true;
		ladder.addListener(SWT.MouseDoubleClick, e -> {
			TableItem item = ladder.getItem(new org.eclipse.swt.graphics.Point(e.x, e.y));
			if (item == null) {
				return;
			}
			Text text = new Text(ladder, SWT.NONE);
			text.setText(item.getText(1));
			text.selectAll();
			text.setFocus();
			editor.setEditor(text, item, 1);
			text.addListener(SWT.DefaultSelection, ev -> {
				setThreshold((String) item.getData(), text.getText().trim());
				text.dispose();
			});
			text.addListener(SWT.FocusOut, ev -> text.dispose());
		});
	}

	/** Changes one tier's threshold in the ladder parameter and runs the strategy again. */
	public void setThreshold(String tier, String threshold) {
		if (controls.form() == null || controls.form().control(LADDER) == null) {
			return;
		}
		Map<String, String> steps = parseLadder(controls.form().get(LADDER));
		steps.put(tier, threshold);
		StringBuilder text = new StringBuilder();
		steps.forEach((k, v) -> text.append(text.length() == 0 ? "" : ",").append(k).append(':').append(v));
		controls.form().set(LADDER, text.toString());
		compute();
	}

	private void askAndSave() {
		if (resultSource != null) {
			showError(t("Segments of a source are not saved as tags: tags belong to the workspace's customers.",
					"数据源中的客群不能保存为标签：标签属于工作区的客户。"));
			return;
		}
		if (segments.getSelectionCount() == 0 || result == null) {
			showError(t("Select one or more segments first.", "请先选择一个或多个客群。"));
			return;
		}
		String suggestion = controls.id() + "-" + segments.getSelection()[0].getText(0).replaceAll("\\s+", "-").toLowerCase()
				+ "-" + LocalDate.now();
		InputDialog dialog = new InputDialog(root.getShell(), t("Save as tag", "保存为标签"),
				t("Tag for the customers of the selected segments:", "为选中客群的客户打上的标签："), suggestion,
				v -> v.isBlank() ? t("A tag cannot be empty", "标签不能为空") : null);
		if (dialog.open() == Window.OK) {
			saveSelectionAsTag(dialog.getValue().trim());
		}
	}

	/** Tags every customer of the selected segments. */
	public void saveSelectionAsTag(String tag) {
		int[] selected = segments.getSelectionIndices();
		CustomerClassification r = result;
		List<Integer> members = new ArrayList<>();
		for (int c = 0; c < r.customerCount(); c++) {
			for (int l : r.labelIndexesOf(c)) {
				for (int s : selected) {
					if (l == s) {
						members.add(c);
					}
				}
			}
		}
		int[] customers = members.stream().distinct().mapToInt(Integer::intValue).toArray();
		if (resultData != session().dataset()) {
			showError(t("The data changed: run again before saving.", "数据已变化：请先重新计算再保存。"));
			return;
		}
		session().tag(tag, customers, true, changed -> info(String.format(t("%,d customers tagged '%s'.",
				"已为 %,d 位客户打上标签“%s”。"), changed, tag), null, null), e -> showError(WorkbenchSession.text(e)));
	}

	// ------------------------------------------------------------------ for tests

	public Table segmentsTable() {
		return segments;
	}

	public BarChart sizesChart() {
		return sizes;
	}

	public HeatMap grid() {
		return grid;
	}

	public Table ladderTable() {
		return ladder;
	}

	public Table tagsTable() {
		return tags;
	}

	public String summary() {
		return summary;
	}

	/** The warning line's text ("" when none is shown). */
	public String warnings() {
		return warnings;
	}

	/** What the last run showed (in memory or in the source), or null. */
	public SegmentFigures figures() {
		return figures;
	}

	/** Types the as-of date (tests; the analyst types it). */
	public void setDate(LocalDate date) {
		controls.setDate(date);
	}

	/** Types a parameter of the chosen strategy into its form (tests; the analyst types it). */
	public void setParameter(String key, String value) {
		controls.form().set(key, value);
	}

	public boolean selectStrategy(String id) {
		return controls.select(id);
	}

	public List<String> strategies() {
		return controls.ids();
	}

	/** The strategy chosen now. */
	public String strategy() {
		return controls.id();
	}
}
