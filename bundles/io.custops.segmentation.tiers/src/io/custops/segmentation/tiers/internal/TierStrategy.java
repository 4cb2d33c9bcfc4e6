package io.custops.segmentation.tiers.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import io.custops.core.spi.ResultColumn;
import io.custops.core.spi.SegmentationStrategy;
import io.custops.core.spi.SqlPushdown;

/**
 * A membership ladder: every customer with a paid order before the as-of day reaches the
 * highest level whose threshold is at most their spend (or paid orders) in a trailing window.
 * See docs/segmentation.md.
 */
@Component(service = SegmentationStrategy.class)
public class TierStrategy implements SegmentationStrategy {

	static final String LEVELS = "levels";
	static final String BASIS = "basis";
	static final String WINDOW_DAYS = "windowDays";
	static final String SPEND = "spend";
	static final String ORDERS = "orders";

	/** Texts of the default level names; other names are shown as given. */
	private static final Map<String, LocalizedText> KNOWN_TEXTS = Map.of(
			"regular", LocalizedText.of("Regular", "普通会员"),
			"senior", LocalizedText.of("Senior", "高级会员"),
			"vip", LocalizedText.of("VIP", "VIP会员"),
			"supreme", LocalizedText.of("Supreme VIP", "至尊VIP"));

	/** A rung of the ladder: its label and threshold (hundredths for spend, orders for orders). */
	record Level(Label label, long threshold) {
	}

	@Override
	public String id() {
		return "tiers";
	}

	@Override
	public LocalizedText name() {
		return LocalizedText.of("VIP tiers", "会员等级");
	}

	@Override
	public LocalizedText description() {
		return LocalizedText.of("A membership ladder by spend or paid orders in a trailing window",
				"按近期消费金额或付款订单数划分会员等级");
	}

	@Override
	public List<ParameterSpec> parameters() {
		return List.of(
				ParameterSpec.builder(LEVELS, ParameterType.LIST).defaultValue("regular:0,senior:100,vip:300,supreme:1000")
						.label("Levels", "等级")
						.description("name:threshold pairs, lowest first, thresholds strictly ascending",
								"名称:门槛，从低到高，门槛严格递增")
						.build(),
				ParameterSpec.builder(BASIS, ParameterType.CHOICE).choices(SPEND, ORDERS).defaultValue(SPEND)
						.label("Basis", "依据")
						.description("spend: sum of paid amounts; orders: number of paid orders",
								"spend：已付款金额合计；orders：已付款订单数")
						.build(),
				ParameterSpec.builder(WINDOW_DAYS, ParameterType.INTEGER).defaultValue("365").min(0).max(36_500)
						.label("Window (days)", "统计窗口（天）")
						.description("the value counts paid orders in [asOf - windowDays, asOf); 0 = all history",
								"统计 [截止日 - 天数, 截止日) 内的已付款订单；0 表示全部历史")
						.build());
	}

	private static final SqlPushdown PUSHDOWN = new TierPushdown();

	@Override
	public java.util.Optional<SqlPushdown> sqlPushdown() {
		return java.util.Optional.of(PUSHDOWN);
	}

	@Override
	public List<Label> labels(Parameters parameters) {
		return levels(parameters).stream().map(Level::label).toList();
	}

	@Override
	public List<String> columnNames(Parameters parameters) {
		return List.of("value", "tier");
	}

	static List<Level> levels(Parameters parameters) {
		boolean spend = SPEND.equals(parameters.string(BASIS));
		List<String> items = parameters.list(LEVELS);
		if (items.isEmpty()) {
			throw new ParameterException(LEVELS, "no levels given");
		}
		List<Level> levels = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (String item : items) {
			int colon = item.lastIndexOf(':');
			if (colon <= 0 || colon == item.length() - 1) {
				throw new ParameterException(LEVELS, "'" + item + "' is not name:threshold");
			}
			String name = item.substring(0, colon).strip();
			if (name.isEmpty() || name.chars().anyMatch(ch -> Character.isWhitespace(ch) || ch == ';' || ch == '"')) {
				throw new ParameterException(LEVELS, "level name '" + name + "' must be one word without ; or quotes");
			}
			if (!names.add(name)) {
				throw new ParameterException(LEVELS, "level '" + name + "' is given twice");
			}
			long threshold = threshold(item.substring(colon + 1).strip(), name, spend);
			if (!levels.isEmpty() && threshold <= levels.getLast().threshold()) {
				throw new ParameterException(LEVELS,
						"thresholds must be strictly ascending, lowest level first ('" + name + "')");
			}
			LocalizedText text = KNOWN_TEXTS.getOrDefault(name, LocalizedText.of(name));
			levels.add(new Level(new Label(name, text), threshold));
		}
		return levels;
	}

	private static long threshold(String text, String name, boolean spend) {
		BigDecimal value;
		try {
			value = new BigDecimal(text);
		} catch (NumberFormatException e) {
			throw new ParameterException(LEVELS, "threshold '" + text + "' of level '" + name + "' is not a number");
		}
		if (value.signum() < 0) {
			throw new ParameterException(LEVELS, "threshold of level '" + name + "' is negative");
		}
		try {
			return spend ? value.movePointRight(2).setScale(0).longValueExact() : value.setScale(0).longValueExact();
		} catch (ArithmeticException e) {
			throw new ParameterException(LEVELS, "threshold '" + text + "' of level '" + name + "' is not "
					+ (spend ? "an amount with at most two decimals" : "a whole number of orders (basis=orders)"));
		}
	}

	@Override
	public CustomerClassification classify(AnalysisInput input) {
		Parameters parameters = input.parameters();
		List<Level> levels = levels(parameters);
		boolean spend = SPEND.equals(parameters.string(BASIS));
		long windowDays = parameters.integer(WINDOW_DAYS);
		int asOf = input.asOfDay();
		long windowStart = windowDays == 0 ? Long.MIN_VALUE : asOf - windowDays;

		long[] thresholds = levels.stream().mapToLong(Level::threshold).toArray();
		String[] ids = levels.stream().map(l -> l.label().id()).toArray(String[]::new);

		CustomerDataset data = input.data();
		int n = data.customerCount();
		int[] offsets = data.orderOffsets();
		int[] day = data.orderDay();
		long[] amount = data.orderAmount();
		byte[] status = data.orderStatus();
		byte paid = OrderStatus.PAID.code();

		int[] label = new int[n];
		long[] value = new long[n];
		String[] tier = new String[n];
		int members = 0;
		int belowLadder = 0;
		for (int c = 0; c < n; c++) {
			if ((c & 0xFFFF) == 0) {
				input.monitor().checkCanceled();
			}
			boolean member = false;
			long sum = 0;
			for (int i = offsets[c], end = offsets[c + 1]; i < end && day[i] < asOf; i++) {
				if (status[i] == paid) {
					member = true;
					if (day[i] >= windowStart) {
						sum += spend ? amount[i] : 1;
					}
				}
			}
			if (!member) {
				label[c] = CustomerClassification.UNCLASSIFIED;
				value[c] = Long.MIN_VALUE;
				continue;
			}
			members++;
			value[c] = sum;
			int level = thresholds.length - 1;
			while (level >= 0 && thresholds[level] > sum) {
				level--;
			}
			label[c] = level;
			if (level >= 0) {
				tier[c] = ids[level];
			} else {
				belowLadder++;
			}
		}
		List<ResultColumn> columns = List.of(
				spend ? ResultColumn.ofCents("value", value, Long.MIN_VALUE)
						: ResultColumn.ofLongs("value", value, Long.MIN_VALUE),
				ResultColumn.ofTexts("tier", tier));
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("basis", spend ? SPEND : ORDERS);
		summary.put("window_start", windowDays == 0 ? null : LocalDate.ofEpochDay(windowStart).toString());
		summary.put("window_end", input.asOf().toString());
		summary.put("members", members);
		summary.put("below_ladder", belowLadder);
		return new CustomerClassification(levels.stream().map(Level::label).toList(), label, columns, summary);
	}
}
