package io.custops.engine.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.core.data.EventTypes;
import io.custops.core.param.ParameterException;
import io.custops.core.param.ParameterSpec;
import io.custops.core.param.ParameterType;
import io.custops.core.param.Parameters;
import io.custops.engine.AnalysisInputException;
import io.custops.engine.PathAnalysis;
import io.custops.engine.PathResult;
import io.custops.engine.PathResult.Flow;
import io.custops.engine.PathResult.Path;
import io.custops.engine.sql.PathQuery;
import io.custops.core.spi.SqlDialect;
import io.custops.core.spi.SqlPushdown.SourceTables;

/**
 * One pass over each customer's events: each unit's path is built in a reused {@code int[]}
 * and packed into a {@code long} (a few bits per step) counted in a primitive hash table; only
 * the distinct paths become objects. Flows are derived from the distinct paths and their counts.
 */
@Component(service = PathAnalysis.class)
public class PathService implements PathAnalysis {

	private static final List<ParameterSpec> PARAMETERS = List.of(
			ParameterSpec.builder(TOP, ParameterType.INTEGER).defaultValue("20").min(1).label("Top", "前 N 条")
					.description("How many of the most frequent paths to list", "列出最常见路径的条数").build(),
			ParameterSpec.builder(MAX_LENGTH, ParameterType.INTEGER).defaultValue("10").min(1).max(1000)
					.label("Maximum length", "最大长度")
					.description("Longer paths are cut to this many steps and marked with ...",
							"更长的路径截断为此步数，并以 ... 标记")
					.build(),
			ParameterSpec.builder(START, ParameterType.STRING).label("Start", "起点")
					.description("Paths begin at the first occurrence of this event type", "路径从此事件类型首次出现处开始")
					.build(),
			ParameterSpec.builder(END, ParameterType.STRING).label("End", "终点")
					.description("Paths end at the first occurrence of this event type", "路径在此事件类型首次出现处结束")
					.build(),
			ParameterSpec.builder(EXCLUDE, ParameterType.LIST).label("Exclude", "排除")
					.description("Event types left out of the paths", "从路径中排除的事件类型").build(),
			ParameterSpec.builder(BY, ParameterType.CHOICE).choices("auto", "session", "customer").defaultValue("auto")
					.label("Path of", "路径单位")
					.description("One path per session, per customer, or per session when the data has sessions",
							"按会话、按客户，或在数据有会话时按会话")
					.build(),
			ParameterSpec.builder(NOT_REACHED, ParameterType.STRING).label("Did not reach", "未到达")
					.description("Only paths that never reach this event type (drop-offs)", "只看未到达此事件类型的路径（流失）")
					.build(),
			ParameterSpec.builder(FROM, ParameterType.DATE).label("From", "起始日期")
					.description("Only events on or after this day", "只计此日及之后的事件").build(),
			ParameterSpec.builder(TO, ParameterType.DATE).label("To", "截止日期")
					.description("Only events before this day", "只计此日之前的事件").build());

	@Override
	public List<ParameterSpec> parameters() {
		return PARAMETERS;
	}

	@Override
	public PathResult run(CustomerDataset data, Map<String, String> raw, int[] customers, ProgressMonitor monitor) {
		ProgressMonitor pm = monitor == null ? ProgressMonitor.NULL : monitor;
		Parameters params = Parameters.resolve(PARAMETERS, raw);
		int types = data.eventTypeNames().size();
		boolean[] excluded = new boolean[types];
		for (String name : params.has(EXCLUDE) ? params.list(EXCLUDE) : List.<String>of()) {
			excluded[EventTypeNames.index(data, EXCLUDE, name)] = true;
		}
		int start = anchor(data, params, START, excluded);
		int end = anchor(data, params, END, excluded);
		int notReached = anchor(data, params, NOT_REACHED, excluded);
		int top = params.intValue(TOP);
		int maxLength = params.intValue(MAX_LENGTH);
		LocalDate fromDate = params.has(FROM) ? params.date(FROM) : null;
		LocalDate toDate = params.has(TO) ? params.date(TO) : null;
		if (fromDate != null && toDate != null && !fromDate.isBefore(toDate)) {
			throw new AnalysisInputException("the end date " + toDate + " is not after the start date " + fromDate);
		}
		long fromSecond = fromDate == null ? Long.MIN_VALUE : fromDate.toEpochDay() * CustomerDataset.SECONDS_PER_DAY;
		long toSecond = toDate == null ? Long.MAX_VALUE : toDate.toEpochDay() * CustomerDataset.SECONDS_PER_DAY;

		int[] session = data.eventSession();
		boolean bySession = switch (params.string(BY)) {
		case "session" -> true;
		case "customer" -> false;
		default -> hasSessions(session);
		};
		boolean[] included = null;
		if (customers != null) {
			included = new boolean[data.customerCount()];
			for (int c : customers) {
				if (c < 0 || c >= included.length) {
					throw new AnalysisInputException("customer index " + c + " is not in the dataset of "
							+ included.length + " customers");
				}
				included[c] = true;
			}
		}

		Counter counter = new Counter(types, maxLength, start, end, notReached, excluded);
		int[] offsets = data.eventOffsets();
		long[] time = data.eventTime();
		int[] type = data.eventType();
		int[] rank = typeRanks(data.eventTypeNames());
		pm.begin("Paths", data.customerCount());
		for (int c = 0; c < data.customerCount(); c++) {
			if ((c & 0xFFFF) == 0) {
				pm.checkCanceled();
			}
			if (included != null && !included[c]) {
				continue;
			}
			int s = offsets[c];
			int e = offsets[c + 1];
			if (fromSecond != Long.MIN_VALUE) {
				s = FunnelService.lowerBound(time, s, e, fromSecond);
			}
			if (toSecond != Long.MAX_VALUE) {
				e = FunnelService.lowerBound(time, s, e, toSecond);
			}
			if (s == e) {
				continue;
			}
			// events of one second in the standard types' order, then by name (a source has no input
			// order to keep); by session, each session's events together
			boolean reorder = false;
			for (int i = s + 1; i < e && !reorder; i++) {
				reorder = time[i] == time[i - 1] && rank[type[i]] < rank[type[i - 1]]
						|| bySession && session[i] < session[i - 1];
			}
			int[] indexes = null;
			int from = s;
			int to = e;
			if (reorder) {
				int m = e - s;
				Integer[] sorted = new Integer[m];
				for (int i = 0; i < m; i++) {
					sorted[i] = s + i;
				}
				Comparator<Integer> byTime = Comparator.<Integer>comparingLong(i -> time[i]).thenComparingInt(i -> rank[type[i]]);
				Arrays.sort(sorted, bySession ? Comparator.<Integer>comparingInt(i -> session[i]).thenComparing(byTime) : byTime);
				indexes = counter.indexes(m);
				for (int i = 0; i < m; i++) {
					indexes[i] = sorted[i];
				}
				from = 0;
				to = m;
			}
			if (!bySession) {
				counter.unit(type, indexes, from, to);
				continue;
			}
			int first = from;
			for (int i = from + 1; i <= to; i++) {
				if (i == to || session[at(indexes, i)] != session[at(indexes, first)]) {
					counter.unit(type, indexes, first, i);
					first = i;
				}
			}
		}
		pm.done();
		return counter.result(data.eventTypeNames(), top, bySession ? "session" : "customer", params.asText());
	}

	@Override
	public PathQuery pushdown(Map<String, String> raw, SqlDialect dialect, SourceTables tables) {
		Parameters params = Parameters.resolve(PARAMETERS, raw);
		List<String> excluded = params.has(EXCLUDE) ? params.list(EXCLUDE).stream().map(String::strip).toList() : List.of();
		String[] anchors = new String[3];
		String[] keys = { START, END, NOT_REACHED };
		for (int i = 0; i < keys.length; i++) {
			if (params.has(keys[i])) {
				anchors[i] = params.string(keys[i]).strip();
				if (excluded.contains(anchors[i])) {
					throw new ParameterException(keys[i], "'" + params.string(keys[i]) + "' is also excluded");
				}
			}
		}
		LocalDate fromDate = params.has(FROM) ? params.date(FROM) : null;
		LocalDate toDate = params.has(TO) ? params.date(TO) : null;
		if (fromDate != null && toDate != null && !fromDate.isBefore(toDate)) {
			throw new AnalysisInputException("the end date " + toDate + " is not after the start date " + fromDate);
		}
		return new PathQuery(params.intValue(TOP), params.intValue(MAX_LENGTH), anchors[0], anchors[1], anchors[2],
				excluded, fromDate, toDate, params.string(BY), params.asText(), dialect, tables);
	}

	private static int at(int[] indexes, int i) {
		return indexes == null ? i : indexes[i];
	}

	/** Per type index: its place among the standard types, or after them by name. */
	static int[] typeRanks(List<String> names) {
		List<String> others = new ArrayList<>();
		for (String name : names) {
			if (!EventTypes.STANDARD.contains(name)) {
				others.add(name);
			}
		}
		others.sort(null);
		int[] rank = new int[names.size()];
		for (int t = 0; t < rank.length; t++) {
			int standard = EventTypes.STANDARD.indexOf(names.get(t));
			rank[t] = standard >= 0 ? standard : EventTypes.STANDARD.size() + others.indexOf(names.get(t));
		}
		return rank;
	}

	private static int anchor(CustomerDataset data, Parameters params, String key, boolean[] excluded) {
		if (!params.has(key)) {
			return -1;
		}
		int type = EventTypeNames.present(data, key, params.string(key));
		if (excluded[type]) {
			throw new ParameterException(key, "'" + params.string(key) + "' is also excluded");
		}
		return type;
	}

	private static boolean hasSessions(int[] session) {
		for (int s : session) {
			if (s >= 0) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The result from the distinct paths at least as frequent as the top-th one (all of them when
	 * there are fewer) and the flows over all paths, in any order: the top paths by count
	 * descending, then by text; percentages of the units; flows by step, count descending, source,
	 * target. Shared by the in-memory run and the run inside a source.
	 */
	public static PathResult assemble(String unit, long units, long distinctPaths,
			List<Map.Entry<List<String>, Long>> candidates, int top, List<Flow> flows, Map<String, String> parameters) {
		List<Path> paths = new ArrayList<>();
		for (Map.Entry<List<String>, Long> c : candidates) {
			paths.add(new Path(c.getKey(), c.getValue(), Numbers.percent(c.getValue(), units)));
		}
		paths.sort(Comparator.comparingLong(Path::count).reversed().thenComparing(Path::text));
		List<Flow> sorted = new ArrayList<>(flows);
		sorted.sort(Comparator.comparingInt(Flow::step).thenComparing(Comparator.comparingLong(Flow::count).reversed())
				.thenComparing(Flow::source).thenComparing(Flow::target));
		return new PathResult(unit, units, distinctPaths, paths.subList(0, Math.min(top, paths.size())), sorted,
				parameters);
	}

	/** Builds each unit's path and counts the distinct ones. */
	private static final class Counter {
		private final int types;
		private final int maxLength;
		private final int start;
		private final int end;
		private final int notReached;
		private final boolean[] excluded;
		/** Code of the cut marker; types are coded 1 … types. */
		private final int cutCode;
		private final int bits;
		/** Whether a path of maxLength steps plus the marker fits in 63 bits. */
		private final boolean packed;
		private final LongCounts packedCounts = new LongCounts(1 << 12);
		private final Map<String, long[]> textCounts = new HashMap<>();
		private int[] path = new int[32];
		private int[] indexes = new int[16];
		private long units;

		Counter(int types, int maxLength, int start, int end, int notReached, boolean[] excluded) {
			this.types = types;
			this.maxLength = maxLength;
			this.start = start;
			this.end = end;
			this.notReached = notReached;
			this.excluded = excluded;
			this.cutCode = types + 1;
			this.bits = 64 - Long.numberOfLeadingZeros(cutCode);
			this.packed = (long) bits * (maxLength + 1) <= 63;
		}

		int[] indexes(int m) {
			if (indexes.length < m) {
				indexes = new int[Math.max(m, indexes.length * 2)];
			}
			return indexes;
		}

		/** One unit: events {@code from … to-1}, directly or through {@code indirect} positions. */
		void unit(int[] type, int[] indirect, int from, int to) {
			int length = 0;
			int last = -1;
			boolean started = start < 0;
			boolean ended = false;
			// without an end anchor or a drop-off test, nothing after the cut matters
			boolean mayStopAtCut = end < 0 && notReached < 0;
			for (int i = from; i < to; i++) {
				int t = type[indirect == null ? i : indirect[i]];
				if (excluded[t] || t == last) {
					continue;
				}
				if (!started) {
					if (t != start) {
						continue;
					}
					started = true;
				}
				if (t == notReached) {
					return;
				}
				last = t;
				if (length == path.length) {
					path = Arrays.copyOf(path, length * 2);
				}
				path[length++] = t;
				if (t == end) {
					ended = true;
					break;
				}
				if (mayStopAtCut && length > maxLength) {
					break;
				}
			}
			if (length == 0 || end >= 0 && !ended) {
				return;
			}
			units++;
			// the kept steps, as codes; the marker on the side that was cut
			int first = 0;
			int count = length;
			boolean cutFront = false;
			boolean cutBack = false;
			if (length > maxLength) {
				count = maxLength;
				if (end >= 0) {
					first = length - maxLength;
					cutFront = true;
				} else {
					cutBack = true;
				}
			}
			if (packed) {
				long key = 0;
				if (cutFront) {
					key = cutCode;
				}
				for (int i = first; i < first + count; i++) {
					key = (key << bits) | (path[i] + 1);
				}
				if (cutBack) {
					key = (key << bits) | cutCode;
				}
				packedCounts.add(key, 1);
			} else {
				StringBuilder key = new StringBuilder(count + 1);
				if (cutFront) {
					key.append((char) cutCode);
				}
				for (int i = first; i < first + count; i++) {
					key.append((char) (path[i] + 1));
				}
				if (cutBack) {
					key.append((char) cutCode);
				}
				textCounts.computeIfAbsent(key.toString(), k -> new long[1])[0]++;
			}
		}

		PathResult result(List<String> typeNames, int top, String unit, Map<String, String> parameters) {
			// distinct paths as code arrays with their counts
			int[][] distinct;
			long[] counts;
			if (packed) {
				long[][] c = new long[1][];
				long[] keys = packedCounts.keys(c);
				counts = c[0];
				distinct = new int[keys.length][];
				for (int i = 0; i < keys.length; i++) {
					distinct[i] = unpack(keys[i]);
				}
			} else {
				distinct = new int[textCounts.size()][];
				counts = new long[distinct.length];
				int i = 0;
				for (Map.Entry<String, long[]> entry : textCounts.entrySet()) {
					distinct[i] = entry.getKey().chars().toArray();
					counts[i++] = entry.getValue()[0];
				}
			}
			String[] names = new String[cutCode + 1];
			for (int t = 0; t < types; t++) {
				names[t + 1] = typeNames.get(t);
			}
			names[cutCode] = PathResult.CUT;

			// only paths as frequent as the top-th one are candidates; assemble ranks them by count, then text
			long threshold = 0;
			if (counts.length > top) {
				long[] sorted = counts.clone();
				Arrays.sort(sorted);
				threshold = sorted[sorted.length - top];
			}
			List<Map.Entry<List<String>, Long>> candidates = new ArrayList<>();
			for (int i = 0; i < distinct.length; i++) {
				if (counts[i] >= threshold) {
					List<String> steps = Arrays.stream(distinct[i]).mapToObj(code -> names[code]).toList();
					candidates.add(Map.entry(steps, counts[i]));
				}
			}

			// flows: position p's step to position p+1's step (or the end), summed over distinct paths
			int width = cutCode + 2;
			int endNode = cutCode + 1;
			LongCounts flowCounts = new LongCounts(1 << 8);
			for (int i = 0; i < distinct.length; i++) {
				int[] codes = distinct[i];
				for (int p = 0; p < codes.length; p++) {
					int target = p + 1 < codes.length ? codes[p + 1] : endNode;
					flowCounts.add(((long) (p + 1) * width + codes[p]) * width + target, counts[i]);
				}
			}
			long[][] fc = new long[1][];
			long[] flowKeys = flowCounts.keys(fc);
			List<Flow> flows = new ArrayList<>();
			for (int i = 0; i < flowKeys.length; i++) {
				long key = flowKeys[i];
				int target = (int) (key % width);
				int source = (int) (key / width % width);
				int step = (int) (key / width / width);
				flows.add(new Flow(step, names[source], target == endNode ? PathResult.END : names[target], fc[0][i]));
			}
			return assemble(unit, units, distinct.length, candidates, top, flows, parameters);
		}

		private int[] unpack(long key) {
			int length = 0;
			for (long k = key; k != 0; k >>>= bits) {
				length++;
			}
			int[] codes = new int[length];
			long k = key;
			long mask = (1L << bits) - 1;
			for (int i = length - 1; i >= 0; i--) {
				codes[i] = (int) (k & mask);
				k >>>= bits;
			}
			return codes;
		}
	}
}
