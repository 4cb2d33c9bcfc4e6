package io.custops.ui.internal.views;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;

import io.custops.core.data.CustomerDataset;
import io.custops.core.param.ParameterException;
import io.custops.core.param.ParameterSpec;
import io.custops.core.spi.CustomerAnalysis;
import io.custops.core.spi.ServiceKind;
import io.custops.engine.ConversionResult;
import io.custops.engine.TierConversion;
import io.custops.ui.charts.BarChart;
import io.custops.ui.charts.HeatMap;
import io.custops.ui.charts.LineChart;
import io.custops.ui.charts.Series;
import io.custops.ui.internal.session.ViewContext;
import io.custops.ui.internal.session.WorkbenchSession;

/**
 * The Conversion part: how customers moved between the levels of any strategy or model from
 * one date to another — the matrix of moves as a heat map, retention, upgrade and downgrade
 * per level (table and chart), the entrants, and the rates period by period.
 */
public final class ConversionView extends View {

	private final AnalysisControls controls;
	private final Text from;
	private final Text to;
	private final Combo period;
	private final Label summary;
	private final HeatMap matrix;
	private final Table levels;
	private final BarChart rates;
	private final LineChart trend;
	private ConversionResult result;

	public ConversionView(Composite parent, ViewContext ctx) {
		super(parent, ctx);
		controls = new AnalysisControls(root, ctx, List.of(ServiceKind.STRATEGY, ServiceKind.MODEL), null, Set.of(),
				this::compute);
		Composite dates = new Composite(root, SWT.NONE);
		dates.setLayout(new GridLayout(6, false));
		new Label(dates, SWT.NONE).setText(t("From", "起始日"));
		from = new Text(dates, SWT.BORDER);
		from.setLayoutData(new GridData(90, SWT.DEFAULT));
		new Label(dates, SWT.NONE).setText(t("To", "结束日"));
		to = new Text(dates, SWT.BORDER);
		to.setLayoutData(new GridData(90, SWT.DEFAULT));
		new Label(dates, SWT.NONE).setText(t("Trend by", "趋势周期"));
		period = new Combo(dates, SWT.READ_ONLY);
		period.add(t("(none)", "（无）"));
		TierConversion conversion = ctx.services().conversion();
		if (conversion != null) {
			for (ParameterSpec spec : conversion.parameters()) {
				if (spec.key().equals(TierConversion.PERIOD)) {
					spec.choices().forEach(period::add);
				}
			}
		}
		period.select(Math.min(1, period.getItemCount() - 1));
		summary = new Label(root, SWT.WRAP);
		summary.setLayoutData(Tables.fillH());
		SashForm sash = new SashForm(root, SWT.VERTICAL);
		sash.setLayoutData(Tables.fill());
		SashForm upper = new SashForm(sash, SWT.HORIZONTAL);
		matrix = new HeatMap(upper, SWT.NONE, ctx.locale());
		matrix.setTitle(t("Moves between levels (customers)", "等级间流动（客户数）"));
		matrix.setAxisTitles(t("level at the end →", "结束日等级 →"), t("level at the start", "起始日等级"));
		rates = new BarChart(upper, SWT.NONE, ctx.locale());
		rates.setTitle(t("Retention, upgrade and downgrade per level", "各等级保留、升级与降级率"));
		rates.setAxisTitles(t("level at the start", "起始日等级"), "%");
		SashForm lower = new SashForm(sash, SWT.HORIZONTAL);
		levels = Tables.table(lower, SWT.SINGLE, ctx.zh()
				? new String[] { "起始等级", "客户数", "保留", "升级", "降级", "未归类", "保留率", "升级率", "降级率" }
				: new String[] { "Level", "Customers", "Retained", "Upgraded", "Downgraded", "Unclassified", "Retention",
						"Upgrade", "Downgrade" },
				new int[] { 120, 80, 70, 70, 80, 80, 75, 70, 75 });
		trend = new LineChart(lower, SWT.NONE, ctx.locale());
		trend.setTitle(t("Rates period by period", "各周期比率"));
		trend.setAxisTitles(t("period", "周期"), "%");
		trend.setValueFormat(v -> String.format("%.1f%%", v));
		lower.setWeights(55, 45);
		sash.setWeights(55, 45);
		controls.select(TierConversion.DEFAULT_ANALYSIS);
		start();
	}

	@Override
	protected void datasetChanged(CustomerDataset dataset) {
		LocalDate end = session().defaultAsOf();
		to.setText(end.toString());
		from.setText(end.minusMonths(6).toString());
		compute();
	}

	private static LocalDate date(Text text, String key) {
		try {
			return LocalDate.parse(text.getText().trim());
		} catch (DateTimeParseException e) {
			throw new ParameterException(key, "'" + text.getText() + "' is not an ISO date (yyyy-MM-dd)");
		}
	}

	/** Runs the conversion between the two dates with the chosen analysis. */
	public void compute() {
		CustomerDataset d = session().dataset();
		TierConversion conversion = ctx.services().conversion();
		CustomerAnalysis analysis = controls.analysis();
		if (d == null || conversion == null || analysis == null) {
			return;
		}
		LocalDate start;
		LocalDate end;
		Map<String, String> params;
		try {
			start = date(from, "from");
			end = date(to, "to");
			params = new LinkedHashMap<>(controls.values());
		} catch (RuntimeException e) {
			showError(WorkbenchSession.text(e));
			return;
		}
		if (period.getSelectionIndex() > 0) {
			params.put(TierConversion.PERIOD, period.getText());
		}
		String id = controls.id();
		run(t("Conversion of ", "等级转化：") + id, monitor -> conversion.run(d, id, start, end, params, monitor), this::show);
	}

	private void show(ConversionResult r) {
		result = r;
		List<String> rowLevels = new ArrayList<>(r.levels());
		List<String> colLevels = new ArrayList<>(r.levels());
		for (ConversionResult.Move m : r.matrix()) {
			if (!rowLevels.contains(m.from())) {
				rowLevels.add(m.from());
			}
			if (!colLevels.contains(m.to())) {
				colLevels.add(m.to());
			}
		}
		double[][] cells = new double[rowLevels.size()][colLevels.size()];
		for (double[] row : cells) {
			java.util.Arrays.fill(row, Double.NaN);
		}
		for (ConversionResult.Move m : r.matrix()) {
			cells[rowLevels.indexOf(m.from())][colLevels.indexOf(m.to())] = m.customers();
		}
		matrix.setData(rowLevels.stream().map(this::levelName).toList(), colLevels.stream().map(this::levelName).toList(),
				cells, null);
		List<String[]> rows = new ArrayList<>();
		List<String> names = new ArrayList<>();
		double[] retention = new double[r.perLevel().size()];
		double[] up = new double[r.perLevel().size()];
		double[] down = new double[r.perLevel().size()];
		for (int i = 0; i < r.perLevel().size(); i++) {
			ConversionResult.Level l = r.perLevel().get(i);
			names.add(levelName(l.level()));
			retention[i] = pct(l.retentionRate());
			up[i] = pct(l.upgradeRate());
			down[i] = pct(l.downgradeRate());
			rows.add(new String[] { levelName(l.level()), Tables.count(l.customers()), Tables.count(l.retained()),
					Tables.count(l.upgraded()), Tables.count(l.downgraded()), Tables.count(l.unclassified()),
					Tables.ratio(l.retentionRate()), Tables.ratio(l.upgradeRate()), Tables.ratio(l.downgradeRate()) });
		}
		ConversionResult.Totals t = r.totals();
		rows.add(new String[] { t("all", "合计"), Tables.count(t.customers()), Tables.count(t.retained()),
				Tables.count(t.upgraded()), Tables.count(t.downgraded()), Tables.count(t.unclassified()),
				Tables.ratio(t.retentionRate()), Tables.ratio(t.upgradeRate()), Tables.ratio(t.downgradeRate()) });
		Tables.fill(levels, rows);
		rates.setData(names, List.of(new Series(t("retained", "保留"), retention), new Series(t("upgraded", "升级"), up),
				new Series(t("downgraded", "降级"), down)));
		rates.setBarLabels((s, c, v) -> String.format("%.1f", v));
		if (r.series().isEmpty()) {
			trend.setData(List.of(), List.of());
			trend.setEmptyText(t("Choose a trend period to see the rates over time.", "选择趋势周期以查看比率变化。"));
		} else {
			List<String> periods = new ArrayList<>();
			double[] su = new double[r.series().size()];
			double[] sd = new double[r.series().size()];
			for (int i = 0; i < r.series().size(); i++) {
				ConversionResult.Period p = r.series().get(i);
				periods.add(p.from().toString());
				su[i] = pct(p.totals().upgradeRate());
				sd[i] = pct(p.totals().downgradeRate());
			}
			trend.setData(periods, List.of(new Series(t("upgrade rate", "升级率"), su), new Series(t("downgrade rate", "降级率"), sd)));
		}
		long entrants = r.entrants().stream().mapToLong(ConversionResult.Move::customers).sum();
		summary.setText(String.format(t("%s from %s to %s: %,d customers with a paid order before %s; upgrade %s, downgrade %s, retention %s; %,d entrants",
				"%s 从 %s 到 %s：%s 之前有付款订单的客户 %,d 位；升级率 %s，降级率 %s，保留率 %s；新进入 %,d 位"), r.analysis(), r.from(),
				r.to(), ctx.zh() ? r.from() : r.customers(), ctx.zh() ? r.customers() : r.from(), Tables.ratio(t.upgradeRate()),
				Tables.ratio(t.downgradeRate()), Tables.ratio(t.retentionRate()), entrants));
		root.layout(true, true);
	}

	private static double pct(BigDecimal ratio) {
		return ratio == null ? Double.NaN : ratio.doubleValue() * 100;
	}

	private String levelName(String id) {
		CustomerAnalysis analysis = controls.analysis();
		if (analysis != null && result != null) {
			try {
				for (var label : analysis.labels(ctx.services().analyses().resolve(analysis, Map.copyOf(result.parameters())
						.entrySet().stream().filter(e -> !e.getKey().equals(TierConversion.PERIOD))
						.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))))) {
					if (label.id().equals(id)) {
						return label.text(ctx.locale());
					}
				}
			} catch (RuntimeException e) {
				// fall back to the id
			}
		}
		return ConversionResult.NONE.equals(id) ? t("(none)", "（未归类）") : id;
	}

	// ------------------------------------------------------------------ for tests

	public HeatMap matrix() {
		return matrix;
	}

	public Table levelsTable() {
		return levels;
	}

	public LineChart trendChart() {
		return trend;
	}

	public BarChart ratesChart() {
		return rates;
	}

	public ConversionResult result() {
		return result;
	}
}
