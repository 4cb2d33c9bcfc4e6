package io.custops.report.templates.internal;

import java.net.URL;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.custops.core.LocalizedText;
import io.custops.core.data.CustomerDataset;
import io.custops.core.data.OrderStatus;
import io.custops.core.param.ParameterException;
import io.custops.core.param.ParameterSpec;
import io.custops.core.param.ParameterType;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.Label;
import io.custops.core.spi.ReportContext;
import io.custops.core.spi.ReportData;
import io.custops.core.spi.ReportTemplate;
import io.custops.core.spi.ResultColumn;

/**
 * Lifecycle and churn warning: stage sizes (chart and table), the activity split, the weekly
 * dormant trend (when the model gives a weekly series) and the at-risk list — buyers not yet
 * dormant whose activity is silent or sleeping, longest since their last paid order first. Runs
 * the lifecycle model through the analysis runner (label = stage, column activity).
 */
@Component(service = ReportTemplate.class)
public class LifecycleTemplate implements ReportTemplate {

	static final String MODEL = "model";
	static final String AT_RISK_TOP = "atRiskTop";
	private static final List<String> PASSED = List.of("dormantDays", "usageCycle", "fanOrders", "silentDays",
			"sleepingDays", "lostDays");
	/** Activity values in the order they are shown, with their texts. */
	private static final Map<String, LocalizedText> ACTIVITIES = new LinkedHashMap<>();
	static {
		ACTIVITIES.put("active", LocalizedText.of("Active", "活跃"));
		ACTIVITIES.put("silent", LocalizedText.of("Silent", "沉默"));
		ACTIVITIES.put("sleeping", LocalizedText.of("Sleeping", "沉睡"));
		ACTIVITIES.put("lost", LocalizedText.of("Lost", "流失"));
	}
	private static final List<String> AT_RISK_ACTIVITIES = List.of("silent", "sleeping");
	private static final List<String> NOT_AT_RISK_STAGES = List.of("dormant", "potential");

	@Override
	public String id() {
		return "lifecycle";
	}

	@Override
	public LocalizedText name() {
		return LocalizedText.of("Lifecycle and churn warning", "生命周期与流失预警");
	}

	@Override
	public LocalizedText description() {
		return LocalizedText.of("Stage sizes, activity split, weekly dormant trend, at-risk customers",
				"各阶段人数、活跃度分布、每周沉睡趋势、流失风险客户");
	}

	@Override
	public List<ParameterSpec> parameters() {
		return List.of(Templates.asOfSpec(),
				ParameterSpec.builder(MODEL, ParameterType.STRING).defaultValue("stages").label("Model", "生命周期模型")
						.description("Id of the lifecycle model to run", "要运行的生命周期模型 id").build(),
				ParameterSpec.builder(AT_RISK_TOP, ParameterType.INTEGER).defaultValue("20").min(1).max(1000)
						.label("At-risk rows", "风险名单行数")
						.description("How many at-risk customers to list", "列出多少位流失风险客户").build(),
				Templates.passThrough("dormantDays", "Dormant after days", "沉睡天数"),
				Templates.passThrough("usageCycle", "Product usage cycle", "按产品使用周期"),
				Templates.passThrough("fanOrders", "Orders of a fan", "粉丝订单数"),
				Templates.passThrough("silentDays", "Silent after days", "沉默天数"),
				Templates.passThrough("sleepingDays", "Sleeping after days", "沉睡天数"),
				Templates.passThrough("lostDays", "Lost after days", "流失天数"));
	}

	@Override
	public URL design() {
		return getClass().getResource("/designs/lifecycle.rptdesign");
	}

	@Override
	public ReportData prepare(ReportContext context) {
		Locale locale = context.locale();
		LocalDate asOf = Templates.asOf(context);
		String model = context.parameters().string(MODEL);
		Map<String, String> passed = Templates.given(context.parameters(), PASSED);
		CustomerClassification result = runWithWeeklySeries(context, model, asOf, passed);
		CustomerDataset data = context.dataset();

		// stages
		List<Label> labels = result.labels();
		Map<String, Long> counts = result.counts();
		long classified = counts.values().stream().mapToLong(Long::longValue).sum();
		List<Object[]> stages = new ArrayList<>();
		for (Label label : labels) {
			long n = counts.get(label.id());
			stages.add(new Object[] { label.text(locale), n, Templates.share(n, classified) });
		}

		// activity split
		ResultColumn activity = result.column("activity").orElse(null);
		Map<String, Long> activityCounts = new LinkedHashMap<>();
		ACTIVITIES.keySet().forEach(a -> activityCounts.put(a, 0L));
		long withActivity = 0;
		if (activity != null) {
			for (int c = 0; c < result.customerCount(); c++) {
				String a = activity.format(c);
				if (!a.isEmpty()) {
					activityCounts.merge(a, 1L, Long::sum);
					withActivity++;
				}
			}
		}
		List<Object[]> activityRows = new ArrayList<>();
		for (Map.Entry<String, Long> e : activityCounts.entrySet()) {
			LocalizedText text = ACTIVITIES.getOrDefault(e.getKey(), LocalizedText.of(e.getKey()));
			activityRows.add(new Object[] { text.get(locale), e.getValue(), Templates.share(e.getValue(), withActivity) });
		}

		// weekly dormant trend
		List<Object[]> trend = WeeklySeries.read(result.summary());

		// at risk
		int asOfDay = CustomerDataset.epochDay(asOf);
		int top = context.parameters().intValue(AT_RISK_TOP);
		List<Object[]> atRisk = new ArrayList<>();
		long atRiskTotal = 0;
		if (activity != null) {
			int[] offsets = data.orderOffsets();
			int[] day = data.orderDay();
			byte[] status = data.orderStatus();
			long[] amount = data.orderAmount();
			byte paid = OrderStatus.PAID.code();
			int[] labelOf = result.labelIndexes();
			List<long[]> candidates = new ArrayList<>(); // customer, last day, orders, cents
			for (int c = 0; c < labelOf.length; c++) {
				if (labelOf[c] < 0 || NOT_AT_RISK_STAGES.contains(labels.get(labelOf[c]).id())
						|| !AT_RISK_ACTIVITIES.contains(activity.format(c))) {
					continue;
				}
				long last = Long.MIN_VALUE, orders = 0, cents = 0;
				for (int o = offsets[c]; o < offsets[c + 1] && day[o] < asOfDay; o++) {
					if (status[o] == paid) {
						last = day[o];
						orders++;
						cents += amount[o];
					}
				}
				if (orders > 0) {
					candidates.add(new long[] { c, last, orders, cents });
				}
			}
			atRiskTotal = candidates.size();
			candidates.sort(Comparator.<long[]>comparingLong(x -> x[1]).thenComparingLong(x -> x[0]));
			for (long[] x : candidates.subList(0, Math.min(top, candidates.size()))) {
				int c = (int) x[0];
				String a = activity.format(c);
				atRisk.add(new Object[] { data.customerId(c), labels.get(labelOf[c]).text(locale),
						ACTIVITIES.getOrDefault(a, LocalizedText.of(a)).get(locale), LocalDate.ofEpochDay(x[1]),
						asOfDay - x[1], x[2], Templates.money(x[3]) });
			}
		}

		boolean hasTrend = !trend.isEmpty();
		return new ReportData()
				.table("stages", new ReportData.Table(List.of("stage", "customers", "share"), stages))
				.table("activity", new ReportData.Table(List.of("activity", "customers", "share"), activityRows))
				.table("dormant_trend", new ReportData.Table(List.of("week", "dormant"), trend))
				.table("at_risk", new ReportData.Table(
						List.of("customer_id", "stage", "activity", "last_order", "days_since", "orders", "monetary"), atRisk))
				.value("title", Templates.t(locale, "Lifecycle and churn warning", "客户生命周期与流失预警"))
				.value("subtitle", Templates.t(locale,
						"As of " + asOf + " · model " + model + " · " + Templates.count(locale, classified) + " customers",
						"截至 " + asOf + " · 模型 " + model + " · 客户 " + Templates.count(locale, classified) + " 位"))
				.value("h_stages", Templates.t(locale, "Lifecycle stages", "生命周期阶段"))
				.value("h_activity", Templates.t(locale, "Activity", "活跃度"))
				.value("h_trend", Templates.t(locale, "Dormant customers per week", "每周沉睡客户数"))
				.value("trend_note", hasTrend
						? Templates.t(locale, "Dormant customers at the start of each week.", "每周开始时的沉睡客户数。")
						: Templates.t(locale, "The model gives no weekly series.", "该模型未提供每周序列。"))
				.value("has_trend", hasTrend)
				.value("h_at_risk", Templates.t(locale, "At-risk customers", "流失风险客户"))
				.value("at_risk_note", Templates.t(locale,
						Templates.count(locale, atRiskTotal) + " buyers are silent or sleeping but not yet dormant; the "
								+ Math.min(top, atRiskTotal) + " longest without a paid order:",
						Templates.count(locale, atRiskTotal) + " 位已购客户处于沉默或沉睡、尚未进入沉睡期；距上次付款最久的 "
								+ Math.min(top, atRiskTotal) + " 位："))
				.value("at_risk_total", atRiskTotal)
				.value("col_stage", Templates.t(locale, "Stage", "阶段"))
				.value("col_activity", Templates.t(locale, "Activity", "活跃度"))
				.value("col_customers", Templates.t(locale, "Customers", "客户数"))
				.value("col_share", Templates.t(locale, "Share", "占比"))
				.value("col_customer", Templates.t(locale, "Customer", "客户"))
				.value("col_last_order", Templates.t(locale, "Last paid order", "最近付款"))
				.value("col_days_since", Templates.t(locale, "Days since", "间隔天数"))
				.value("col_orders", Templates.t(locale, "Orders", "订单数"))
				.value("col_monetary", Templates.t(locale, "Monetary", "消费金额"));
	}

	/** Asks for the weekly series; a model that does not know the parameter runs without it. */
	private static CustomerClassification runWithWeeklySeries(ReportContext context, String model, LocalDate asOf,
			Map<String, String> passed) {
		Map<String, String> withSeries = new LinkedHashMap<>(passed);
		withSeries.put("series", "weekly");
		try {
			return context.analyses().run(model, asOf, withSeries);
		} catch (ParameterException e) {
			if (!"series".equals(e.key())) {
				throw e;
			}
			return context.analyses().run(model, asOf, passed);
		}
	}
}
