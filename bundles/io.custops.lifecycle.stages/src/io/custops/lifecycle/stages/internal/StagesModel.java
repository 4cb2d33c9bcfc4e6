package io.custops.lifecycle.stages.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.custops.core.LocalizedText;
import io.custops.core.data.CustomerDataset;
import io.custops.core.data.OrderStatus;
import io.custops.core.param.ParameterException;
import io.custops.core.param.ParameterSpec;
import io.custops.core.param.ParameterType;
import io.custops.core.param.Parameters;
import io.custops.core.spi.AnalysisInput;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.Label;
import io.custops.core.spi.LifecycleModel;
import io.custops.core.spi.ResultColumn;
import io.custops.core.spi.SqlPushdown;

/**
 * The five lifecycle stages (potential, new, returning, fan, dormant) with an activity grade by
 * recency, and optionally the weekly series of the dormant count. See docs/segmentation.md.
 */
@Component(service = LifecycleModel.class)
public class StagesModel implements LifecycleModel {

	static final String DORMANT_DAYS = "dormantDays";
	static final String USAGE_CYCLE = "usageCycle";
	static final String FAN_ORDERS = "fanOrders";
	static final String SILENT_DAYS = "silentDays";
	static final String SLEEPING_DAYS = "sleepingDays";
	static final String LOST_DAYS = "lostDays";
	static final String SERIES = "series";
	static final String SERIES_WEEKS = "seriesWeeks";

	static final int POTENTIAL = 0;
	static final int NEW = 1;
	static final int RETURNING = 2;
	static final int FAN = 3;
	static final int DORMANT = 4;

	private static final List<Label> LABELS = List.of(
			Label.of("potential", "Potential", "潜在客户"),
			Label.of("new", "New", "新客户"),
			Label.of("returning", "Returning", "回头客"),
			Label.of("fan", "Fan", "粉丝客户"),
			Label.of("dormant", "Dormant", "沉睡客户"));

	/** Activity grades, by days since the last paid order. */
	private static final String[] ACTIVITY = { "active", "silent", "sleeping", "lost" };

	@Override
	public String id() {
		return "stages";
	}

	@Override
	public LocalizedText name() {
		return LocalizedText.of("Lifecycle stages", "生命周期阶段");
	}

	@Override
	public LocalizedText description() {
		return LocalizedText.of("Potential, new, returning, fan and dormant customers, with activity by recency",
				"潜在、新、回头、粉丝与沉睡客户，并按最近购买时间划分活跃度");
	}

	@Override
	public List<ParameterSpec> parameters() {
		return List.of(
				days(DORMANT_DAYS, "180", "Dormancy window (days)", "沉睡窗口（天）",
						"dormant when the days since the last paid order exceed this",
						"距上次付款订单的天数超过此值即为沉睡"),
				ParameterSpec.builder(USAGE_CYCLE, ParameterType.BOOLEAN).defaultValue("false")
						.label("Usage cycle", "按使用周期")
						.description("when the last paid order has usage_days, the window is usage_days x quantity",
								"上次付款订单有使用天数时，窗口为使用天数 × 数量")
						.build(),
				ParameterSpec.builder(FAN_ORDERS, ParameterType.INTEGER).defaultValue("5").min(2).max(1_000_000)
						.label("Paid orders of a fan", "粉丝订单数")
						.description("a customer who is not dormant is a fan from this many paid orders",
								"未沉睡且付款订单数达到此值即为粉丝")
						.build(),
				days(SILENT_DAYS, "90", "Active up to (days)", "活跃上限（天）",
						"recency up to this many days is active", "最近购买天数不超过此值为活跃"),
				days(SLEEPING_DAYS, "180", "Silent up to (days)", "沉默上限（天）",
						"above silentDays and up to this many days is silent", "超过活跃上限、不超过此值为沉默"),
				days(LOST_DAYS, "365", "Sleeping up to (days)", "休眠上限（天）",
						"above sleepingDays and up to this many days is sleeping; beyond is lost",
						"超过沉默上限、不超过此值为休眠，再往上为流失"),
				ParameterSpec.builder(SERIES, ParameterType.CHOICE).choices("none", "weekly").defaultValue("none")
						.label("Dormant series", "沉睡趋势")
						.description("weekly: the dormant count at the end of each of the last seriesWeeks weeks",
								"weekly：最近若干周每周末的沉睡客户数")
						.build(),
				ParameterSpec.builder(SERIES_WEEKS, ParameterType.INTEGER).defaultValue("26").min(1).max(1040)
						.label("Series weeks", "趋势周数").build());
	}

	private static ParameterSpec days(String key, String defaultValue, String en, String zh, String helpEn,
			String helpZh) {
		return ParameterSpec.builder(key, ParameterType.INTEGER).defaultValue(defaultValue).min(1).max(36_500)
				.label(en, zh).description(helpEn, helpZh).build();
	}

	@Override
	public List<Label> labels(Parameters parameters) {
		return LABELS;
	}

	@Override
	public List<String> columnNames(Parameters parameters) {
		return List.of("stage", "activity", "recency_days", "paid_orders");
	}

	@Override
	public CustomerClassification classify(AnalysisInput input) {
		Parameters p = input.parameters();
		long dormantDays = p.integer(DORMANT_DAYS);
		boolean usageCycle = p.bool(USAGE_CYCLE);
		long fanOrders = p.integer(FAN_ORDERS);
		long silentDays = p.integer(SILENT_DAYS);
		long sleepingDays = p.integer(SLEEPING_DAYS);
		long lostDays = p.integer(LOST_DAYS);
		checkGrades(silentDays, sleepingDays, lostDays);
		boolean weekly = "weekly".equals(p.string(SERIES));
		int weeks = p.intValue(SERIES_WEEKS);
		int asOf = input.asOfDay();
		// evaluation days of the series: the ends of the weeks, the last one being asOf itself
		long firstEnd = asOf - 7L * (weeks - 1);
		long[] dormantDiff = weekly ? new long[weeks + 1] : null;

		CustomerDataset data = input.data();
		int n = data.customerCount();
		int[] offsets = data.orderOffsets();
		int[] day = data.orderDay();
		byte[] status = data.orderStatus();
		int[] quantity = data.orderQuantity();
		int[] usageDays = data.orderUsageDays();
		int[] eventOffsets = data.eventOffsets();
		long[] eventTime = data.eventTime();
		long asOfSeconds = (long) asOf * CustomerDataset.SECONDS_PER_DAY;
		byte paid = OrderStatus.PAID.code();

		int[] stage = new int[n];
		String[] stageIds = new String[n];
		String[] activity = new String[n];
		long[] recencyDays = new long[n];
		long[] paidOrders = new long[n];
		for (int c = 0; c < n; c++) {
			if ((c & 0xFFFF) == 0) {
				input.monitor().checkCanceled();
			}
			long count = 0;
			int lastPaid = 0;
			long lastWindow = 0;
			boolean anyOrder = false;
			int lastOrderDay = 0;
			for (int i = offsets[c], end = offsets[c + 1]; i < end && day[i] < asOf; i++) {
				anyOrder = true;
				lastOrderDay = day[i];
				if (status[i] == paid) {
					long window = usageCycle && usageDays[i] > 0 ? (long) usageDays[i] * Math.max(quantity[i], 1)
							: dormantDays;
					if (weekly && count > 0 && day[i] > lastPaid) {
						// the previous paid order was the last one for evaluation days lastPaid+1 … day[i]
						dormantBetween(dormantDiff, firstEnd, weeks, lastPaid + lastWindow + 1, day[i]);
					}
					count++;
					lastPaid = day[i];
					lastWindow = window;
				}
			}
			if (count > 0) {
				if (weekly) {
					dormantBetween(dormantDiff, firstEnd, weeks, lastPaid + lastWindow + 1, Long.MAX_VALUE);
				}
				long recency = asOf - (long) lastPaid;
				int s = recency > lastWindow ? DORMANT : count >= fanOrders ? FAN : count >= 2 ? RETURNING : NEW;
				stage[c] = s;
				stageIds[c] = LABELS.get(s).id();
				recencyDays[c] = recency;
				paidOrders[c] = count;
				activity[c] = activity(recency, silentDays, sleepingDays, lostDays);
				continue;
			}
			int lastEventDay = lastEventDayBefore(eventTime, eventOffsets[c], eventOffsets[c + 1], asOfSeconds);
			recencyDays[c] = -1;
			if (!anyOrder && lastEventDay == Integer.MIN_VALUE) {
				stage[c] = CustomerClassification.UNCLASSIFIED;
				paidOrders[c] = -1;
				continue;
			}
			stage[c] = POTENTIAL;
			stageIds[c] = LABELS.get(POTENTIAL).id();
			paidOrders[c] = 0;
			// a potential customer has no paid order: their activity is graded by their last order or event
			int lastSeen = anyOrder ? Math.max(lastOrderDay, lastEventDay) : lastEventDay;
			activity[c] = activity(asOf - (long) lastSeen, silentDays, sleepingDays, lostDays);
		}

		List<ResultColumn> columns = List.of(ResultColumn.ofTexts("stage", stageIds),
				ResultColumn.ofTexts("activity", activity), ResultColumn.ofLongs("recency_days", recencyDays, -1),
				ResultColumn.ofLongs("paid_orders", paidOrders, -1));
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("dormant_days", dormantDays);
		summary.put("usage_cycle", usageCycle);
		if (weekly) {
			List<Map<String, Object>> series = new ArrayList<>();
			long running = 0;
			for (int w = 0; w < weeks; w++) {
				running += dormantDiff[w];
				Map<String, Object> point = new LinkedHashMap<>();
				point.put("week_start", LocalDate.ofEpochDay(firstEnd + 7L * w - 7).toString());
				point.put("dormant", running);
				series.add(point);
			}
			summary.put("series", series);
		}
		return new CustomerClassification(LABELS, stage, columns, summary);
	}

	static void checkGrades(long silentDays, long sleepingDays, long lostDays) {
		if (sleepingDays < silentDays) {
			throw new ParameterException(SLEEPING_DAYS, sleepingDays + " is below silentDays " + silentDays);
		}
		if (lostDays < sleepingDays) {
			throw new ParameterException(LOST_DAYS, lostDays + " is below sleepingDays " + sleepingDays);
		}
	}

	private static final SqlPushdown PUSHDOWN = new StagesPushdown();

	@Override
	public java.util.Optional<SqlPushdown> sqlPushdown() {
		return java.util.Optional.of(PUSHDOWN);
	}

	private static String activity(long recency, long silentDays, long sleepingDays, long lostDays) {
		return ACTIVITY[recency <= silentDays ? 0 : recency <= sleepingDays ? 1 : recency <= lostDays ? 2 : 3];
	}

	/**
	 * Counts a customer as dormant on the evaluation days {@code firstEnd + 7k} (k = 0 … weeks-1)
	 * that lie in {@code [from, to]}, in a difference array over k.
	 */
	private static void dormantBetween(long[] diff, long firstEnd, int weeks, long from, long to) {
		long lastEnd = firstEnd + 7L * (weeks - 1);
		if (from > lastEnd || to < firstEnd || from > to) {
			return;
		}
		long low = from <= firstEnd ? 0 : Math.ceilDiv(from - firstEnd, 7);
		long high = to >= lastEnd ? weeks - 1 : Math.floorDiv(to - firstEnd, 7);
		if (low <= high) {
			diff[(int) low]++;
			diff[(int) high + 1]--;
		}
	}

	/** The local day of a customer's last event before asOf, or {@link Integer#MIN_VALUE}. */
	private static int lastEventDayBefore(long[] time, int from, int to, long asOfSeconds) {
		if (from == to || time[from] >= asOfSeconds) {
			return Integer.MIN_VALUE;
		}
		// events are in time order: find the last one before asOf by bisection
		int low = from;
		int high = to - 1;
		while (low < high) {
			int mid = (low + high + 1) >>> 1;
			if (time[mid] < asOfSeconds) {
				low = mid;
			} else {
				high = mid - 1;
			}
		}
		return (int) Math.floorDiv(time[low], CustomerDataset.SECONDS_PER_DAY);
	}
}
