package io.custops.report.templates.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import io.custops.engine.Analyses;
import io.custops.engine.ConversionResult;
import io.custops.engine.TierConversion;

/**
 * Tier conversion between two dates: the matrix of moves as a heat table (cells shaded by their
 * share of the row), upgrade, downgrade and retention rates per tier, the entrants, and the
 * trend of the rates over consecutive periods as a chart. Every figure is the engine's
 * {@link TierConversion} result for the same parameters.
 */
@Component(service = ReportTemplate.class)
public class TierConversionTemplate implements ReportTemplate {

	static final String FROM = "from";
	static final String TO = "to";
	static final String ANALYSIS = "analysis";
	/** The ladder's parameters, passed to the analysis when given (the tiers strategy's). */
	static final List<String> PASSED = List.of("levels", "basis", "windowDays");
	/** Columns of the heat table: the levels and (none). */
	static final int MAX_COLUMNS = 9;

	@Override
	public String id() {
		return "tier-conversion";
	}

	@Override
	public LocalizedText name() {
		return LocalizedText.of("Tier conversion", "会员等级转化");
	}

	@Override
	public LocalizedText description() {
		return LocalizedText.of("Moves between tiers from one date to another, up/down rates per tier, the trend per period",
				"两个日期之间的等级流转矩阵、各等级升降级率、各期趋势");
	}

	@Override
	public List<ParameterSpec> parameters() {
		List<ParameterSpec> specs = new ArrayList<>(List.of(
				ParameterSpec.builder(FROM, ParameterType.DATE).label("From", "起始日期")
						.description("The first snapshot (as of this date); default: 12 months before 'to'",
								"第一个快照（截至此日期）；默认为结束日期前 12 个月")
						.build(),
				ParameterSpec.builder(TO, ParameterType.DATE).label("To", "结束日期")
						.description("The second snapshot; default: the report date", "第二个快照；默认为报表日期").build(),
				ParameterSpec.builder(TierConversion.PERIOD, ParameterType.CHOICE).choices("month", "quarter", "year")
						.defaultValue("month").label("Period", "周期")
						.description("Length of the periods of the trend", "趋势的周期长度").build(),
				ParameterSpec.builder(ANALYSIS, ParameterType.STRING).defaultValue(TierConversion.DEFAULT_ANALYSIS)
						.label("Analysis", "分析").description("The strategy or model whose levels are compared",
								"比较其等级的分群策略或生命周期模型")
						.build()));
		specs.add(Templates.passThrough("levels", "Tier ladder", "等级阶梯"));
		specs.add(Templates.passThrough("basis", "Basis", "依据"));
		specs.add(Templates.passThrough("windowDays", "Window (days)", "统计窗口（天）"));
		return specs;
	}

	@Override
	public URL design() {
		return getClass().getResource("/designs/tier-conversion.rptdesign");
	}

	@Override
	public ReportData prepare(ReportContext context) throws Exception {
		Locale locale = context.locale();
		Parameters p = context.parameters();
		LocalDate to = p.has(TO) ? p.date(TO) : context.today();
		LocalDate from = p.has(FROM) ? p.date(FROM) : to.minusMonths(12);
		if (!from.isBefore(to)) {
			throw new ParameterException(FROM, "from " + from + " must be before to " + to);
		}
		String analysis = p.string(ANALYSIS);
		Map<String, String> passed = Templates.given(p, PASSED);
		Map<String, String> params = new LinkedHashMap<>(passed);
		params.put(TierConversion.PERIOD, p.string(TierConversion.PERIOD));
		ConversionResult result;
		Map<String, String> texts;
		try (EngineServices engine = new EngineServices()) {
			java.util.Optional<io.custops.engine.sql.SourceAnalyses> source = context
					.input(io.custops.engine.sql.SourceAnalyses.class);
			result = source.isPresent() ? source.get().conversion(analysis, from, to, params)
					: engine.get(TierConversion.class).run(context.dataset(), analysis, from, to, params, context.monitor());
			texts = Labels.texts(engine.get(Analyses.class), analysis, passed, locale);
		}

		List<String> columns = new ArrayList<>(result.levels());
		boolean noneColumn = result.matrix().stream().anyMatch(m -> m.to().equals(ConversionResult.NONE) && m.customers() > 0);
		if (noneColumn) {
			columns.add(ConversionResult.NONE);
		}
		if (columns.size() > MAX_COLUMNS) {
			throw new ParameterException(ANALYSIS, "analysis '" + analysis + "' has " + result.levels().size()
					+ " levels; the heat table shows at most " + (MAX_COLUMNS - 1));
		}
		List<String> rowsOrder = new ArrayList<>(result.levels());
		if (result.matrix().stream().anyMatch(m -> m.from().equals(ConversionResult.NONE) && m.customers() > 0)) {
			rowsOrder.add(ConversionResult.NONE);
		}
		Map<String, Map<String, Long>> cells = new LinkedHashMap<>();
		for (ConversionResult.Move move : result.matrix()) {
			cells.computeIfAbsent(move.from(), k -> new LinkedHashMap<>()).put(move.to(), move.customers());
		}
		List<String> heatColumns = new ArrayList<>(List.of("level"));
		for (int k = 1; k <= MAX_COLUMNS; k++) {
			heatColumns.add("c" + k);
		}
		for (int k = 1; k <= MAX_COLUMNS; k++) {
			heatColumns.add("p" + k);
		}
		heatColumns.add("total");
		List<Object[]> heat = new ArrayList<>();
		for (String from1 : rowsOrder) {
			Map<String, Long> row = cells.getOrDefault(from1, Map.of());
			long total = row.values().stream().mapToLong(Long::longValue).sum();
			Object[] r = new Object[heatColumns.size()];
			r[0] = text(texts, from1, locale);
			for (int k = 0; k < MAX_COLUMNS; k++) {
				if (k < columns.size()) {
					long n = row.getOrDefault(columns.get(k), 0L);
					r[1 + k] = n;
					r[1 + MAX_COLUMNS + k] = total == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(n).divide(BigDecimal.valueOf(total), 6, RoundingMode.HALF_UP);
				} else {
					r[1 + k] = null;
					r[1 + MAX_COLUMNS + k] = BigDecimal.ZERO;
				}
			}
			r[heatColumns.size() - 1] = total;
			heat.add(r);
		}

		List<Object[]> perLevel = new ArrayList<>();
		for (ConversionResult.Level level : result.perLevel()) {
			perLevel.add(new Object[] { text(texts, level.level(), locale), level.customers(), level.retained(),
					level.upgraded(), level.downgraded(), level.unclassified(), level.retentionRate(), level.upgradeRate(),
					level.downgradeRate() });
		}
		ConversionResult.Totals t = result.totals();
		perLevel.add(new Object[] { Templates.t(locale, "All", "合计"), t.customers(), t.retained(), t.upgraded(),
				t.downgraded(), t.unclassified(), t.retentionRate(), t.upgradeRate(), t.downgradeRate() });

		List<Object[]> entrants = new ArrayList<>();
		for (ConversionResult.Move move : result.entrants()) {
			entrants.add(new Object[] { text(texts, move.to(), locale), move.customers() });
		}

		List<Object[]> trend = new ArrayList<>();
		boolean anyRate = false;
		for (ConversionResult.Period period : result.series()) {
			ConversionResult.Totals pt = period.totals();
			anyRate |= pt.upgradeRate() != null;
			trend.add(new Object[] { periodLabel(period, p.string(TierConversion.PERIOD)), period.from(), period.to(),
					pt.customers(), pt.retained(), pt.upgraded(), pt.downgraded(), pt.upgradeRate(), pt.downgradeRate(),
					pt.retentionRate(), period.entrants() });
		}

		ReportData data = new ReportData()
				.table("heat", new ReportData.Table(heatColumns, heat))
				.table("per_level", new ReportData.Table(List.of("level", "customers", "retained", "upgraded", "downgraded",
						"unclassified", "retention_rate", "upgrade_rate", "downgrade_rate"), perLevel))
				.table("entrants", new ReportData.Table(List.of("level", "customers"), entrants))
				.table("trend", new ReportData.Table(List.of("period", "period_from", "period_to", "customers", "retained",
						"upgraded", "downgraded", "upgrade_rate", "downgrade_rate", "retention_rate", "entrants"), trend))
				.value("title", Templates.t(locale, "Tier conversion", "会员等级转化"))
				.value("subtitle", Templates.t(locale,
						"From " + from + " to " + to + " · analysis " + analysis + " · " + Templates.count(locale, result.customers())
								+ " customers with a paid order before " + from,
						"从 " + from + " 到 " + to + " · 分析 " + analysis + " · " + Templates.count(locale, result.customers())
								+ " 位客户（" + from + " 之前有付款订单）"))
				.value("h_matrix", Templates.t(locale, "Moves from " + from + " (rows) to " + to + " (columns)",
						"从 " + from + "（行）到 " + to + "（列）的流转"))
				.value("matrix_note", Templates.t(locale,
						"Customers per pair of tiers; the darker the cell, the larger its share of the row.",
						"每对等级之间的客户数；颜色越深，占该行的比例越大。"))
				.value("columns", (long) columns.size())
				.value("h_rates", Templates.t(locale, "Upgrade and downgrade per tier", "各等级升降级"))
				.value("h_entrants", Templates.t(locale, "Entrants (first paid order between the dates), by tier at " + to,
						"新进入客户（两日期之间首次付款），按 " + to + " 的等级"))
				.value("h_trend", Templates.t(locale, "Upgrade and downgrade rates per " + p.string(TierConversion.PERIOD),
						"每" + periodZh(p.string(TierConversion.PERIOD)) + "升级率与降级率"))
				.value("has_trend", anyRate)
				.value("trend_note", anyRate
						? Templates.t(locale, "Each period: the customers with a paid order before its start, classified at its start and end. Chart: upgrade rate (blue), downgrade rate (orange).",
								"每期：期初之前有付款订单的客户，分别按期初与期末分级。图：升级率（蓝）、降级率（橙）。")
						: Templates.t(locale, "No period had customers to compare.", "没有可比较的周期。"))
				.value("series_upgrade", Templates.t(locale, "Upgrade rate", "升级率"))
				.value("series_downgrade", Templates.t(locale, "Downgrade rate", "降级率"))
				.value("col_from", Templates.t(locale, "From \\ to", "起 \\ 止"))
				.value("col_tier", Templates.t(locale, "Tier", "等级"))
				.value("col_period", Templates.t(locale, "Period", "周期"))
				.value("col_total", Templates.t(locale, "Total", "合计"))
				.value("col_customers", Templates.t(locale, "Customers", "客户数"))
				.value("col_retained", Templates.t(locale, "Retained", "保持"))
				.value("col_upgraded", Templates.t(locale, "Moved up", "升级"))
				.value("col_downgraded", Templates.t(locale, "Moved down", "降级"))
				.value("col_unclassified", Templates.t(locale, "No tier at end", "期末未分级"))
				.value("col_retention_rate", Templates.t(locale, "Retention", "保持率"))
				.value("col_upgrade_rate", Templates.t(locale, "Up rate", "升级率"))
				.value("col_downgrade_rate", Templates.t(locale, "Down rate", "降级率"))
				.value("col_entrants", Templates.t(locale, "Entrants", "新进入"));
		for (int k = 1; k <= MAX_COLUMNS; k++) {
			data.value("h" + k, k <= columns.size() ? text(texts, columns.get(k - 1), locale) : "");
		}
		return data;
	}

	private static String text(Map<String, String> texts, String level, Locale locale) {
		if (ConversionResult.NONE.equals(level)) {
			return Templates.t(locale, "(none)", "（无）");
		}
		return texts.getOrDefault(level, level);
	}

	/** "2026-03" for a period starting on the first of a month, else its first day. */
	private static String periodLabel(ConversionResult.Period period, String unit) {
		LocalDate a = period.from();
		return a.getDayOfMonth() == 1 ? a.toString().substring(0, 7) : a.toString();
	}

	private static String periodZh(String unit) {
		return switch (unit) {
		case "year" -> "年";
		case "quarter" -> "季度";
		default -> "月";
		};
	}
}
