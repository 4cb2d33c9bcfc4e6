package io.custops.ui.internal.views;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;

import java.util.Map;

import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;

import io.custops.core.data.CustomerDataset;
import io.custops.core.data.EventTypes;
import io.custops.core.spi.ServiceKind;
import io.custops.engine.FunnelAnalysis;
import io.custops.engine.FunnelResult;
import io.custops.engine.PathAnalysis;
import io.custops.engine.PathResult;
import io.custops.engine.ServiceEntry;
import io.custops.source.SourceCheck;
import io.custops.store.SourceRecord;
import io.custops.ui.charts.BarChart;
import io.custops.ui.charts.FlowChart;
import io.custops.ui.charts.Series;
import io.custops.ui.internal.session.ViewContext;
import io.custops.ui.internal.session.WorkbenchSession;

/**
 * The Behaviour part: a funnel builder (steps picked from the dataset's event types, windows,
 * a breakdown by channel, attribute or any strategy or model), the funnel chart and its table
 * with median times, the breakdown chart, the customers dropping at a step saved as a tag, the
 * most frequent paths (all, or of the drop-offs) and their flows in a Sankey-like view.
 */
public final class BehaviourView extends View {

	private static final int MAX_GROUPS = 6;

	private final org.eclipse.swt.widgets.List available;
	private final org.eclipse.swt.widgets.List steps;
	private final Text window;
	private final Text stepWindow;
	private final Combo breakdown;
	private final Text from;
	private final Text to;
	private final Label funnelSummary;
	private final BarChart funnelChart;
	private final BarChart breakdownChart;
	private final Table stepTable;
	private final Combo dropStep;
	private final Text top;
	private final Text start;
	private final Text end;
	private final Text exclude;
	private final Table pathTable;
	private final FlowChart flows;
	private final Label pathSummary;
	private final java.util.List<String> breakdownKeys = new ArrayList<>();
	private FunnelResult funnel;
	private CustomerDataset funnelData;
	/** The source the funnel ran in, or null when it ran on the workspace's dataset. */
	private SourceRecord funnelSource;
	private PathResult paths;

	public BehaviourView(Composite parent, ViewContext ctx) {
		super(parent, ctx);
		SashForm sash = new SashForm(root, SWT.VERTICAL);
		sash.setLayoutData(Tables.fill());
		Group funnelGroup = Tables.group(sash, t("Funnel", "漏斗"), 1);
		Composite builder = new Composite(funnelGroup, SWT.NONE);
		builder.setLayout(new GridLayout(4, false));
		builder.setLayoutData(Tables.fillH());
		available = new org.eclipse.swt.widgets.List(builder, SWT.BORDER | SWT.V_SCROLL | SWT.MULTI);
		GridData listData = new GridData(SWT.FILL, SWT.FILL, false, false);
		listData.widthHint = 110;
		listData.heightHint = 110;
		available.setLayoutData(listData);
		available.setToolTipText(t("The event types of the workspace", "工作区中的行为类型"));
		Composite buttons = new Composite(builder, SWT.NONE);
		buttons.setLayout(new GridLayout(1, true));
		buttons.setLayoutData(new GridData(SWT.CENTER, SWT.TOP, false, false));
		button(buttons, t("Add →", "添加 →"), () -> move(true));
		button(buttons, t("← Remove", "← 移除"), () -> move(false));
		button(buttons, t("Up", "上移"), () -> shift(-1));
		button(buttons, t("Down", "下移"), () -> shift(1));
		steps = new org.eclipse.swt.widgets.List(builder, SWT.BORDER | SWT.V_SCROLL | SWT.SINGLE);
		GridData stepsData = new GridData(SWT.FILL, SWT.FILL, false, false);
		stepsData.widthHint = 110;
		stepsData.heightHint = 110;
		steps.setLayoutData(stepsData);
		steps.setToolTipText(t("The funnel's steps, in order", "漏斗的步骤（按顺序）"));
		Composite options = new Composite(builder, SWT.NONE);
		options.setLayout(new GridLayout(4, false));
		options.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, false));
		new Label(options, SWT.NONE).setText(t("Window (whole funnel)", "窗口（整个漏斗）"));
		// the engine's default, as the command line and the behavior-path report use it
		window = text(options, FunnelAnalysis.DEFAULT_WINDOW,
				t("e.g. 30m, 12h, 7d; empty: " + FunnelAnalysis.DEFAULT_WINDOW + " (the default)",
						"如 30m、12h、7d；留空即默认的 " + FunnelAnalysis.DEFAULT_WINDOW));
		new Label(options, SWT.NONE).setText(t("Step window", "步骤窗口"));
		stepWindow = text(options, "", t("each step within this time of the previous one", "每一步距上一步不超过此时间"));
		new Label(options, SWT.NONE).setText(t("Breakdown", "细分"));
		breakdown = new Combo(options, SWT.READ_ONLY);
		breakdown.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
		new Label(options, SWT.NONE).setText(t("From", "起始日"));
		from = text(options, "", "yyyy-MM-dd");
		new Label(options, SWT.NONE).setText(t("To", "结束日"));
		to = text(options, "", "yyyy-MM-dd");
		Button run = new Button(options, SWT.PUSH);
		run.setText(t("Build funnel", "生成漏斗"));
		run.addListener(SWT.Selection, e -> computeFunnel());
		dropStep = new Combo(options, SWT.READ_ONLY);
		Button saveDrops = new Button(options, SWT.PUSH);
		saveDrops.setText(t("Save drop-offs as tag…", "将流失客户保存为标签…"));
		saveDrops.addListener(SWT.Selection, e -> askAndSaveDropOffs());
		Button dropPaths = new Button(options, SWT.PUSH);
		dropPaths.setText(t("Paths of the drop-offs", "流失客户的路径"));
		dropPaths.addListener(SWT.Selection, e -> computePaths(true));
		funnelSummary = new Label(funnelGroup, SWT.WRAP);
		funnelSummary.setLayoutData(Tables.fillH());
		SashForm funnelCharts = new SashForm(funnelGroup, SWT.HORIZONTAL);
		funnelCharts.setLayoutData(Tables.fill());
		funnelChart = new BarChart(funnelCharts, SWT.NONE, ctx.locale());
		funnelChart.setHorizontal(true);
		funnelChart.setColourByCategory(true);
		funnelChart.setTitle(t("Customers reaching each step", "到达各步骤的客户数"));
		funnelChart.setAxisTitles(t("customers", "客户数"), "");
		stepTable = Tables.table(funnelCharts, SWT.SINGLE, ctx.zh()
				? new String[] { "步骤", "客户数", "占首步", "占上一步", "距上一步中位时间" }
				: new String[] { "Step", "Customers", "% of first", "% of previous", "Median time from previous" },
				new int[] { 90, 80, 80, 90, 160 });
		breakdownChart = new BarChart(funnelCharts, SWT.NONE, ctx.locale());
		breakdownChart.setTitle(t("Conversion by group (% of the group's first step)", "各组转化（占本组首步的百分比）"));
		breakdownChart.setAxisTitles(t("step", "步骤"), "%");
		breakdownChart.setBarLabels((s, c, v) -> String.format("%.0f", v));
		funnelCharts.setWeights(38, 27, 35);

		Group pathGroup = Tables.group(sash, t("Paths", "路径"), 1);
		Composite pathBar = new Composite(pathGroup, SWT.NONE);
		pathBar.setLayout(new GridLayout(10, false));
		new Label(pathBar, SWT.NONE).setText(t("Top", "前"));
		top = text(pathBar, "20", "");
		new Label(pathBar, SWT.NONE).setText(t("Start at", "起点"));
		start = text(pathBar, "", t("event type", "行为类型"));
		new Label(pathBar, SWT.NONE).setText(t("End at", "终点"));
		end = text(pathBar, "", t("event type", "行为类型"));
		new Label(pathBar, SWT.NONE).setText(t("Leave out", "排除"));
		exclude = text(pathBar, "", t("types, comma-separated", "类型，逗号分隔"));
		Button runPaths = new Button(pathBar, SWT.PUSH);
		runPaths.setText(t("Find paths", "查找路径"));
		runPaths.addListener(SWT.Selection, e -> computePaths(false));
		pathSummary = new Label(pathBar, SWT.NONE);
		pathSummary.setLayoutData(Tables.fillH());
		SashForm pathParts = new SashForm(pathGroup, SWT.HORIZONTAL);
		pathParts.setLayoutData(Tables.fill());
		pathTable = Tables.table(pathParts, SWT.SINGLE, ctx.zh() ? new String[] { "路径", "次数", "占比" }
				: new String[] { "Path", "Count", "% of units" }, new int[] { 330, 80, 80 });
		flows = new FlowChart(pathParts, SWT.NONE, ctx.locale());
		flows.setTitle(t("Flows between steps", "步骤间流向"));
		pathParts.setWeights(40, 60);
		sash.setWeights(55, 45);
		start();
	}

	private static Button button(Composite parent, String text, Runnable action) {
		Button b = new Button(parent, SWT.PUSH);
		b.setText(text);
		b.setLayoutData(new GridData(SWT.FILL, SWT.TOP, false, false));
		b.addListener(SWT.Selection, e -> action.run());
		return b;
	}

	private static Text text(Composite parent, String value, String hint) {
		Text text = new Text(parent, SWT.BORDER);
		text.setText(value);
		text.setMessage(hint);
		GridData data = new GridData(SWT.FILL, SWT.CENTER, false, false);
		data.widthHint = 80;
		text.setLayoutData(data);
		text.setToolTipText(hint);
		return text;
	}

	@Override
	protected void datasetChanged(CustomerDataset d) {
		fillTypes(d.eventTypeNames());
		fillBreakdowns(new ArrayList<>(d.attributeNames()), true);
		if (d.eventCount() == 0) {
			info(t("This workspace holds no behaviour events: import events to build funnels and paths.",
					"此工作区没有行为事件：导入行为数据后才能生成漏斗和路径。"), null, null);
			return;
		}
		computeFunnel();
		computePaths(false);
	}

	@Override
	protected boolean runsOnSources() {
		return true;
	}

	/**
	 * The session opened a source: the builder offers the event types and customer attributes
	 * found by its check, and the funnel runs inside it.
	 */
	@Override
	protected void sourceChanged(SourceRecord source) {
		run(t("Reading the event types of source ", "正在读取数据源的行为类型：") + WorkbenchSession.title(source),
				monitor -> session().checkSource(source, false, monitor), check -> {
					SourceCheck.TableCheck events = table(check, "events");
					SourceCheck.TableCheck customers = table(check, "customers");
					fillTypes(events == null ? java.util.List.of() : events.eventTypes());
					fillBreakdowns(customers == null ? java.util.List.of() : customers.otherColumns(), false);
					if (events == null || events.rows() == 0) {
						info(String.format(t("Source %s maps no behaviour events: add --table events=SCHEMA.TABLE to it to build funnels.",
								"数据源 %s 没有映射行为事件表：请用 --table events=SCHEMA.TABLE 添加后再生成漏斗。"),
								WorkbenchSession.title(source)), null, null);
						return;
					}
					computeFunnel();
					computePaths(false);
				});
	}

	private static SourceCheck.TableCheck table(SourceCheck check, String kind) {
		return check.tables().stream().filter(t -> t.kind().equals(kind)).findFirst().orElse(null);
	}

	/** The builder's event types (the standard ones first) and its default steps among them. */
	private void fillTypes(java.util.List<String> found) {
		available.removeAll();
		java.util.List<String> types = new ArrayList<>(found);
		types.sort((a, b) -> Integer.compare(rank(a), rank(b)));
		types.forEach(available::add);
		if (steps.getItemCount() == 0 || !types.containsAll(java.util.List.of(steps.getItems()))) {
			steps.removeAll();
			for (String step : java.util.List.of("view", "cart", "order", "pay")) {
				if (types.contains(step)) {
					steps.add(step);
				}
			}
		}
	}

	private static int rank(String type) {
		int i = EventTypes.STANDARD.indexOf(type);
		return i < 0 ? EventTypes.STANDARD.size() : i;
	}

	/**
	 * @param attributes the customer attributes to offer
	 * @param analyses   whether strategies and models are offered too (not inside a source: a
	 *                   funnel there breaks down by channel or a column of the customers table)
	 */
	private void fillBreakdowns(java.util.List<String> attributes, boolean analyses) {
		String previous = breakdown.getText();
		breakdown.removeAll();
		breakdownKeys.clear();
		breakdown.add(t("(none)", "（无）"));
		breakdownKeys.add("");
		breakdown.add(t("channel of the first step", "首步渠道"));
		breakdownKeys.add("channel");
		for (String attribute : attributes) {
			if (!ctx.preferences().isPersonal(attribute)) {
				breakdown.add(t("attribute ", "属性 ") + attribute);
				breakdownKeys.add("attribute:" + attribute);
			}
		}
		if (analyses) {
			for (ServiceEntry e : ctx.services().catalog().services(ServiceKind.STRATEGY)) {
				breakdown.add(e.service().name().get(ctx.locale()));
				breakdownKeys.add("strategy:" + e.id());
			}
			for (ServiceEntry e : ctx.services().catalog().services(ServiceKind.MODEL)) {
				breakdown.add(e.service().name().get(ctx.locale()));
				breakdownKeys.add("model:" + e.id());
			}
		}
		int index = breakdown.indexOf(previous);
		breakdown.select(index < 0 ? 0 : index);
	}

	private void move(boolean add) {
		if (add) {
			for (String type : available.getSelection()) {
				steps.add(type);
			}
		} else if (steps.getSelectionIndex() >= 0) {
			steps.remove(steps.getSelectionIndex());
		}
	}

	private void shift(int by) {
		int i = steps.getSelectionIndex();
		int j = i + by;
		if (i < 0 || j < 0 || j >= steps.getItemCount()) {
			return;
		}
		String a = steps.getItem(i);
		steps.setItem(i, steps.getItem(j));
		steps.setItem(j, a);
		steps.setSelection(j);
	}

	/** Sets the funnel's steps (the builder's right-hand list). */
	public void setSteps(java.util.List<String> types) {
		steps.removeAll();
		types.forEach(steps::add);
	}

	/** Chooses a breakdown by its key ({@code channel}, {@code attribute:province}, {@code strategy:tiers}…). */
	public boolean setBreakdown(String key) {
		int index = breakdownKeys.indexOf(key);
		if (index >= 0) {
			breakdown.select(index);
		}
		return index >= 0;
	}

	public void setWindow(String value) {
		window.setText(value);
	}

	/** Runs the funnel in the background. */
	public void computeFunnel() {
		SourceRecord source = activeSource();
		CustomerDataset d = session().dataset();
		FunnelAnalysis analysis = ctx.services().funnel();
		if ((d == null && source == null) || analysis == null) {
			return;
		}
		if (steps.getItemCount() == 0) {
			showError(t("Add at least one step.", "请至少添加一个步骤。"));
			return;
		}
		Map<String, String> params = new LinkedHashMap<>();
		params.put(FunnelAnalysis.STEPS, String.join(",", steps.getItems()));
		put(params, FunnelAnalysis.WINDOW, window);
		put(params, FunnelAnalysis.STEP_WINDOW, stepWindow);
		put(params, FunnelAnalysis.FROM, from);
		put(params, FunnelAnalysis.TO, to);
		String key = breakdownKeys.get(Math.max(0, breakdown.getSelectionIndex()));
		if (!key.isEmpty()) {
			params.put(FunnelAnalysis.BREAKDOWN, key);
			if (to.getText().isBlank() && source == null) {
				params.put(FunnelAnalysis.AS_OF, session().defaultAsOf().toString());
			}
		}
		if (source != null) {
			computeFunnelInSource(source, analysis, params);
			return;
		}
		run(t("Funnel ", "漏斗 ") + params.get(FunnelAnalysis.STEPS), monitor -> analysis.run(d, params, monitor), r -> {
			funnel = r;
			funnelData = d;
			funnelSource = null;
			showFunnel(r, null);
		});
	}

	/**
	 * Runs the funnel inside the source, as {@code ./custops funnel --source} does; a funnel the
	 * dialect cannot run (a breakdown by an analysis, say) is refused by name in the part.
	 */
	private void computeFunnelInSource(SourceRecord source, FunnelAnalysis analysis, Map<String, String> params) {
		run(t("Funnel in source ", "数据源中的漏斗 ") + WorkbenchSession.title(source) + " — " + params.get(FunnelAnalysis.STEPS),
				monitor -> {
					if (params.containsKey(FunnelAnalysis.BREAKDOWN) && !params.containsKey(FunnelAnalysis.TO)) {
						params.put(FunnelAnalysis.AS_OF, session().sourceAsOf(source, monitor).toString());
					}
					long started = System.nanoTime();
					Object out = SourceRuns.funnel(session(), source, analysis, params, monitor);
					return new Object[] { out, (System.nanoTime() - started) / 1_000_000 };
				}, out -> {
					funnelData = null;
					funnelSource = source;
					if (out[0] instanceof SourceRuns.Refused refused) {
						funnel = null;
						showFunnelRefused(refused.message());
						return;
					}
					funnel = (FunnelResult) out[0];
					showFunnel(funnel, String.format(t(" — inside source %s (%,d ms)", " — 在数据源 %s 中运行（%,d 毫秒）"),
							WorkbenchSession.title(source), (Long) out[1]));
				});
	}

	private void showFunnelRefused(String message) {
		funnelChart.setData(java.util.List.of(), t("customers", "客户数"), new double[0]);
		funnelChart.setEmptyText(message);
		breakdownChart.setData(java.util.List.of(), java.util.List.of());
		breakdownChart.setEmptyText(message);
		stepTable.removeAll();
		dropStep.removeAll();
		funnelSummary.setText(message);
		root.layout(true, true);
	}

	private static void put(Map<String, String> params, String key, Text text) {
		if (!text.getText().isBlank()) {
			params.put(key, text.getText().trim());
		}
	}

	/** @param where null on the workspace's data, else what to add to the summary (the source, the time) */
	private void showFunnel(FunnelResult r, String where) {
		java.util.List<String> names = new ArrayList<>();
		double[] counts = new double[r.steps().size()];
		java.util.List<String[]> rows = new ArrayList<>();
		for (int i = 0; i < r.steps().size(); i++) {
			FunnelResult.Step s = r.steps().get(i);
			names.add((i + 1) + ". " + s.step());
			counts[i] = s.customers();
			rows.add(new String[] { s.step(), Tables.count(s.customers()), pct(s.pctOfFirst()), pct(s.pctOfPrevious()),
					duration(s.medianSecondsFromPrevious()) });
		}
		funnelChart.setData(names, t("customers", "客户数"), counts);
		funnelChart.setBarLabels((s, c, v) -> Tables.count((long) v) + "  (" + pct(r.steps().get(c).pctOfFirst()) + ")");
		Tables.fill(stepTable, rows);
		if (r.groups().isEmpty()) {
			breakdownChart.setData(java.util.List.of(), java.util.List.of());
			breakdownChart.setEmptyText(t("Choose a breakdown to compare groups.", "选择细分以比较各组。"));
		} else {
			java.util.List<Series> series = new ArrayList<>();
			for (FunnelResult.Group g : r.groups().subList(0, Math.min(MAX_GROUPS, r.groups().size()))) {
				double[] values = new double[g.steps().size()];
				for (int i = 0; i < values.length; i++) {
					BigDecimal p = g.steps().get(i).pctOfFirst();
					values[i] = p == null ? Double.NaN : p.doubleValue();
				}
				series.add(new Series(g.group(), values));
			}
			breakdownChart.setData(r.steps().stream().map(FunnelResult.Step::step).toList(), series);
		}
		dropStep.removeAll();
		for (int k = 2; k <= r.steps().size(); k++) {
			dropStep.add(String.format(t("did %s, not %s (%,d)", "做了 %s 未做 %s（%,d）"), r.steps().get(k - 2).step(),
					r.steps().get(k - 1).step(), r.steps().get(k - 2).customers() - r.steps().get(k - 1).customers()));
		}
		if (dropStep.getItemCount() > 0) {
			dropStep.select(dropStep.getItemCount() - 1);
		}
		FunnelResult.Step first = r.steps().get(0);
		FunnelResult.Step last = r.steps().get(r.steps().size() - 1);
		funnelSummary.setText(String.format(t("%,d customers did %s; %,d reached %s (%s of them)%s. %s",
				"%,d 位客户做了 %s；%,d 位到达 %s（占 %s）%s。%s"), first.customers(), first.step(), last.customers(), last.step(),
				pct(last.pctOfFirst()), where == null ? "" : where, FunnelRules.text(r, ctx.zh())));
		root.layout(true, true);
	}

	private static String pct(BigDecimal value) {
		return value == null ? "—" : value.toPlainString() + "%";
	}

	private String duration(BigDecimal seconds) {
		return io.custops.core.Durations.text(seconds, ctx.zh());
	}

	private int dropIndex() {
		return dropStep.getSelectionIndex() + 2;
	}

	private void askAndSaveDropOffs() {
		if (funnel == null || dropStep.getSelectionIndex() < 0) {
			showError(t("Build a funnel first.", "请先生成漏斗。"));
			return;
		}
		int k = dropIndex();
		String suggestion = "dropped-" + funnel.steps().get(k - 2).step() + "-" + funnel.steps().get(k - 1).step() + "-"
				+ LocalDate.now();
		InputDialog dialog = new InputDialog(root.getShell(), t("Save drop-offs as tag", "将流失客户保存为标签"),
				t("Tag for the customers who dropped at this step:", "为在此步流失的客户打上的标签："), suggestion,
				v -> v.isBlank() ? t("A tag cannot be empty", "标签不能为空") : null);
		if (dialog.open() == Window.OK) {
			saveDropOffs(k, dialog.getValue().trim());
		}
	}

	/** Tags the customers who reached step k−1 but not step k. */
	public void saveDropOffs(int step, String tag) {
		if (funnelSource != null) {
			showError(t("Drop-offs inside a source are not saved as tags: tags belong to the workspace's customers.",
					"数据源中的流失客户不能保存为标签：标签属于工作区的客户。"));
			return;
		}
		if (funnelData != session().dataset()) {
			showError(t("The data changed: build the funnel again before saving.", "数据已变化：请先重新生成漏斗再保存。"));
			return;
		}
		int[] customers = funnel.dropped(step);
		session().tag(tag, customers, true, changed -> info(String.format(t("%,d customers tagged '%s'.",
				"已为 %,d 位客户打上标签“%s”。"), changed, tag), null, null), e -> showError(WorkbenchSession.text(e)));
	}

	/** Runs the path analysis, of everyone or of the funnel's drop-offs at the chosen step. */
	public void computePaths(boolean dropOffs) {
		SourceRecord source = activeSource();
		CustomerDataset d = session().dataset();
		PathAnalysis analysis = ctx.services().paths();
		if ((d == null && source == null) || analysis == null) {
			return;
		}
		Map<String, String> params = new LinkedHashMap<>();
		put(params, PathAnalysis.TOP, top);
		put(params, PathAnalysis.START, start);
		put(params, PathAnalysis.END, end);
		put(params, PathAnalysis.EXCLUDE, exclude);
		if (source != null) {
			computePathsInSource(source, analysis, params, dropOffs);
			return;
		}
		int[] customers = null;
		String of = t("all customers", "全部客户");
		if (dropOffs) {
			if (funnel == null || funnelData != d || dropStep.getSelectionIndex() < 0) {
				showError(t("Build a funnel first.", "请先生成漏斗。"));
				return;
			}
			customers = funnel.dropped(dropIndex());
			of = dropStep.getText();
		}
		int[] chosen = customers;
		String scope = of;
		run(t("Paths", "路径"), monitor -> analysis.run(d, params, chosen, monitor), r -> showPaths(r, scope));
	}

	private void showPaths(PathResult r, String scope) {
		paths = r;
		java.util.List<String[]> rows = new ArrayList<>();
		for (PathResult.Path p : r.paths()) {
			rows.add(new String[] { p.text(), Tables.count(p.count()), p.pctOfUnits().toPlainString() + "%" });
		}
		Tables.fill(pathTable, rows);
		flows.setData(r.flows().stream().map(f -> new FlowChart.Flow(f.step(), f.source(), f.target(), f.count()))
				.toList(), PathResult.END);
		pathSummary.setText(String.format(t("%s: %,d %ss, %,d distinct paths", "%s：%,d 个单元（%s），%,d 种路径"), scope,
				r.units(), r.unit(), r.distinctPaths()));
		pathSummary.getParent().layout();
	}

	/**
	 * Finds the paths inside the source, as {@code ./custops paths --source} does. The drop-offs
	 * there are the paths that start at the funnel's first step and never reach the chosen step
	 * (as the behavior-path report counts them): no customer list leaves the source.
	 */
	private void computePathsInSource(SourceRecord source, PathAnalysis analysis, Map<String, String> params,
			boolean dropOffs) {
		String scope = t("all customers", "全部客户");
		if (dropOffs) {
			if (funnel == null || funnelSource != source || dropStep.getSelectionIndex() < 0) {
				showError(t("Build a funnel first.", "请先生成漏斗。"));
				return;
			}
			int k = dropIndex();
			params.put(PathAnalysis.START, funnel.steps().get(0).step());
			params.put(PathAnalysis.NOT_REACHED, funnel.steps().get(k - 1).step());
			scope = String.format(t("paths from %s that never reach %s", "从 %s 出发、未到达 %s 的路径"),
					funnel.steps().get(0).step(), funnel.steps().get(k - 1).step());
		}
		String shown = scope + String.format(t(" (inside source %s)", "（在数据源 %s 中）"), WorkbenchSession.title(source));
		run(t("Paths in source ", "数据源中的路径 ") + WorkbenchSession.title(source),
				monitor -> SourceRuns.paths(session(), source, analysis, params, monitor), out -> {
					if (out instanceof SourceRuns.Refused refused) {
						paths = null;
						pathTable.removeAll();
						flows.setData(java.util.List.of(), PathResult.END);
						flows.setEmptyText(refused.message());
						pathSummary.setText(refused.message());
						pathSummary.getParent().layout();
						return;
					}
					showPaths((PathResult) out, shown);
				});
	}

	// ------------------------------------------------------------------ for tests

	public FunnelResult funnel() {
		return funnel;
	}

	public String funnelSummary() {
		return funnelSummary.getText();
	}

	public Table stepTable() {
		return stepTable;
	}

	public PathResult paths() {
		return paths;
	}

	public BarChart funnelChart() {
		return funnelChart;
	}

	public BarChart breakdownChart() {
		return breakdownChart;
	}

	public FlowChart flowChart() {
		return flows;
	}

	public Table pathTable() {
		return pathTable;
	}

	public Combo dropStepCombo() {
		return dropStep;
	}

	/** The event types the builder offers. */
	public java.util.List<String> eventTypeChoices() {
		return java.util.List.of(available.getItems());
	}
}
