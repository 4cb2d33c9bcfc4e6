package io.custops.ui.internal.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import io.custops.core.data.CustomerDataset;
import io.custops.engine.CohortAnalysis;
import io.custops.engine.CohortResult;
import io.custops.ui.charts.HeatMap;
import io.custops.ui.charts.LineChart;
import io.custops.ui.charts.Series;
import io.custops.ui.internal.session.ViewContext;

/**
 * The Cohorts part: customers by the month (or week) of their first paid order, as a heat map in
 * the usual triangle (cohorts down, periods since across), and the LTV curves of the latest
 * cohorts. Everything it shows comes from {@link CohortsModel}; this class only makes widgets.
 */
public final class CohortsView extends View {

	private static final String[] METRICS = { "customers", "orders", "revenue" };

	private final CohortsModel model;
	private final ServiceTracker<CohortAnalysis, CohortAnalysis> service;
	private final Combo by;
	private final Combo metric;
	private final Combo breakdown;
	private final Combo group;
	private final Label summary;
	private final HeatMap heat;
	private final LineChart ltv;

	public CohortsView(Composite parent, ViewContext ctx) {
		super(parent, ctx);
		model = new CohortsModel(ctx.locale());
		service = new ServiceTracker<>(FrameworkUtil.getBundle(CohortsView.class).getBundleContext(), CohortAnalysis.class,
				null);
		service.open();
		root.addDisposeListener(e -> service.close());

		Composite bar = new Composite(root, SWT.NONE);
		bar.setLayout(new GridLayout(9, false));
		new Label(bar, SWT.NONE).setText(t("Cohorts by", "同期群"));
		by = new Combo(bar, SWT.READ_ONLY);
		by.setItems(t("first order month", "首单月份"), t("first order week", "首单周"));
		by.select(0);
		new Label(bar, SWT.NONE).setText(t("Cells", "指标"));
		metric = new Combo(bar, SWT.READ_ONLY);
		metric.setItems(t("% who bought", "购买客户占比"), t("orders per customer", "每客订单数"),
				t("revenue per customer", "每客收入"));
		metric.select(0);
		new Label(bar, SWT.NONE).setText(t("Breakdown", "细分"));
		breakdown = new Combo(bar, SWT.DROP_DOWN);
		List<String> choices = new ArrayList<>(CohortsModel.BREAKDOWNS);
		choices.set(0, t("(none)", "（无）"));
		breakdown.setItems(choices.toArray(String[]::new));
		breakdown.select(0);
		breakdown.setToolTipText(t("channel: of the first paid order; or a customer attribute, or an analysis id",
				"channel：首单渠道；或客户属性、分析 id"));
		group = new Combo(bar, SWT.READ_ONLY);
		group.setItems(model.groupChoices().toArray(String[]::new));
		group.select(0);
		group.addListener(SWT.Selection, e -> {
			model.selectGroup(group.getSelectionIndex());
			showCohorts();
		});
		Button compute = new Button(bar, SWT.PUSH);
		compute.setText(t("Compute", "计算"));
		compute.addListener(SWT.Selection, e -> compute());
		by.addListener(SWT.Selection, e -> compute());
		metric.addListener(SWT.Selection, e -> compute());
		breakdown.addListener(SWT.DefaultSelection, e -> compute());
		breakdown.addListener(SWT.Selection, e -> compute());

		summary = new Label(root, SWT.WRAP);
		summary.setLayoutData(Tables.fillH());
		SashForm sash = new SashForm(root, SWT.VERTICAL);
		sash.setLayoutData(Tables.fill());
		heat = new HeatMap(sash, SWT.NONE, ctx.locale());
		heat.setTitle(t("Retention by first-order cohort", "按首单同期群的留存"));
		heat.setAxisTitles(t("periods since the first paid order →", "首次付款后的期数 →"), t("cohort · customers", "同期群 · 客户数"));
		heat.setEmptyText(t("No customer with a paid order yet.", "还没有付款客户。"));
		ltv = new LineChart(sash, SWT.NONE, ctx.locale());
		ltv.setTitle(t("Cumulative revenue per customer (LTV curves)", "每位客户累计收入（LTV 曲线）"));
		ltv.setAxisTitles(t("periods since the first paid order", "首次付款后的期数"), t("revenue per customer", "每客收入"));
		ltv.setEmptyText(t("No cohort has two periods yet.", "还没有满两期的同期群。"));
		sash.setWeights(60, 40);
		start();
	}

	/** The model, for the tests. */
	public CohortsModel model() {
		return model;
	}

	public HeatMap heatMap() {
		return heat;
	}

	public LineChart ltvChart() {
		return ltv;
	}

	@Override
	protected void datasetChanged(CustomerDataset dataset) {
		compute();
	}

	public void compute() {
		CustomerDataset d = session().dataset();
		CohortAnalysis cohorts = service.getService();
		if (d == null) {
			return;
		}
		if (cohorts == null) {
			showError(t("The cohort analysis service is not available.", "同期群分析服务不可用。"));
			return;
		}
		model.setBy(by.getSelectionIndex() == 1 ? CohortAnalysis.BY_WEEK : CohortAnalysis.BY_MONTH);
		model.setMetric(METRICS[Math.max(0, metric.getSelectionIndex())]);
		int b = breakdown.getSelectionIndex();
		model.setBreakdown(b == 0 ? "" : b > 0 ? CohortsModel.BREAKDOWNS.get(b) : breakdown.getText());
		Map<String, String> params = model.parameters();
		// as of the day the workbench uses for every analysis
		params.put(CohortAnalysis.AS_OF, session().defaultAsOf().toString());
		run(t("Cohorts", "同期群"), monitor -> cohorts.run(d, params, monitor), this::show);
	}

	private void show(CohortResult result) {
		model.setResult(result);
		group.setItems(model.groupChoices().toArray(String[]::new));
		group.select(0);
		group.setVisible(!result.groups().isEmpty());
		showCohorts();
	}

	private void showCohorts() {
		summary.setText(model.summary());
		heat.setData(model.rows(), model.columns(), model.values(), model.texts());
		List<CohortResult.Cohort> curves = model.curveCohorts();
		List<double[]> values = model.curves();
		List<Series> series = new ArrayList<>();
		for (int i = 0; i < curves.size(); i++) {
			series.add(new Series(curves.get(i).cohort(), values.get(i)));
		}
		ltv.setData(series.isEmpty() ? List.of() : model.columns(), series);
		root.layout(true, true);
	}
}
