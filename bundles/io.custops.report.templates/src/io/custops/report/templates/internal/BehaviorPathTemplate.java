package io.custops.report.templates.internal;

import java.math.BigDecimal;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.custops.core.LocalizedText;
import io.custops.core.param.ParameterSpec;
import io.custops.core.param.ParameterType;
import io.custops.core.param.Parameters;
import io.custops.core.spi.ReportContext;
import io.custops.core.spi.ReportData;
import io.custops.core.spi.ReportTemplate;
import io.custops.engine.FunnelAnalysis;
import io.custops.engine.FunnelResult;
import io.custops.engine.PathAnalysis;
import io.custops.engine.PathResult;
import io.custops.engine.sql.SourceAnalyses;

/**
 * Behaviour paths: the funnel of the given steps as a chart (with the share of the first and of
 * the previous step) and a table with the median time between steps; the most frequent paths;
 * the paths of those who began the funnel but never reached its last step; the funnel by
 * channel. Every figure is the engine's {@link FunnelAnalysis} or {@link PathAnalysis} result, run
 * in memory or, with {@code --param source=ID}, inside the source ({@link SourceAnalyses}).
 */
@Component(service = ReportTemplate.class)
public class BehaviorPathTemplate implements ReportTemplate {

	static final String STEPS = "steps";
	static final String TOP = "top";
	static final String BREAKDOWN = "breakdown";
	static final String WINDOW = "window";
	static final String FROM = "from";
	static final String TO = "to";

	private static final Map<String, LocalizedText> EVENT_NAMES = Map.of("visit", LocalizedText.of("visit", "访问"),
			"search", LocalizedText.of("search", "搜索"), "view", LocalizedText.of("view", "浏览"),
			"favorite", LocalizedText.of("favorite", "收藏"), "cart", LocalizedText.of("cart", "加购"),
			"order", LocalizedText.of("order", "下单"), "pay", LocalizedText.of("pay", "支付"),
			"review", LocalizedText.of("review", "评价"), "share", LocalizedText.of("share", "分享"));

	@Override
	public String id() {
		return "behavior-path";
	}

	@Override
	public LocalizedText name() {
		return LocalizedText.of("Behaviour paths", "行为路径");
	}

	@Override
	public LocalizedText description() {
		return LocalizedText.of("Funnel with conversion and median times, top paths, drop-off paths, funnel by channel",
				"漏斗（转化率、步骤间中位时长）、高频路径、流失路径、分渠道漏斗");
	}

	@Override
	public List<ParameterSpec> parameters() {
		return List.of(
				ParameterSpec.builder(STEPS, ParameterType.LIST).defaultValue("view,cart,order").label("Funnel steps", "漏斗步骤")
						.description("Event types, in order", "事件类型，按顺序").build(),
				ParameterSpec.builder(WINDOW, ParameterType.STRING).defaultValue(FunnelAnalysis.DEFAULT_WINDOW)
						.label("Conversion window", "转化窗口")
						.description("Every step within this time of the first (7d, 12h); default: 14d, as in the workbench",
								"每一步须在首步之后的此时长内（7d、12h）；默认 14d，与工作台相同")
						.build(),
				ParameterSpec.builder(FROM, ParameterType.DATE).label("From", "起始日期")
						.description("Only events on or after this day", "只统计此日及之后的事件").build(),
				ParameterSpec.builder(TO, ParameterType.DATE).label("To", "结束日期")
						.description("Only events before this day", "只统计此日之前的事件").build(),
				ParameterSpec.builder(TOP, ParameterType.INTEGER).defaultValue("10").min(1).max(100)
						.label("Paths listed", "列出路径数").description("How many paths each list shows", "每个列表显示的路径数")
						.build(),
				ParameterSpec.builder(BREAKDOWN, ParameterType.STRING).defaultValue("channel").label("Breakdown", "细分")
						.description("channel, a customer attribute or an analysis (tier, segment); none for no breakdown",
								"channel、客户属性或分析（tier、segment）；none 表示不细分")
						.build());
	}

	@Override
	public URL design() {
		return getClass().getResource("/designs/behavior-path.rptdesign");
	}

	@Override
	public ReportData prepare(ReportContext context) throws Exception {
		java.util.Optional<SourceAnalyses> source = context.input(SourceAnalyses.class);
		if (source.isPresent()) {
			// inside a source (--param source=ID): the same funnel and paths, pushed down
			SourceAnalyses s = source.get();
			return prepare(context, s::funnel, s::paths);
		}
		try (EngineServices engine = new EngineServices()) {
			FunnelAnalysis funnel = engine.get(FunnelAnalysis.class);
			PathAnalysis paths = engine.get(PathAnalysis.class);
			return prepare(context, params -> funnel.run(context.dataset(), params, context.monitor()),
					params -> paths.run(context.dataset(), params, context.monitor()));
		}
	}

	/** One run of an analysis from its parameters: in memory or inside a source. */
	@FunctionalInterface
	private interface Run<R> {
		R run(Map<String, String> parameters) throws Exception;
	}

	private ReportData prepare(ReportContext context, Run<FunnelResult> funnel, Run<PathResult> paths) throws Exception {
		Locale locale = context.locale();
		Parameters p = context.parameters();
		List<String> steps = p.list(STEPS);
		String breakdown = p.string(BREAKDOWN);
		boolean byGroup = !"none".equalsIgnoreCase(breakdown);
		Map<String, String> range = Templates.given(p, List.of(FROM, TO));

		Map<String, String> funnelParams = new LinkedHashMap<>(range);
		funnelParams.put(FunnelAnalysis.STEPS, String.join(",", steps));
		if (p.has(WINDOW)) {
			funnelParams.put(FunnelAnalysis.WINDOW, p.string(WINDOW));
		}
		if (byGroup) {
			funnelParams.put(FunnelAnalysis.BREAKDOWN, breakdown);
		}
		FunnelResult f = funnel.run(funnelParams);

		String top = Integer.toString(p.intValue(TOP));
		Map<String, String> pathParams = new LinkedHashMap<>(range);
		pathParams.put(PathAnalysis.TOP, top);
		PathResult all = paths.run(pathParams);
		Map<String, String> dropParams = new LinkedHashMap<>(pathParams);
		dropParams.put(PathAnalysis.START, steps.get(0));
		String last = steps.get(steps.size() - 1);
		boolean hasDrop = steps.size() > 1 && !last.equals(steps.get(0));
		PathResult dropped = null;
		if (hasDrop) {
			dropParams.put(PathAnalysis.NOT_REACHED, last);
			dropped = paths.run(dropParams);
		}

		List<Object[]> funnelRows = new ArrayList<>();
		List<Object[]> chart = new ArrayList<>();
		int k = 1;
		for (FunnelResult.Step step : f.steps()) {
			String name = event(step.step(), locale);
			funnelRows.add(new Object[] { k + ". " + name, step.customers(), step.pctOfFirst(), step.pctOfPrevious(),
					step.medianSecondsFromPrevious(), Templates.duration(step.medianSecondsFromPrevious(), locale) });
			String label = k == 1 ? k + ". " + name
					: Templates.t(locale,
							k + ". " + name + ": " + pct(step.pctOfFirst()) + " of first, " + pct(step.pctOfPrevious()) + " of previous",
							k + ". " + name + "：占首步 " + pct(step.pctOfFirst()) + "，占上一步 " + pct(step.pctOfPrevious()));
			chart.add(new Object[] { label, step.customers() });
			k++;
		}
		java.util.Collections.reverse(chart); // a horizontal bar chart draws its first row at the bottom
		long firstStep = f.steps().get(0).customers();

		List<Object[]> channels = new ArrayList<>();
		List<Object[]> channelChart = new ArrayList<>();
		for (FunnelResult.Group group : f.groups()) {
			List<FunnelResult.Step> gs = group.steps();
			FunnelResult.Step end = gs.get(gs.size() - 1);
			StringBuilder counts = new StringBuilder();
			for (FunnelResult.Step s : gs) {
				counts.append(counts.length() == 0 ? "" : " → ").append(s.customers());
			}
			channels.add(new Object[] { group.group(), gs.get(0).customers(), end.customers(), end.pctOfFirst(),
					counts.toString() });
			if (gs.get(0).customers() > 0 && end.pctOfFirst() != null) {
				channelChart.add(new Object[] { group.group(), end.pctOfFirst() });
			}
		}

		return new ReportData()
				.table("funnel", new ReportData.Table(List.of("step", "customers", "pct_of_first", "pct_of_previous",
						"median_seconds", "median_text"), funnelRows))
				.table("funnel_chart", new ReportData.Table(List.of("step", "customers"), chart))
				.table("top_paths", new ReportData.Table(List.of("path", "count", "pct"), pathRows(all, locale)))
				.table("drop_paths", new ReportData.Table(List.of("path", "count", "pct"),
						dropped == null ? List.of() : pathRows(dropped, locale)))
				.table("channels", new ReportData.Table(List.of("group", "first", "last", "conversion", "counts"), channels))
				.table("channel_chart", new ReportData.Table(List.of("group", "conversion"), channelChart))
				.value("title", Templates.t(locale, "Behaviour paths", "用户行为路径"))
				.value("subtitle", Templates.t(locale,
						"Report date " + context.today() + " · funnel " + String.join(" → ", steps)
								+ " within " + f.window() + " of the first step (" + f.order() + ")" + range(range, locale),
						"报表日期 " + context.today() + " · 漏斗 " + String.join(" → ", steps.stream().map(x -> event(x, locale)).toList())
								+ "（首步后 " + f.window() + " 内，" + order(f.order()) + "）" + range(range, locale)))
				.value("h_funnel", Templates.t(locale, "Funnel", "转化漏斗"))
				.value("has_funnel_chart", firstStep > 0)
				.value("funnel_note", firstStep > 0
						? Templates.t(locale, Templates.count(locale, firstStep) + " customers did the first step; each bar: customers reaching the step.",
								Templates.count(locale, firstStep) + " 位客户完成第一步；每条：到达该步的客户数。")
						: Templates.t(locale, "Nobody did the first step.", "没有客户完成第一步。"))
				.value("h_paths", Templates.t(locale, "Most frequent paths", "高频路径"))
				.value("paths_note", Templates.t(locale,
						Templates.count(locale, all.units()) + " " + all.unit() + "s, " + Templates.count(locale, all.distinctPaths())
								+ " distinct paths (repeats collapsed)",
						Templates.count(locale, all.units()) + " 个" + ("session".equals(all.unit()) ? "会话" : "客户") + "，"
								+ Templates.count(locale, all.distinctPaths()) + " 条不同路径（连续重复已合并）"))
				.value("h_drop", Templates.t(locale, "Drop-off paths: began with " + steps.get(0) + ", never reached " + last,
						"流失路径：以" + event(steps.get(0), locale) + "开始、未到达" + event(last, locale)))
				.value("has_drop", dropped != null && !dropped.paths().isEmpty())
				.value("drop_note", dropped == null
						? Templates.t(locale, "The funnel has one step: no drop-off.", "漏斗只有一步：无流失。")
						: Templates.t(locale, Templates.count(locale, dropped.units()) + " " + dropped.unit() + "s dropped off",
								Templates.count(locale, dropped.units()) + " 个" + ("session".equals(dropped.unit()) ? "会话" : "客户") + "流失"))
				.value("h_channels", Templates.t(locale, "Funnel by " + breakdown, "按" + ("channel".equals(breakdown) ? "渠道" : breakdown) + "细分的漏斗"))
				.value("has_channels", !channels.isEmpty())
				.value("has_channel_chart", !channelChart.isEmpty())
				.value("channels_note", Templates.t(locale, "Conversion: customers at the last step as a share of the group's first step.",
						"转化率：到达最后一步的客户占该组第一步客户的比例。"))
				.value("col_step", Templates.t(locale, "Step", "步骤"))
				.value("col_customers", Templates.t(locale, "Customers", "客户数"))
				.value("col_pct_first", Templates.t(locale, "% of first", "占首步"))
				.value("col_pct_previous", Templates.t(locale, "% of previous", "占上一步"))
				.value("col_median", Templates.t(locale, "Median time from previous (s)", "距上一步中位时长（秒）"))
				.value("col_median_text", Templates.t(locale, "Median", "中位时长"))
				.value("col_path", Templates.t(locale, "Path", "路径"))
				.value("col_count", Templates.t(locale, "Count", "次数"))
				.value("col_pct", Templates.t(locale, "Share", "占比"))
				.value("col_group", "channel".equals(breakdown) ? Templates.t(locale, "Channel", "渠道") : breakdown)
				.value("col_first", Templates.t(locale, "First step", "第一步"))
				.value("col_last", Templates.t(locale, "Last step", "最后一步"))
				.value("col_conversion", Templates.t(locale, "Conversion %", "转化率 %"))
				.value("col_counts", Templates.t(locale, "Customers per step", "各步客户数"));
	}

	private static List<Object[]> pathRows(PathResult result, Locale locale) {
		List<Object[]> rows = new ArrayList<>();
		for (PathResult.Path path : result.paths()) {
			List<String> names = path.steps().stream().map(s -> event(s, locale)).toList();
			rows.add(new Object[] { String.join(" > ", names), path.count(), path.pctOfUnits() });
		}
		return rows;
	}

	private static String event(String type, Locale locale) {
		LocalizedText text = EVENT_NAMES.get(type);
		return text == null ? type : text.get(locale);
	}

	private static String order(String order) {
		return switch (order) {
		case "strict" -> "严格顺序";
		case "any" -> "任意顺序";
		default -> "按顺序";
		};
	}

	private static String pct(BigDecimal value) {
		return value == null ? "—" : value.toPlainString() + "%";
	}

	private static String range(Map<String, String> range, Locale locale) {
		if (range.isEmpty()) {
			return "";
		}
		return Templates.t(locale, " · events from " + range.getOrDefault(FROM, "the start") + " to " + range.getOrDefault(TO, "the end"),
				" · 事件 " + range.getOrDefault(FROM, "起始") + " 至 " + range.getOrDefault(TO, "最后"));
	}
}
