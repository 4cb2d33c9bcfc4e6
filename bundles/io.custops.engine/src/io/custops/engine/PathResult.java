package io.custops.engine;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of a {@link PathAnalysis}. {@code units} counts the sessions (or customers)
 * that have a path after anchors, exclusions and filters; percentages are of it, two decimals.
 */
public record PathResult(String unit, long units, long distinctPaths, List<Path> paths, List<Flow> flows,
		Map<String, String> parameters) {

	/** The step that marks where a path longer than the maximum length was cut. */
	public static final String CUT = "...";
	/** The flow target of paths that end at a position (for a Sankey view). */
	public static final String END = "(end)";

	public PathResult {
		paths = List.copyOf(paths);
		flows = List.copyOf(flows);
		parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
	}

	/** A path and how many units followed it. */
	public record Path(List<String> steps, long count, BigDecimal pctOfUnits) {
		public Path {
			steps = List.copyOf(steps);
		}

		/** The steps joined with {@code " > "}. */
		public String text() {
			return String.join(" > ", steps);
		}

		public Map<String, Object> toJson() {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("path", text());
			json.put("steps", steps);
			json.put("count", count);
			json.put("pct_of_units", pctOfUnits);
			return json;
		}
	}

	/**
	 * Units going from {@code source} at position {@code step} (1-based) to {@code target} at
	 * {@code step + 1}, or ending there ({@value PathResult#END}).
	 */
	public record Flow(int step, String source, String target, long count) {
		public Map<String, Object> toJson() {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("step", step);
			json.put("source", source);
			json.put("target", target);
			json.put("count", count);
			return json;
		}
	}

	/** {@code {"unit", "units", "distinct_paths", "paths": [{"path", "steps", "count", "pct_of_units"}…], "flows": […], "params"}}. */
	public Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("unit", unit);
		json.put("units", units);
		json.put("distinct_paths", distinctPaths);
		json.put("paths", paths.stream().map(Path::toJson).toList());
		json.put("flows", flows.stream().map(Flow::toJson).toList());
		json.put("params", new LinkedHashMap<>(parameters));
		return json;
	}
}
