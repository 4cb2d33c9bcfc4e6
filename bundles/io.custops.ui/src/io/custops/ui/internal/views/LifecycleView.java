package io.custops.ui.internal.views;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.Table;

import io.custops.core.data.CustomerDataset;
import io.custops.core.param.ParameterSpec;
import io.custops.core.param.ParameterType;
import io.custops.core.param.Parameters;
import io.custops.core.spi.CustomerAnalysis;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.ResultColumn;
import io.custops.core.spi.ServiceKind;
import io.custops.source.PushdownRun;
import io.custops.store.SourceRecord;
import io.custops.ui.charts.BarChart;
import io.custops.ui.charts.LineChart;
import io.custops.ui.charts.Series;
import io.custops.ui.internal.session.UiPreferences;
import io.custops.ui.internal.session.ViewContext;
import io.custops.ui.internal.session.WorkbenchSession;

/**
 * The Lifecycle part: the stages of a lifecycle model (funnel of its labels in their order),
 * the activity split and the weekly dormant trend when the model gives them, and a churn
 * warning list from any installed model that scores P(alive): the valuable customers most
 * likely gone, with expected purchases and CLV, and the P(alive) bands. The churn model is the
 * analyst's preference (MBG/NBD unless set otherwise) when installed; what its fit says of
 * itself — its warnings, the parameters with standard errors, the calibration histogram and the
 * holdout tracking — is shown beside the list ({@link FitFigures}).
 */
public final class LifecycleView extends View {

	private static final int WARNING_ROWS = 200;
	static final Color WARNING_BACKGROUND = new Color(0xff, 0xe4, 0xb8);

	private final AnalysisControls stages;
	private final AnalysisControls churn;
	private final Label summary;
	private final BarChart funnel;
	private final BarChart activity;
	private final LineChart trend;
	private final BarChart bands;
	private final Table warnings;
	private final Label churnSummary;
	private final Composite fitWarningBox;
	private final Label fitWarningText;
	private final TabFolder churnTabs;
	private final TabItem fitTab;
	private final Label holdoutSummary;
	private final Table fitTable;
	private final BarChart histogram;
	private final LineChart tracking;
	private StageFigures figures;
	private FitFigures fit = FitFigures.NONE;

	public LifecycleView(Composite parent, ViewContext ctx) {
		super(parent, ctx);
		SashForm sash = new SashForm(root, SWT.VERTICAL);
		sash.setLayoutData(Tables.fill());
		Group top = Tables.group(sash, t("Lifecycle stages", "生命周期阶段"), 1);
		stages = new AnalysisControls(top, ctx, List.of(ServiceKind.MODEL), t("As of", "截至"), Set.of(), this::computeStages);
		summary = new Label(top, SWT.WRAP);
		summary.setLayoutData(Tables.fillH());
		SashForm charts = new SashForm(top, SWT.HORIZONTAL);
		charts.setLayoutData(Tables.fill());
		funnel = new BarChart(charts, SWT.NONE, ctx.locale());
		funnel.setHorizontal(true);
		funnel.setColourByCategory(true);
		funnel.setTitle(t("Customers per stage", "各阶段客户数"));
		funnel.setAxisTitles(t("customers", "客户数"), "");
		activity = new BarChart(charts, SWT.NONE, ctx.locale());
		activity.setTitle(t("Activity split", "活跃度分布"));
		activity.setAxisTitles(t("activity", "活跃度"), t("customers", "客户数"));
		trend = new LineChart(charts, SWT.NONE, ctx.locale());
		trend.setTitle(t("Dormant customers, week by week", "每周沉睡客户数"));
		trend.setAxisTitles(t("week", "周"), t("dormant customers", "沉睡客户数"));

		Group bottom = Tables.group(sash, t("Churn warning", "流失预警"), 1);
		churn = new AnalysisControls(bottom, ctx, List.of(ServiceKind.MODEL), null, Set.of(), this::computeChurn);
		churnSummary = new Label(bottom, SWT.WRAP);
		churnSummary.setLayoutData(Tables.fillH());
		// what the fit says of itself: shown in colour above the list, hidden when it says nothing
		fitWarningBox = new Composite(bottom, SWT.NONE);
		GridLayout boxLayout = new GridLayout(1, false);
		boxLayout.marginHeight = 4;
		fitWarningBox.setLayout(boxLayout);
		fitWarningBox.setBackground(WARNING_BACKGROUND);
		GridData boxData = Tables.fillH();
		boxData.exclude = true;
		fitWarningBox.setLayoutData(boxData);
		fitWarningBox.setVisible(false);
		fitWarningText = new Label(fitWarningBox, SWT.WRAP);
		fitWarningText.setBackground(WARNING_BACKGROUND);
		fitWarningText.setLayoutData(Tables.fillH());
		churnTabs = new TabFolder(bottom, SWT.TOP);
		churnTabs.setLayoutData(Tables.fill());
		TabItem listTab = new TabItem(churnTabs, SWT.NONE);
		listTab.setText(t("Warning list", "预警名单"));
		SashForm lower = new SashForm(churnTabs, SWT.HORIZONTAL);
		listTab.setControl(lower);
		warnings = Tables.table(lower, SWT.SINGLE, ctx.zh()
				? new String[] { "客户", "存活概率", "预期购买次数", "客户终身价值", "流失风险", "付款订单", "最近付款" }
				: new String[] { "Customer", "P(alive)", "Expected purchases", "CLV", "Churn risk", "Paid orders", "Last paid" },
				new int[] { 110, 75, 125, 95, 130, 85, 95 }, "LRRRLRL");
		bands = new BarChart(lower, SWT.NONE, ctx.locale());
		bands.setTitle(t("Customers by P(alive)", "按存活概率分布"));
		bands.setAxisTitles(t("P(alive)", "存活概率"), t("customers", "客户数"));
		lower.setWeights(55, 45);

		fitTab = new TabItem(churnTabs, SWT.NONE);
		fitTab.setText(t("Fit and holdout check", "拟合与留出期检验"));
		Composite fitPage = new Composite(churnTabs, SWT.NONE);
		fitPage.setLayout(new GridLayout(1, false));
		fitTab.setControl(fitPage);
		holdoutSummary = new Label(fitPage, SWT.WRAP);
		holdoutSummary.setLayoutData(Tables.fillH());
		SashForm fitSash = new SashForm(fitPage, SWT.HORIZONTAL);
		fitSash.setLayoutData(Tables.fill());
		fitTable = Tables.table(fitSash, SWT.SINGLE, ctx.zh() ? new String[] { "模型", "参数", "估计值", "标准误" }
				: new String[] { "Model", "Parameter", "Estimate", "Std. error" }, new int[] { 80, 80, 80, 80 }, "LLRR");
		histogram = new BarChart(fitSash, SWT.NONE, ctx.locale());
		histogram.setTitle(t("Calibration: customers by repeat purchases", "校准期：按重复购买次数的客户数"));
		histogram.setAxisTitles(t("repeat purchases", "重复购买次数"), t("customers", "客户数"));
		tracking = new LineChart(fitSash, SWT.NONE, ctx.locale());
		tracking.setTitle(t("Cumulative repeat purchases, week by week", "每周累计重复购买次数"));
		tracking.setAxisTitles(t("week from", "周起始日"), t("repeat purchases", "重复购买次数"));
		fitSash.setWeights(28, 30, 42);
		showFit(FitFigures.NONE);
		sash.setWeights(42, 58);
		// the stage model: one that declares the dormancy window of the preferences; the churn model: another one
		for (String id : AnalysisControls.builtInDefault(List.of(ServiceKind.MODEL)).equals(stages.id()) ? List.<String>of()
				: stages.ids()) {
			CustomerAnalysis a = find(id);
			if (a != null && a.parameters().stream().anyMatch(p -> p.key().equals(UiPreferences.DORMANT_DAYS))) {
				stages.select(id);
				break;
			}
		}
		if (!churn.select(ctx.preferences().churnModel())) {
			for (String id : churn.ids()) {
				if (!id.equals(stages.id())) {
					churn.select(id);
					break;
				}
			}
		}
		start();
	}

	private CustomerAnalysis find(String id) {
		return (CustomerAnalysis) ctx.services().catalog().services(ServiceKind.MODEL).stream()
				.filter(e -> e.id().equals(id)).map(e -> e.service()).findFirst().orElse(null);
	}

	@Override
	protected boolean runsOnSources() {
		return true;
	}

	@Override
	protected void sourceChanged(SourceRecord source) {
		stages.setDate(null); // the source's own default: the day after its last order or event
		computeStages();
		computeChurn();
	}

	@Override
	protected void datasetChanged(CustomerDataset dataset) {
		stages.setDate(session().defaultAsOf());
		computeStages();
		computeChurn();
	}

	/** Runs the stage model (with its weekly series when it offers one). */
	public void computeStages() {
		SourceRecord source = activeSource();
		if (source != null) {
			computeStagesInSource(source);
			return;
		}
		CustomerDataset d = session().dataset();
		CustomerAnalysis model = stages.analysis();
		if (d == null || model == null) {
			return;
		}
		LocalDate asOf;
		Map<String, String> params;
		try {
			asOf = stages.date(session().defaultAsOf());
			params = new LinkedHashMap<>(stages.values());
		} catch (RuntimeException e) {
			showError(WorkbenchSession.text(e));
			return;
		}
		Optional<ParameterSpec> series = model.parameters().stream()
				.filter(p -> p.key().equals("series") && p.type() == ParameterType.CHOICE && p.choices().contains("weekly"))
				.findFirst();
		if (series.isPresent() && !params.containsKey("series")) {
			params.put("series", "weekly");
		}
		run(t("Lifecycle with ", "生命周期：") + stages.id(), monitor -> {
			var analyses = ctx.services().analyses();
			return analyses.run(model, d, asOf, analyses.resolve(model, params), monitor);
		}, r -> {
			StageFigures f = StageFigures.of(r);
			showStages(f, String.format(t("%s as of %s: %,d customers", "%s 截至 %s：%,d 位客户"), stages.id(), asOf, f.total()));
			showTrend(r.summary());
		});
	}

	/**
	 * The stage model inside the session's source: counted per stage and activity as the rows
	 * stream by. Its weekly dormant series walks every week's end and is not pushed down.
	 */
	private void computeStagesInSource(SourceRecord source) {
		CustomerAnalysis model = stages.analysis();
		if (model == null) {
			return;
		}
		LocalDate typed;
		Map<String, String> params;
		try {
			typed = stages.date(null);
			params = new LinkedHashMap<>(stages.values());
		} catch (RuntimeException e) {
			showError(WorkbenchSession.text(e));
			return;
		}
		String id = stages.id();
		run(t("Lifecycle in source ", "数据源中的生命周期：") + WorkbenchSession.title(source) + " — " + id, monitor -> {
			LocalDate asOf = typed != null ? typed : session().sourceAsOf(source, monitor);
			var analyses = ctx.services().analyses();
			Parameters p = analyses.resolve(model, params);
			StageFigures.Streaming streaming = StageFigures.streaming(model.labels(p), model.columnNames(p));
			SourceRuns.Refused[] refused = new SourceRuns.Refused[1];
			PushdownRun run = SourceRuns.run(session(), source, model, asOf, p, monitor,
					(customer, label, values) -> streaming.row(label, values), refused);
			return new Object[] { run == null ? refused[0] : streaming.done(run.counts().customers()), asOf, run };
		}, out -> {
			LocalDate asOf = (LocalDate) out[1];
			stages.setDate(asOf);
			if (out[0] instanceof SourceRuns.Refused refused) {
				figures = null;
				funnel.setData(List.of(), t("customers", "客户数"), new double[0]);
				funnel.setEmptyText(refused.message());
				activity.setData(List.of(), List.of());
				activity.setEmptyText(refused.message());
				trend.setData(List.of(), List.of());
				trend.setEmptyText(refused.message());
				summary.setText(refused.message());
				info(refused.message(), null, null);
				root.layout(true, true);
				return;
			}
			StageFigures f = (StageFigures) out[0];
			PushdownRun run = (PushdownRun) out[2];
			showStages(f, String.format(t("%s as of %s in source %s: %,d customers (%,d ms in the source)",
					"%s 截至 %s，数据源 %s：%,d 位客户（数据源用时 %,d 毫秒）"), id, asOf, WorkbenchSession.title(source), f.total(),
					run.millis()));
			trend.setData(List.of(), List.of());
			trend.setEmptyText(t("The weekly dormant trend walks every week's end: it runs on the workspace's data, not inside a source.",
					"每周沉睡趋势需逐周计算：只在工作区数据上运行，不在数据源中运行。"));
		});
	}

	private void showStages(StageFigures f, String summaryText) {
		figures = f;
		long[] counts = f.counts();
		List<String> names = new ArrayList<>();
		double[] values = new double[f.labels().size()];
		for (int i = 0; i < f.labels().size(); i++) {
			names.add(f.labels().get(i).text(ctx.locale()));
			values[i] = counts[i];
		}
		long sum = f.total();
		funnel.setData(names, t("customers", "客户数"), values);
		funnel.setBarLabels((s, c, v) -> Tables.count((long) v) + (sum == 0 ? "" : "  " + Tables.pct(100.0 * v / sum)));
		summary.setText(summaryText);
		if (f.hasActivity()) {
			Map<String, Long> split = f.activity();
			List<String> keys = new ArrayList<>(split.keySet());
			activity.setData(keys.stream().map(this::activityName).toList(), t("customers", "客户数"),
					keys.stream().mapToDouble(k -> split.get(k)).toArray());
		} else {
			activity.setData(List.of(), List.of());
			activity.setEmptyText(t("This model gives no activity.", "此模型没有活跃度结果。"));
		}
		root.layout(true, true);
	}

	private void showTrend(Map<String, Object> summaryOfRun) {
		List<Map<String, Object>> points = series(summaryOfRun);
		if (points.isEmpty()) {
			trend.setData(List.of(), List.of());
			trend.setEmptyText(t("This model gives no weekly series.", "此模型没有每周趋势。"));
		} else {
			List<String> weeks = new ArrayList<>();
			double[] dormant = new double[points.size()];
			for (int i = 0; i < points.size(); i++) {
				Map<String, Object> p = points.get(i);
				String week = String.valueOf(first(p, "week_start", "week", "date", "start"));
				weeks.add(week.length() >= 10 ? week.substring(5) : week);
				Object n = first(p, "dormant", "count", "customers");
				dormant[i] = n instanceof Number number ? number.doubleValue() : Double.NaN;
			}
			trend.setData(weeks, List.of(new Series(t("dormant", "沉睡"), dormant)));
		}
		root.layout(true, true);
	}

	private String activityName(String id) {
		return switch (id) {
		case "active" -> t("active", "活跃");
		case "silent" -> t("silent", "沉默");
		case "sleeping" -> t("sleeping", "休眠");
		case "lost" -> t("lost", "流失");
		default -> id;
		};
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> series(Map<String, Object> summary) {
		for (String key : List.of("weekly_dormant", "dormant_weekly", "series", "weekly")) {
			Object value = summary.get(key);
			if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map) {
				return (List<Map<String, Object>>) value;
			}
			if (value instanceof Map<?, ?> map && !map.isEmpty()) {
				List<Map<String, Object>> points = new ArrayList<>();
				map.forEach((k, v) -> points.add(Map.of("week", k, "dormant", v)));
				return points;
			}
		}
		return List.of();
	}

	private static Object first(Map<String, Object> map, String... keys) {
		for (String k : keys) {
			if (map.get(k) != null) {
				return map.get(k);
			}
		}
		return null;
	}

	/** Runs the churn model and lists who is most likely gone, most valuable first. */
	public void computeChurn() {
		SourceRecord source = activeSource();
		if (source != null) {
			computeChurnInSource(source);
			return;
		}
		CustomerDataset d = session().dataset();
		CustomerAnalysis model = churn.analysis();
		if (d == null || model == null) {
			return;
		}
		LocalDate asOf = session().defaultAsOf();
		Map<String, String> params = churn.values();
		run(t("Churn model ", "流失模型 ") + churn.id(), monitor -> {
			var analyses = ctx.services().analyses();
			return analyses.run(model, d, asOf, analyses.resolve(model, params), monitor);
		}, r -> showChurn(d, r));
	}

	/**
	 * The churn model inside the source: a model without pushdown for the dialect (the BG/NBD fit
	 * runs in memory) is refused by name, in the section, before anything is read; one with a
	 * pushdown that scores P(alive) gives the P(alive) bands, counted as the rows stream by.
	 */
	private void computeChurnInSource(SourceRecord source) {
		CustomerAnalysis model = churn.analysis();
		if (model == null) {
			return;
		}
		Map<String, String> params = churn.values();
		String id = churn.id();
		run(t("Churn model in source ", "数据源中的流失模型 ") + WorkbenchSession.title(source) + " — " + id, monitor -> {
			var analyses = ctx.services().analyses();
			Parameters p = analyses.resolve(model, params);
			if (model.sqlPushdown().isEmpty()) {
				// refused by the runtime's own words, before connecting
				SourceRuns.Refused[] refused = new SourceRuns.Refused[1];
				SourceRuns.run(session(), source, model, LocalDate.now(), p, monitor, (c, l, v) -> {
				}, refused);
				return refused[0];
			}
			LocalDate asOf = session().sourceAsOf(source, monitor);
			int column = model.columnNames(p).indexOf("p_alive");
			double[] bandCounts = new double[5];
			SourceRuns.Refused[] refused = new SourceRuns.Refused[1];
			PushdownRun run = SourceRuns.run(session(), source, model, asOf, p, monitor, (customer, label, values) -> {
				if (column >= 0 && !values[column].isEmpty()) {
					double v = Double.parseDouble(values[column]);
					bandCounts[Math.min(4, (int) (v * 5))]++;
				}
			}, refused);
			return run == null ? refused[0] : column < 0 ? null : bandCounts;
		}, out -> {
			warnings.removeAll();
			showFit(FitFigures.NONE); // the fit runs in memory: nothing of it inside a source
			if (out instanceof SourceRuns.Refused refused) {
				bands.setData(List.of(), List.of());
				bands.setEmptyText(refused.message());
				churnSummary.setText(refused.message());
			} else if (out == null) {
				bands.setData(List.of(), List.of());
				bands.setEmptyText(t("This model gives no P(alive); choose a customer-base model (MBG/NBD, BG/NBD, Pareto/NBD).",
						"此模型没有存活概率；请选择客户基数模型（MBG/NBD、BG/NBD、Pareto/NBD）。"));
				churnSummary.setText(t("Model ", "模型 ") + id + t(" scores no P(alive).", " 不给出存活概率。"));
			} else {
				double[] bandCounts = (double[]) out;
				bands.setData(List.of("0–0.2", "0.2–0.4", "0.4–0.6", "0.6–0.8", "0.8–1"), t("customers", "客户数"), bandCounts);
				churnSummary.setText(String.format(t("%s in source %s: %,d customers scored (the warning list needs the workspace's orders)",
						"%s，数据源 %s：已评分 %,d 位客户（预警名单需要工作区的订单）"), id, WorkbenchSession.title(source),
						(long) Arrays.stream(bandCounts).sum()));
			}
			root.layout(true, true);
		});
	}

	private void showChurn(CustomerDataset d, CustomerClassification r) {
		showFit(FitFigures.of(r.summary(), churn.id(), ctx.zh()));
		Optional<ResultColumn> alive = r.column("p_alive");
		if (alive.isEmpty()) {
			warnings.removeAll();
			bands.setData(List.of(), List.of());
			bands.setEmptyText(t("This model gives no P(alive); choose a customer-base model (MBG/NBD, BG/NBD, Pareto/NBD).",
					"此模型没有存活概率；请选择客户基数模型（MBG/NBD、BG/NBD、Pareto/NBD）。"));
			churnSummary.setText(t("Model ", "模型 ") + churn.id() + t(" scores no P(alive).", " 不给出存活概率。"));
			return;
		}
		Optional<ResultColumn> expected = r.column("expected_purchases");
		Optional<ResultColumn> clv = r.column("clv");
		Optional<ResultColumn> frequency = r.column("frequency");
		var facts = session().facts();
		// the warning list: repeat buyers (their P(alive) says something) ordered by P(alive) × value lost
		List<Integer> scored = new ArrayList<>();
		double[] bandCounts = new double[5];
		for (int c = 0; c < r.customerCount(); c++) {
			double p = alive.get().number(c);
			if (Double.isNaN(p)) {
				continue;
			}
			bandCounts[Math.min(4, (int) (p * 5))]++;
			if (facts != null && facts.paidOrders(c) >= 2) {
				scored.add(c);
			}
		}
		double[] value = new double[r.customerCount()];
		for (int c : scored) {
			double v = clv.map(col -> col.number(c)).orElse(Double.NaN);
			value[c] = Double.isNaN(v) ? (facts == null ? 0 : facts.revenueCents(c) / 100.0) : v;
		}
		// most value at risk first: what the customer is worth × the chance they are gone
		// ties (a model sure everybody is alive): the longest since the last paid order first
		Comparator<Integer> atRisk = Comparator.comparingDouble(c -> -value[c] * (1 - alive.get().number(c)));
		scored.sort(atRisk.thenComparingDouble(c -> alive.get().number(c))
				.thenComparingInt(c -> facts == null ? 0 : facts.lastPaidDay(c)));
		long below = scored.stream().filter(c -> alive.get().number(c) < 0.5).count();
		List<String[]> rows = new ArrayList<>();
		for (int c : scored.subList(0, Math.min(WARNING_ROWS, scored.size()))) {
			rows.add(new String[] { d.customerId(c), String.format("%.3f", alive.get().number(c)),
					expected.map(col -> String.format("%.2f", col.number(c))).orElse("—"),
					clv.map(col -> col.format(c)).orElse("—"), r.labelOf(c).map(l -> l.text(ctx.locale())).orElse("—"),
					facts == null ? frequency.map(col -> col.format(c)).orElse("") : Integer.toString(facts.paidOrders(c)),
					facts == null ? "" : Tables.day(facts.lastPaidDay(c)) });
		}
		Tables.fill(warnings, rows);
		bands.setData(List.of("0–0.2", "0.2–0.4", "0.4–0.6", "0.6–0.8", "0.8–1"), t("customers", "客户数"), bandCounts);
		long total = (long) Arrays.stream(bandCounts).sum();
		churnSummary.setText(String.format(t("%s: %,d customers scored; %,d repeat buyers have P(alive) below 0.5; the %d repeat buyers with the most value at risk (value × (1 − P(alive))) are listed",
				"%s：已评分 %,d 位客户；存活概率低于 0.5 的复购客户 %,d 位；列出流失价值（价值 ×（1 − 存活概率））最高的 %d 位复购客户"),
				churn.id(), total, below, rows.size()));
		root.layout(true, true);
	}

	/** The fit's warnings (in colour above the list), parameters, histogram and holdout tracking. */
	private void showFit(FitFigures f) {
		fit = f;
		boolean warn = !f.warnings().isEmpty();
		fitWarningText.setText(warn ? "⚠ " + String.join("\n⚠ ", f.warnings()) : "");
		fitWarningBox.setVisible(warn);
		((GridData) fitWarningBox.getLayoutData()).exclude = !warn;
		fitTab.setText(t("Fit and holdout check", "拟合与留出期检验") + (warn ? " ⚠" : ""));
		Tables.fill(fitTable, f.parameters());
		if (f.hasHistogram()) {
			histogram.setData(f.histogramX(), List.of(new Series(t("actual", "实际"), f.histogramActual()),
					new Series(t("model", "模型"), f.histogramExpected())));
		} else {
			histogram.setData(List.of(), List.of());
			histogram.setEmptyText(t("This model gives no frequency histogram.", "此模型没有购买次数分布。"));
		}
		if (f.hasTracking()) {
			tracking.setData(f.weeks(), List.of(new Series(t("actual", "实际"), f.cumulativeActual()),
					new Series(t("model", "模型"), f.cumulativeExpected())));
			tracking.setMarker(f.calibrationEndWeek(), t("calibration end", "校准期结束"));
		} else {
			tracking.setData(List.of(), List.of());
			tracking.setMarker(-1, null);
			tracking.setEmptyText(t("No holdout: set a calibration end before the as-of date (and a holdout end after it) "
					+ "to compare the model with the purchases that followed.",
					"没有留出期：将校准期结束日设在截止日期之前（留出期结束日在其后），即可用其后的购买检验模型。"));
		}
		FitFigures.Holdout h = f.holdout();
		holdoutSummary.setText(h == null ? ""
				: String.format(t("Holdout %s – %s (%.1f weeks): the %,d calibration customers made %,d repeat purchases; the model expected %,.1f.",
						"留出期 %s – %s（%.1f 周）：%,d 位校准期客户实际重复购买 %,d 次，模型预期 %,.1f 次。"), h.start(), h.end(),
						h.weeks(), h.customers(), h.actual(), h.predicted()));
		root.layout(true, true);
	}

	// ------------------------------------------------------------------ for tests

	/** The stage model's parameter field as the analyst sees it. */
	public String stageParameter(String key) {
		return stages.form() == null ? null : stages.form().get(key);
	}

	/** What the last stage run showed (in memory or in the source), or null. */
	public StageFigures figures() {
		return figures;
	}

	/** The churn section's summary line. */
	public String churnSummary() {
		return churnSummary.getText();
	}

	/** Types the stage model's as-of date (tests; the analyst types it). */
	public void setDate(LocalDate date) {
		stages.setDate(date);
	}

	public BarChart funnelChart() {
		return funnel;
	}

	public BarChart activityChart() {
		return activity;
	}

	public LineChart trendChart() {
		return trend;
	}

	public BarChart bandsChart() {
		return bands;
	}

	public Table warningsTable() {
		return warnings;
	}

	/** The churn model chosen. */
	public String churnModel() {
		return churn.id();
	}

	/** Chooses the churn model (tests; the analyst picks it); false when none has the id. */
	public boolean selectChurnModel(String id) {
		return churn.select(id);
	}

	/** Types a parameter of the churn model (tests; the analyst types it). */
	public void setChurnParameter(String key, String value) {
		churn.form().set(key, value);
	}

	/** What the last churn run's fit said of itself. */
	public FitFigures fit() {
		return fit;
	}

	/** The warning text shown above the list, or null when hidden. */
	public String fitWarningText() {
		return fitWarningBox.getVisible() ? fitWarningText.getText() : null;
	}

	/** Brings the fit tab (or the warning list) to the front. */
	public void showFitTab(boolean show) {
		churnTabs.setSelection(show ? 1 : 0);
	}

	public Table fitTable() {
		return fitTable;
	}

	public BarChart histogramChart() {
		return histogram;
	}

	public LineChart trackingChart() {
		return tracking;
	}

	public String holdoutSummary() {
		return holdoutSummary.getText();
	}
}
