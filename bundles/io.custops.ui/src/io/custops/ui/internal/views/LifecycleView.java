package io.custops.ui.internal.views;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;

import io.custops.core.data.CustomerDataset;
import io.custops.core.param.ParameterSpec;
import io.custops.core.param.ParameterType;
import io.custops.core.spi.CustomerAnalysis;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.ResultColumn;
import io.custops.core.spi.ServiceKind;
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
 * likely gone, with expected purchases and CLV, and the P(alive) bands.
 */
public final class LifecycleView extends View {

	private static final int WARNING_ROWS = 200;

	private final AnalysisControls stages;
	private final AnalysisControls churn;
	private final Label summary;
	private final BarChart funnel;
	private final BarChart activity;
	private final LineChart trend;
	private final BarChart bands;
	private final Table warnings;
	private final Label churnSummary;

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
		SashForm lower = new SashForm(bottom, SWT.HORIZONTAL);
		lower.setLayoutData(Tables.fill());
		warnings = Tables.table(lower, SWT.SINGLE, ctx.zh()
				? new String[] { "客户", "存活概率", "预期购买次数", "客户终身价值", "流失风险", "付款订单" }
				: new String[] { "Customer", "P(alive)", "Expected purchases", "CLV", "Churn risk", "Paid orders" },
				new int[] { 120, 80, 130, 100, 140, 90 }, "LRRRLR");
		bands = new BarChart(lower, SWT.NONE, ctx.locale());
		bands.setTitle(t("Customers by P(alive)", "按存活概率分布"));
		bands.setAxisTitles(t("P(alive)", "存活概率"), t("customers", "客户数"));
		lower.setWeights(55, 45);
		sash.setWeights(55, 45);
		// the stage model: one that declares the dormancy window of the preferences; the churn model: another one
		for (String id : stages.ids()) {
			CustomerAnalysis a = find(id);
			if (a != null && a.parameters().stream().anyMatch(p -> p.key().equals(UiPreferences.DORMANT_DAYS))) {
				stages.select(id);
				break;
			}
		}
		for (String id : churn.ids()) {
			if (!id.equals(stages.id())) {
				churn.select(id);
				break;
			}
		}
		start();
	}

	private CustomerAnalysis find(String id) {
		return (CustomerAnalysis) ctx.services().catalog().services(ServiceKind.MODEL).stream()
				.filter(e -> e.id().equals(id)).map(e -> e.service()).findFirst().orElse(null);
	}

	@Override
	protected void datasetChanged(CustomerDataset dataset) {
		stages.setDate(session().defaultAsOf());
		computeStages();
		computeChurn();
	}

	/** Runs the stage model (with its weekly series when it offers one). */
	public void computeStages() {
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
		}, r -> showStages(r, asOf));
	}

	private void showStages(CustomerClassification r, LocalDate asOf) {
		Map<String, Long> counts = r.counts();
		List<String> names = new ArrayList<>();
		double[] values = new double[r.labels().size()];
		long total = 0;
		for (int i = 0; i < r.labels().size(); i++) {
			names.add(r.labels().get(i).text(ctx.locale()));
			values[i] = counts.get(r.labels().get(i).id());
			total += (long) values[i];
		}
		long sum = total;
		funnel.setData(names, t("customers", "客户数"), values);
		funnel.setBarLabels((s, c, v) -> Tables.count((long) v) + (sum == 0 ? "" : "  " + Tables.pct(100.0 * v / sum)));
		summary.setText(String.format(t("%s as of %s: %,d customers", "%s 截至 %s：%,d 位客户"), stages.id(), asOf, total));
		Optional<ResultColumn> act = r.column("activity");
		if (act.isPresent()) {
			Map<String, Long> split = new LinkedHashMap<>();
			for (int c = 0; c < r.customerCount(); c++) {
				String v = act.get().format(c);
				if (!v.isEmpty()) {
					split.merge(v, 1L, Long::sum);
				}
			}
			List<String> keys = new ArrayList<>(split.keySet());
			List<String> order = List.of("active", "silent", "sleeping", "lost");
			keys.sort((a, b) -> Integer.compare(rank(order, a), rank(order, b)));
			activity.setData(keys.stream().map(this::activityName).toList(), t("customers", "客户数"),
					keys.stream().mapToDouble(k -> split.get(k)).toArray());
		} else {
			activity.setData(List.of(), List.of());
			activity.setEmptyText(t("This model gives no activity.", "此模型没有活跃度结果。"));
		}
		List<Map<String, Object>> points = series(r.summary());
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

	private static int rank(List<String> order, String value) {
		int i = order.indexOf(value);
		return i < 0 ? order.size() : i;
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

	private void showChurn(CustomerDataset d, CustomerClassification r) {
		Optional<ResultColumn> alive = r.column("p_alive");
		if (alive.isEmpty()) {
			warnings.removeAll();
			bands.setData(List.of(), List.of());
			bands.setEmptyText(t("This model gives no P(alive); choose a customer-base model (BG/NBD, Pareto/NBD).",
					"此模型没有存活概率；请选择客户基数模型（BG/NBD、Pareto/NBD）。"));
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
		scored.sort((a, b) -> Double.compare(value[b] * (1 - alive.get().number(b)), value[a] * (1 - alive.get().number(a))));
		long below = scored.stream().filter(c -> alive.get().number(c) < 0.5).count();
		List<String[]> rows = new ArrayList<>();
		for (int c : scored.subList(0, Math.min(WARNING_ROWS, scored.size()))) {
			rows.add(new String[] { d.customerId(c), String.format("%.3f", alive.get().number(c)),
					expected.map(col -> String.format("%.2f", col.number(c))).orElse("—"),
					clv.map(col -> col.format(c)).orElse("—"), r.labelOf(c).map(l -> l.text(ctx.locale())).orElse("—"),
					facts == null ? frequency.map(col -> col.format(c)).orElse("") : Integer.toString(facts.paidOrders(c)) });
		}
		Tables.fill(warnings, rows);
		bands.setData(List.of("0–0.2", "0.2–0.4", "0.4–0.6", "0.6–0.8", "0.8–1"), t("customers", "客户数"), bandCounts);
		long total = (long) Arrays.stream(bandCounts).sum();
		churnSummary.setText(String.format(t("%s: %,d customers scored; %,d repeat buyers have P(alive) below 0.5; the %d repeat buyers with the most value at risk (value × (1 − P(alive))) are listed",
				"%s：已评分 %,d 位客户；存活概率低于 0.5 的复购客户 %,d 位；列出流失价值（价值 ×（1 − 存活概率））最高的 %d 位复购客户"),
				churn.id(), total, below, rows.size()));
		root.layout(true, true);
	}

	// ------------------------------------------------------------------ for tests

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
}
