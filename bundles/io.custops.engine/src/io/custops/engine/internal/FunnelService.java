package io.custops.engine.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.core.param.ParameterException;
import io.custops.core.param.ParameterSpec;
import io.custops.core.param.ParameterType;
import io.custops.core.param.Parameters;
import io.custops.engine.AnalysisInputException;
import io.custops.engine.Analyses;
import io.custops.engine.FunnelAnalysis;
import io.custops.engine.FunnelResult;
import io.custops.engine.FunnelResult.Group;
import io.custops.engine.FunnelResult.Step;
import io.custops.engine.sql.FunnelQuery;
import io.custops.core.spi.SqlDialect;
import io.custops.core.spi.SqlPushdown.SourceTables;

/**
 * One pass over each customer's events (already in time order), matching steps by event-type
 * index with a {@link FunnelMatcher} (the rules: docs/analyses.md, "Funnels"); no object per
 * event.
 */
@Component(service = FunnelAnalysis.class)
public class FunnelService implements FunnelAnalysis {

	/** Steps are counted in a byte per customer. */
	static final int MAX_STEPS = 100;

	private static final List<ParameterSpec> PARAMETERS = List.of(
			ParameterSpec.builder(STEPS, ParameterType.LIST).required().label("Steps", "步骤")
					.description("Event types of the steps, in order: view,cart,order", "按顺序的步骤事件类型：view,cart,order")
					.build(),
			ParameterSpec.builder(WINDOW, ParameterType.DURATION).defaultValue(DEFAULT_WINDOW)
					.label("Conversion window", "转化窗口")
					.description("Every step within this time of the first step's event (7d, 12h; 14d unless given)",
							"所有步骤须在第一步事件后的此时长内完成（7d、12h；默认 14d）")
					.build(),
			ParameterSpec.builder(ORDER, ParameterType.CHOICE).choices("ordered", "strict", "any")
					.defaultValue("ordered").label("Step order", "步骤顺序")
					.description("ordered: each step after the previous one; strict: with no other event in between; "
							+ "any: in any order", "ordered：按顺序；strict：中间不得有其他事件；any：任意顺序")
					.build(),
			ParameterSpec.builder(EXCLUDE, ParameterType.LIST).label("Exclusion steps", "排除步骤")
					.description("Event types that leave a customer out when done between two steps: refund "
							+ "(between the first and last step) or refund@2-3 (between steps 2 and 3)",
							"在两步之间发生即排除该客户的事件类型：refund（第一步与最后一步之间）或 refund@2-3")
					.build(),
			ParameterSpec.builder(STEP_WINDOW, ParameterType.DURATION).label("Step window", "步骤窗口")
					.description("Each step within this time of the previous step's event",
							"每一步须在上一步事件后的此时长内完成")
					.build(),
			ParameterSpec.builder(WINDOW_OF_STEP, ParameterType.DURATION).label("Window of step k", "第 k 步窗口")
					.description("window.3=1h: step 3 within 1h of step 2 (overrides stepWindow)",
							"window.3=1h：第 3 步须在第 2 步后 1 小时内（覆盖 stepWindow）")
					.build(),
			ParameterSpec.builder(FROM, ParameterType.DATE).label("From", "起始日期")
					.description("Only events on or after this day", "只计此日及之后的事件").build(),
			ParameterSpec.builder(TO, ParameterType.DATE).label("To", "截止日期")
					.description("Only events before this day", "只计此日之前的事件").build(),
			ParameterSpec.builder(BREAKDOWN, ParameterType.STRING).label("Breakdown", "细分")
					.description(
							"channel, a customer attribute (province, attribute:NAME), or a strategy or model id "
									+ "(tier, segment, stage, strategy:ID, model:ID)",
							"channel、客户属性（province、attribute:名称）或策略/模型 id（tier、segment、stage、strategy:ID、model:ID）")
					.build(),
			ParameterSpec.builder(BREAKDOWN_PARAMETERS, ParameterType.STRING).label("Breakdown parameter", "细分参数")
					.description("breakdown.levels=…: a parameter of the breakdown's strategy or model",
							"breakdown.levels=…：细分所用策略或模型的参数")
					.build(),
			ParameterSpec.builder(AS_OF, ParameterType.DATE).label("Breakdown as of", "细分基准日")
					.description("Date as of which the breakdown's strategy or model classifies (default: 'to', "
							+ "else the day after the last fact)", "细分策略或模型的分类基准日（默认：to，否则为最后一条数据的次日）")
					.build(),
			ParameterSpec.builder(DROP_AT, ParameterType.INTEGER).min(2).label("Drop-offs at step", "流失步骤")
					.description("Report the customers who reached step k−1 but not step k",
							"报告到达第 k−1 步但未到达第 k 步的客户")
					.build());

	@Reference
	private Analyses analyses;

	@Override
	public List<ParameterSpec> parameters() {
		return PARAMETERS;
	}

	@Override
	public FunnelQuery pushdown(Map<String, String> raw, SqlDialect dialect, SourceTables tables) {
		Parameters params = Parameters.resolve(PARAMETERS, raw);
		List<String> stepNames = params.list(STEPS);
		int n = stepNames.size();
		if (n == 0) {
			throw new ParameterException(STEPS, "names no step");
		}
		if (n > MAX_STEPS) {
			throw new ParameterException(STEPS, "has " + n + " steps; at most " + MAX_STEPS);
		}
		long window = params.has(WINDOW) ? seconds(WINDOW, params.duration(WINDOW)) : Long.MAX_VALUE;
		long[] stepWindow = stepWindows(params, n);
		LocalDate fromDate = params.has(FROM) ? params.date(FROM) : null;
		LocalDate toDate = params.has(TO) ? params.date(TO) : null;
		if (fromDate != null && toDate != null && !fromDate.isBefore(toDate)) {
			throw new AnalysisInputException("the end date " + toDate + " is not after the start date " + fromDate);
		}
		Integer dropAt = dropAt(params, n);
		List<FunnelQuery.Exclusion> exclusions = new ArrayList<>();
		for (Exclusion x : parseExclusions(params, stepNames)) {
			exclusions.add(new FunnelQuery.Exclusion(x.name(), x.from(), x.to()));
		}
		String by = null;
		if (params.has(BREAKDOWN)) {
			String s = params.string(BREAKDOWN).trim();
			if (s.equals(Grouping.CHANNEL) || s.startsWith("attribute:")) {
				by = s;
			} else if (s.startsWith("strategy:") || s.startsWith("model:") || Grouping.ALIASES.containsKey(s)
					|| isAnalysis(s)) {
				by = s;
			} else {
				by = "attribute:" + s;
			}
		}
		return new FunnelQuery(stepNames, window, stepWindow, params.string(ORDER), exclusions, fromDate, toDate, by,
				dropAt, params.asText(), dialect, tables);
	}

	private boolean isAnalysis(String id) {
		try {
			analyses.find(id);
			return true;
		} catch (java.util.NoSuchElementException e) {
			return false;
		}
	}

	/** Per step, the seconds from the previous step's event it must be within ({@link Long#MAX_VALUE}: none). */
	private static long[] stepWindows(Parameters params, int n) {
		long[] stepWindow = new long[n];
		long defaultStepWindow = params.has(STEP_WINDOW) ? seconds(STEP_WINDOW, params.duration(STEP_WINDOW))
				: Long.MAX_VALUE;
		Arrays.fill(stepWindow, defaultStepWindow);
		stepWindow[0] = Long.MAX_VALUE;
		for (String k : params.family("window").keySet()) {
			String key = "window." + k;
			int step;
			try {
				step = Integer.parseInt(k);
			} catch (NumberFormatException e) {
				throw new ParameterException(key, "'" + k + "' is not a step number");
			}
			if (step < 2 || step > n) {
				throw new ParameterException(key, "step " + step + " is not a step 2 … " + n + " of the funnel");
			}
			stepWindow[step - 1] = seconds(key, params.duration(key));
		}
		return stepWindow;
	}

	private static Integer dropAt(Parameters params, int n) {
		Integer dropAt = params.has(DROP_AT) ? params.intValue(DROP_AT) : null;
		if (dropAt != null && dropAt > n) {
			throw new ParameterException(DROP_AT, "step " + dropAt + " is not a step 2 … " + n + " of the funnel");
		}
		return dropAt;
	}

	@Override
	public FunnelResult run(CustomerDataset data, Map<String, String> raw, ProgressMonitor monitor) {
		ProgressMonitor pm = monitor == null ? ProgressMonitor.NULL : monitor;
		Parameters params = Parameters.resolve(PARAMETERS, raw);
		List<String> stepNames = params.list(STEPS);
		int[] stepType = EventTypeNames.allPresent(data, STEPS, stepNames);
		int n = stepType.length;
		if (n == 0) {
			throw new ParameterException(STEPS, "names no step");
		}
		if (n > MAX_STEPS) {
			throw new ParameterException(STEPS, "has " + n + " steps; at most " + MAX_STEPS);
		}
		long window = params.has(WINDOW) ? seconds(WINDOW, params.duration(WINDOW)) : Long.MAX_VALUE;
		long[] stepWindow = stepWindows(params, n);
		LocalDate fromDate = params.has(FROM) ? params.date(FROM) : null;
		LocalDate toDate = params.has(TO) ? params.date(TO) : null;
		if (fromDate != null && toDate != null && !fromDate.isBefore(toDate)) {
			throw new AnalysisInputException("the end date " + toDate + " is not after the start date " + fromDate);
		}
		long fromSecond = fromDate == null ? Long.MIN_VALUE : fromDate.toEpochDay() * CustomerDataset.SECONDS_PER_DAY;
		long toSecond = toDate == null ? Long.MAX_VALUE : toDate.toEpochDay() * CustomerDataset.SECONDS_PER_DAY;
		Integer dropAt = dropAt(params, n);

		// the breakdown is resolved first: a bad attribute or analysis fails before the long pass
		Grouping grouping = null;
		if (params.has(BREAKDOWN)) {
			LocalDate asOf = params.has(AS_OF) ? params.date(AS_OF)
					: toDate != null ? toDate : dayAfterLastFact(data);
			grouping = Grouping.resolve(BREAKDOWN, params.string(BREAKDOWN), true, params.family("breakdown"), data,
					asOf, analyses, pm);
		}

		FunnelMatcher.Order order = FunnelMatcher.Order.valueOf(params.string(ORDER).toUpperCase(java.util.Locale.ROOT));
		FunnelMatcher.Exclusion[] exclusions = exclusions(data, params, stepType);
		int customers = data.customerCount();
		int[] offsets = data.eventOffsets();
		long[] time = data.eventTime();
		int[] type = data.eventType();
		byte[] depth = new byte[customers];
		int[] firstEvent = grouping != null && grouping.perEvent ? new int[customers] : null;
		GrowableLongs[] deltas = new GrowableLongs[n];
		for (int k = 1; k < n; k++) {
			deltas[k] = new GrowableLongs();
		}
		long[] histogram = new long[HISTOGRAM_BOUNDS.length];
		FunnelMatcher matcher = new FunnelMatcher(stepType, data.eventTypeNames().size(), window, stepWindow, order,
				exclusions);
		pm.begin("Funnel " + stepNames, customers);
		for (int c = 0; c < customers; c++) {
			if ((c & 0xFFFF) == 0 && c > 0) {
				pm.checkCanceled();
				pm.worked(0x10000);
			}
			int s = offsets[c];
			int e = offsets[c + 1];
			if (fromSecond != Long.MIN_VALUE) {
				s = lowerBound(time, s, e, fromSecond);
			}
			if (toSecond != Long.MAX_VALUE) {
				e = lowerBound(time, s, e, toSecond);
			}
			if (s == e) {
				continue;
			}
			matcher.match(s, e, time, type);
			int d = matcher.depth;
			int[] pos = matcher.best;
			depth[c] = (byte) d;
			if (d > 0 && firstEvent != null) {
				firstEvent[c] = pos[0];
			}
			for (int k = 1; k < d; k++) {
				deltas[k].add(time[pos[k]] - time[pos[k - 1]], c);
			}
			if (d == n && n > 1) {
				histogram[bucket(time[pos[n - 1]] - time[pos[0]])]++;
			}
		}

		long[] reached = new long[n];
		for (int c = 0; c < customers; c++) {
			for (int k = 0; k < depth[c]; k++) {
				reached[k]++;
			}
		}
		// the means, then the groups, then the overall medians, which reorder the deltas that the others read
		BigDecimal[] means = new BigDecimal[n];
		for (int k = 1; k < n; k++) {
			means[k] = mean(deltas[k].values, 0, deltas[k].size);
		}
		List<Group> groups = grouping == null ? null
				: groups(grouping, stepNames, depth, firstEvent, deltas, customers);
		BigDecimal[] medians = new BigDecimal[n];
		for (int k = 1; k < n; k++) {
			medians[k] = Numbers.median(deltas[k].values, 0, deltas[k].size);
		}
		pm.done();
		return assemble(stepNames, reached, medians, means, grouping == null ? null : grouping.by, groups,
				histogram, params.asText(), depth, dropAt, params.asText().get(WINDOW), params.string(ORDER));
	}

	/**
	 * Bounds of the time-to-convert histogram in seconds: [0, 1m), [1m, 5m), [5m, 15m), [15m, 1h),
	 * [1h, 6h), [6h, 1d), [1d, 3d), [3d, 7d), [7d, 14d), [14d, 30d), [30d, ∞).
	 */
	static final long[] HISTOGRAM_BOUNDS = { 0, 60, 300, 900, 3600, 21_600, 86_400, 259_200, 604_800, 1_209_600,
			2_592_000 };

	static int bucket(long seconds) {
		int b = 0;
		while (b + 1 < HISTOGRAM_BOUNDS.length && seconds >= HISTOGRAM_BOUNDS[b + 1]) {
			b++;
		}
		return b;
	}

	private static List<FunnelResult.Bin> histogram(long[] counts) {
		List<FunnelResult.Bin> bins = new ArrayList<>();
		for (int b = 0; b < counts.length; b++) {
			bins.add(new FunnelResult.Bin(HISTOGRAM_BOUNDS[b],
					b + 1 < HISTOGRAM_BOUNDS.length ? HISTOGRAM_BOUNDS[b + 1] : null, counts[b]));
		}
		return bins;
	}

	/** The mean of {@code values[from, to)} with two decimals, half up; {@code null} when empty. */
	static BigDecimal mean(long[] values, int from, int to) {
		if (to == from) {
			return null;
		}
		long sum = 0;
		for (int i = from; i < to; i++) {
			sum += values[i];
		}
		return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(to - from), 2, java.math.RoundingMode.HALF_UP);
	}

	/** An exclusion by event type name, steps 0-based. */
	private record Exclusion(String name, int from, int to) {
	}

	/** {@code exclude=refund,return@2-3}: types (not steps) with the steps they must not fall between. */
	private static FunnelMatcher.Exclusion[] exclusions(CustomerDataset data, Parameters params, int[] stepType) {
		List<FunnelMatcher.Exclusion> list = new ArrayList<>();
		for (Exclusion x : parseExclusions(params, null)) {
			int type = EventTypeNames.index(data, EXCLUDE, x.name());
			for (int st : stepType) {
				if (st == type) {
					throw new ParameterException(EXCLUDE, "'" + x.name() + "' is a step of the funnel; an exclusion "
							+ "must be another event type");
				}
			}
			list.add(new FunnelMatcher.Exclusion(type, x.from(), x.to()));
		}
		return list.toArray(FunnelMatcher.Exclusion[]::new);
	}

	/**
	 * The exclusions by name, checked against the steps' names when given (in memory the
	 * dataset's type indexes check them).
	 */
	private static List<Exclusion> parseExclusions(Parameters params, List<String> stepNames) {
		List<Exclusion> list = new ArrayList<>();
		if (!params.has(EXCLUDE)) {
			return list;
		}
		int n = params.list(STEPS).size();
		for (String item : params.list(EXCLUDE)) {
			String name = item.trim();
			int from = 1;
			int to = n;
			int at = name.indexOf('@');
			if (at >= 0) {
				String range = name.substring(at + 1).trim();
				name = name.substring(0, at).trim();
				int dash = range.indexOf('-');
				try {
					if (dash < 0) {
						throw new NumberFormatException();
					}
					from = Integer.parseInt(range.substring(0, dash).trim());
					to = Integer.parseInt(range.substring(dash + 1).trim());
				} catch (NumberFormatException e) {
					throw new ParameterException(EXCLUDE, "'" + item + "' is not TYPE or TYPE@FROM-TO (refund@2-3)");
				}
				if (from < 1 || to > n || from >= to) {
					throw new ParameterException(EXCLUDE, "'" + item + "': steps " + from + "-" + to
							+ " are not two steps 1 … " + n + " of the funnel, the first before the second");
				}
			}
			if (n < 2) {
				throw new ParameterException(EXCLUDE, "an exclusion needs two steps to fall between");
			}
			if (stepNames != null) {
				for (String step : stepNames) {
					if (step.trim().equals(name)) {
						throw new ParameterException(EXCLUDE, "'" + name + "' is a step of the funnel; an exclusion "
								+ "must be another event type");
					}
				}
			}
			list.add(new Exclusion(name, from - 1, to - 1));
		}
		return list;
	}

	private static List<Step> steps(List<String> names, long[] reached, IntFunction<BigDecimal> median,
			IntFunction<BigDecimal> mean) {
		List<Step> steps = new ArrayList<>();
		for (int k = 0; k < names.size(); k++) {
			steps.add(new Step(names.get(k), reached[k], Numbers.percent(reached[k], reached[0]),
					Numbers.percent(reached[k], k == 0 ? reached[0] : reached[k - 1]),
					k == 0 ? null : median.apply(k), k == 0 ? null : mean.apply(k)));
		}
		return steps;
	}

	private static List<Group> groups(Grouping grouping, List<String> stepNames, byte[] depth, int[] firstEvent,
			GrowableLongs[] deltas, int customers) {
		int n = stepNames.size();
		int none = grouping.none();
		int groupCount = none + 1;
		// each customer's groups as offsets into ids, whatever the source of the breakdown
		int[] gOffsets;
		int[] gIds;
		if (grouping.perEvent) {
			gOffsets = new int[customers + 1];
			gIds = new int[customers];
			for (int c = 0; c < customers; c++) {
				int code = depth[c] > 0 ? grouping.eventCodes[firstEvent[c]] : -1;
				gIds[c] = code < 0 ? none : code;
				gOffsets[c + 1] = c + 1;
			}
		} else {
			gOffsets = grouping.offsets;
			gIds = grouping.ids;
		}
		long[][] reached = new long[groupCount][n];
		for (int c = 0; c < customers; c++) {
			int d = depth[c];
			if (d == 0) {
				continue;
			}
			int from = gOffsets[c];
			int to = gOffsets[c + 1];
			if (from == to) {
				addSteps(reached[none], d);
			}
			for (int i = from; i < to; i++) {
				addSteps(reached[gIds[i]], d);
			}
		}
		// medians per group: the deltas of each step laid out group after group, then each range sorted
		BigDecimal[][] medians = new BigDecimal[groupCount][n];
		BigDecimal[][] means = new BigDecimal[groupCount][n];
		for (int k = 1; k < n; k++) {
			int[] start = new int[groupCount + 1];
			for (int g = 0; g < groupCount; g++) {
				start[g + 1] = start[g] + (int) reached[g][k];
			}
			int[] next = Arrays.copyOf(start, groupCount);
			long[] laid = new long[start[groupCount]];
			GrowableLongs step = deltas[k];
			for (int i = 0; i < step.size; i++) {
				int c = step.owners[i];
				int from = gOffsets[c];
				int to = gOffsets[c + 1];
				if (from == to) {
					laid[next[none]++] = step.values[i];
				}
				for (int j = from; j < to; j++) {
					laid[next[gIds[j]]++] = step.values[i];
				}
			}
			for (int g = 0; g < groupCount; g++) {
				means[g][k] = mean(laid, start[g], start[g + 1]);
				medians[g][k] = Numbers.median(laid, start[g], start[g + 1]);
			}
		}
		List<GroupFigures> figures = new ArrayList<>();
		for (int g = 0; g < none; g++) {
			figures.add(new GroupFigures(grouping.names.get(g), reached[g], medians[g], means[g]));
		}
		return groups(stepNames, grouping.labelOrder, figures,
				new GroupFigures(grouping.names.get(none), reached[none], medians[none], means[none]));
	}

	/**
	 * One breakdown group's figures: customers reaching each step, and per step k ≥ 1 the median
	 * and mean seconds from step k−1 ({@code null} at 0 and where nobody reached it).
	 */
	public record GroupFigures(String name, long[] reached, BigDecimal[] medians, BigDecimal[] means) {
	}

	/**
	 * The groups as every funnel shows them: in label order (an analysis's breakdown, every label
	 * shown) or else those reached by anyone, most customers at step 1 first, then by name; the
	 * {@code (none)} group last when anyone is in it.
	 */
	public static List<Group> groups(List<String> stepNames, boolean labelOrder, List<GroupFigures> named, GroupFigures none) {
		List<GroupFigures> order = new ArrayList<>();
		for (GroupFigures g : named) {
			if (labelOrder || g.reached()[0] > 0) {
				order.add(g);
			}
		}
		if (!labelOrder) {
			order.sort(Comparator.<GroupFigures>comparingLong(g -> -g.reached()[0]).thenComparing(GroupFigures::name));
		}
		if (none != null && none.reached()[0] > 0) {
			order.add(none);
		}
		List<Group> groups = new ArrayList<>();
		for (GroupFigures g : order) {
			groups.add(new Group(g.name(), steps(stepNames, g.reached(), k -> g.medians()[k], k -> g.means()[k])));
		}
		return groups;
	}

	/**
	 * The funnel's result from its figures, as the in-memory run makes it; shared with the run
	 * inside a source ({@link io.custops.engine.sql.FunnelQuery}), which pushes down the counts,
	 * sums and middle values only.
	 *
	 * @param groups      the breakdown's groups, or null without a breakdown
	 * @param histogram   customers per {@link #HISTOGRAM_BOUNDS} bucket
	 * @param depth       per customer, or null when the customers stayed in the source
	 */
	public static FunnelResult assemble(List<String> stepNames, long[] reached, BigDecimal[] medians, BigDecimal[] means,
			String breakdownBy, List<Group> groups, long[] histogram, Map<String, String> parameters, byte[] depth,
			Integer dropAt, String window, String order) {
		int n = stepNames.size();
		List<Step> steps = steps(stepNames, reached, k -> medians[k], k -> means[k]);
		return new FunnelResult(steps, breakdownBy, groups, parameters, depth, dropAt, window, order,
				n > 1 ? histogram(histogram) : null);
	}

	/** The median of values whose two middle ones (the same one for an odd count) are these, as {@link Numbers#median}. */
	public static BigDecimal median(long lowMiddle, long highMiddle) {
		if (lowMiddle == highMiddle) {
			return BigDecimal.valueOf(highMiddle);
		}
		BigDecimal half = BigDecimal.valueOf(lowMiddle).add(BigDecimal.valueOf(highMiddle)).divide(BigDecimal.valueOf(2));
		return half.scale() > 0 ? half.setScale(1) : half;
	}

	/** The mean of {@code count} values summing to {@code sum}, as {@link #mean(long[], int, int)}. */
	public static BigDecimal mean(long sum, long count) {
		return count == 0 ? null
				: BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 2, java.math.RoundingMode.HALF_UP);
	}

	private static void addSteps(long[] reached, int depth) {
		for (int k = 0; k < depth; k++) {
			reached[k]++;
		}
	}

	/** The first index in {@code [from, to)} whose time is at least {@code value}. */
	static int lowerBound(long[] time, int from, int to, long value) {
		int lo = from;
		int hi = to;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (time[mid] < value) {
				lo = mid + 1;
			} else {
				hi = mid;
			}
		}
		return lo;
	}

	private static long seconds(String key, Duration duration) {
		if (duration.isNegative()) {
			throw new ParameterException(key, duration + " is negative");
		}
		return duration.getSeconds();
	}

	/** The day after the latest order or event: as of then, every fact counts. */
	static LocalDate dayAfterLastFact(CustomerDataset data) {
		long last = Long.MIN_VALUE;
		for (long t : data.eventTime()) {
			last = Math.max(last, t);
		}
		for (long t : data.orderTime()) {
			last = Math.max(last, t);
		}
		if (last == Long.MIN_VALUE) {
			return LocalDate.now();
		}
		return LocalDate.ofEpochDay(Math.floorDiv(last, CustomerDataset.SECONDS_PER_DAY) + 1);
	}
}
