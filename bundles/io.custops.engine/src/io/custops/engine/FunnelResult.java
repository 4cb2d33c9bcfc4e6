package io.custops.engine;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of a {@link FunnelAnalysis}. Percentages have two decimals (66.67); medians are
 * in seconds, exact (a .5 when the two middle values differ by an odd number), {@code null}
 * for the first step or when nobody reached the step.
 */
public final class FunnelResult {

	/** One step's figures. */
	public record Step(String step, long customers, BigDecimal pctOfFirst, BigDecimal pctOfPrevious,
			BigDecimal medianSecondsFromPrevious, BigDecimal meanSecondsFromPrevious) {
		public Step(String step, long customers, BigDecimal pctOfFirst, BigDecimal pctOfPrevious,
				BigDecimal medianSecondsFromPrevious) {
			this(step, customers, pctOfFirst, pctOfPrevious, medianSecondsFromPrevious, null);
		}

		public Map<String, Object> toJson() {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("step", step);
			json.put("customers", customers);
			json.put("pct_of_first", pctOfFirst);
			json.put("pct_of_previous", pctOfPrevious);
			json.put("median_seconds_from_previous", medianSecondsFromPrevious);
			json.put("mean_seconds_from_previous", meanSecondsFromPrevious);
			return json;
		}
	}

	/** The funnel of one breakdown group. */
	public record Group(String group, List<Step> steps) {
		public Group {
			steps = List.copyOf(steps);
		}

		public Map<String, Object> toJson() {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("group", group);
			json.put("steps", steps.stream().map(Step::toJson).toList());
			return json;
		}
	}

	/**
	 * One bar of the time-to-convert histogram: customers who reached the last step that many
	 * seconds after the first, in [{@code fromSeconds}, {@code toSeconds}) ({@code toSeconds}
	 * {@code null}: no upper bound).
	 */
	public record Bin(long fromSeconds, Long toSeconds, long customers) {
		public Map<String, Object> toJson() {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("from_seconds", fromSeconds);
			json.put("to_seconds", toSeconds);
			json.put("customers", customers);
			return json;
		}
	}

	private final List<Step> steps;
	private final String breakdownBy;
	private final List<Group> groups;
	private final Map<String, String> parameters;
	private final byte[] depth;
	private final Integer dropAt;
	private final String window;
	private final String order;
	private final List<Bin> histogram;

	/** A result without window, order or histogram (a funnel computed elsewhere). */
	public FunnelResult(List<Step> steps, String breakdownBy, List<Group> groups, Map<String, String> parameters,
			byte[] depth, Integer dropAt) {
		this(steps, breakdownBy, groups, parameters, depth, dropAt, parameters.get("window"), parameters.get("order"),
				null);
	}

	/**
	 * @param depth       per customer, the number of steps reached (0 … steps); kept, not copied; null
	 *                    for a funnel run inside a source (the customers stayed there)
	 * @param breakdownBy {@code null} without a breakdown
	 */
	public FunnelResult(List<Step> steps, String breakdownBy, List<Group> groups, Map<String, String> parameters,
			byte[] depth, Integer dropAt, String window, String order, List<Bin> histogram) {
		this.window = window;
		this.order = order;
		this.histogram = histogram == null ? null : List.copyOf(histogram);
		this.steps = List.copyOf(steps);
		this.breakdownBy = breakdownBy;
		this.groups = groups == null ? List.of() : List.copyOf(groups);
		this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
		this.depth = depth;
		this.dropAt = dropAt;
	}

	public List<Step> steps() {
		return steps;
	}

	/** The conversion window as given or defaulted ({@code 14d}); shown with every funnel. */
	public String window() {
		return window;
	}

	/** {@code ordered}, {@code strict} or {@code any}. */
	public String order() {
		return order;
	}

	/** Time from the first to the last step of those who reached the last step; {@code null} for one step. */
	public List<Bin> timeToConvertHistogram() {
		return histogram;
	}

	/** "window 14d, ordered": what every view of a funnel says it used. */
	public String describeRules() {
		return "window " + window + " from the first step, " + order
				+ (parameters.containsKey("stepWindow") ? ", each step within " + parameters.get("stepWindow") : "")
				+ (parameters.containsKey("exclude") ? ", excluding " + parameters.get("exclude") : "");
	}

	/** What the breakdown is by ({@code channel}, {@code attribute:province}, an analysis id), or {@code null}. */
	public String breakdownBy() {
		return breakdownBy;
	}

	/** Groups of the breakdown, each with its own funnel; empty without a breakdown. */
	public List<Group> groups() {
		return groups;
	}

	public Map<String, String> parameters() {
		return parameters;
	}

	/** The number of steps a customer reached (0 when they never did step 1). */
	public int depth(int customer) {
		if (depth == null) {
			throw new IllegalStateException("the customers of a funnel run inside a source stayed there");
		}
		return depth[customer];
	}

	/** The customers who reached step {@code step} (1-based), ascending customer indexes. */
	public int[] reached(int step) {
		checkStep(step, 1);
		return select(step, steps.size());
	}

	/**
	 * The customers who reached step {@code step − 1} but not step {@code step} (2 … n): the
	 * segment of those dropping at that step, ascending customer indexes.
	 */
	public int[] dropped(int step) {
		checkStep(step, 2);
		return select(step - 1, step - 1);
	}

	private void checkStep(int step, int min) {
		if (step < min || step > steps.size()) {
			throw new AnalysisInputException("step " + step + " is not a step " + min + " … " + steps.size()
					+ " of the funnel " + steps.stream().map(Step::step).toList());
		}
	}

	private int[] select(int minDepth, int maxDepth) {
		if (depth == null) {
			throw new IllegalStateException("the customers of a funnel run inside a source stayed there");
		}
		int count = 0;
		for (byte d : depth) {
			if (d >= minDepth && d <= maxDepth) {
				count++;
			}
		}
		int[] result = new int[count];
		int k = 0;
		for (int c = 0; c < depth.length; c++) {
			if (depth[c] >= minDepth && depth[c] <= maxDepth) {
				result[k++] = c;
			}
		}
		return result;
	}

	/**
	 * The summary the command line prints with {@code --json}:
	 * {@code {"steps": [{"step", "customers", "pct_of_first", "pct_of_previous",
	 * "median_seconds_from_previous"}…], "breakdown": {"by", "groups": [{"group", "steps"}…]},
	 * "dropped": {"step", "customers"}, "params": {…}}}.
	 */
	public Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("window", window);
		json.put("order", order);
		json.put("steps", steps.stream().map(Step::toJson).toList());
		if (histogram != null) {
			json.put("time_to_convert_histogram", histogram.stream().map(Bin::toJson).toList());
		}
		if (breakdownBy != null) {
			Map<String, Object> breakdown = new LinkedHashMap<>();
			breakdown.put("by", breakdownBy);
			breakdown.put("groups", groups.stream().map(Group::toJson).toList());
			json.put("breakdown", breakdown);
		}
		if (dropAt != null) {
			Map<String, Object> dropped = new LinkedHashMap<>();
			dropped.put("step", dropAt);
			dropped.put("after", steps.get(dropAt - 2).step());
			dropped.put("missing", steps.get(dropAt - 1).step());
			dropped.put("customers", steps.get(dropAt - 2).customers() - steps.get(dropAt - 1).customers());
			json.put("dropped", dropped);
		}
		json.put("params", new LinkedHashMap<>(parameters));
		return json;
	}
}
