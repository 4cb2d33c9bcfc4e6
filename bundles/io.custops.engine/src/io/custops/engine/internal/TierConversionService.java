package io.custops.engine.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.core.data.OrderStatus;
import io.custops.core.param.ParameterSpec;
import io.custops.core.param.ParameterType;
import io.custops.core.param.Parameters;
import io.custops.core.spi.CustomerAnalysis;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.Label;
import io.custops.core.spi.SqlDialect;
import io.custops.core.spi.SqlPushdown;
import io.custops.core.spi.SqlPushdown.SourceTables;
import io.custops.engine.AnalysisInputException;
import io.custops.engine.Analyses;
import io.custops.engine.ConversionResult;
import io.custops.engine.ConversionResult.Level;
import io.custops.engine.ConversionResult.Move;
import io.custops.engine.ConversionResult.Period;
import io.custops.engine.ConversionResult.Totals;
import io.custops.engine.TierConversion;
import io.custops.engine.sql.ConversionQuery;
import io.custops.engine.sql.NoPushdownException;

/**
 * Classifies the customers at each bound with the analysis (through {@link Analyses}), then
 * counts moves in one pass over primitive arrays: each customer's level is turned into its
 * rank in the declared order, so up and down are integer comparisons.
 */
@Component(service = TierConversion.class)
public class TierConversionService implements TierConversion {

	private static final List<ParameterSpec> PARAMETERS = List.of(ParameterSpec.builder(PERIOD, ParameterType.CHOICE)
			.choices("month", "quarter", "year")
			.label("Series period", "序列周期")
			.description("Also report the moves over consecutive periods of this length from the start date",
					"同时按此周期长度从起始日期起逐期统计升降")
			.build());

	@Reference
	private Analyses analyses;

	@Override
	public List<ParameterSpec> parameters() {
		return PARAMETERS;
	}

	@Override
	public ConversionResult run(CustomerDataset data, String analysisId, LocalDate from, LocalDate to,
			Map<String, String> raw, ProgressMonitor monitor) {
		ProgressMonitor pm = monitor == null ? ProgressMonitor.NULL : monitor;
		if (!from.isBefore(to)) {
			throw new AnalysisInputException("the end date " + to + " is not after the start date " + from);
		}
		Resolved r = resolve(analysisId, raw);
		CustomerAnalysis analysis = r.analysis();
		Parameters params = r.params();
		String period = r.period();

		List<Label> declared = analysis.labels(params);
		List<String> levels = declared.stream().map(Label::id).toList();
		int none = levels.size();

		List<LocalDate> bounds = bounds(from, to, period);
		pm.begin("Tier conversion by " + analysis.id(), bounds.size() + 1);
		int[] firstPaidDay = firstPaidDays(data);
		pm.worked(1);
		int[][] ranks = new int[bounds.size()][];
		for (int b = 0; b < bounds.size(); b++) {
			pm.checkCanceled();
			CustomerClassification result = analyses.run(analysis, data, bounds.get(b), params, pm);
			ranks[b] = ranks(analysis, result, levels);
			pm.worked(1);
		}
		int[] rankFrom = ranks[0];
		int[] rankTo = ranks[ranks.length - 1];

		int width = none + 1;
		long[] matrix = new long[width * width];
		long[] entrants = new long[width];
		count(from, to, firstPaidDay, rankFrom, rankTo, width, matrix, entrants);

		long[][] pairMatrices = new long[Math.max(0, bounds.size() - 1)][];
		long[][] pairEntrants = new long[pairMatrices.length][];
		if (period != null) {
			for (int b = 0; b + 1 < bounds.size(); b++) {
				pairMatrices[b] = new long[width * width];
				pairEntrants[b] = new long[width];
				count(bounds.get(b), bounds.get(b + 1), firstPaidDay, ranks[b], ranks[b + 1], width, pairMatrices[b],
						pairEntrants[b]);
			}
		}
		pm.done();
		return assemble(analysis.id(), from, to, params.asText(), levels, period, bounds, matrix, entrants,
				period == null ? null : pairMatrices, period == null ? null : pairEntrants);
	}

	@Override
	public ConversionQuery pushdown(String analysisId, LocalDate from, LocalDate to, Map<String, String> raw,
			SqlDialect dialect, SourceTables tables) {
		if (!from.isBefore(to)) {
			throw new AnalysisInputException("the end date " + to + " is not after the start date " + from);
		}
		Resolved r = resolve(analysisId, raw);
		CustomerAnalysis analysis = r.analysis();
		String name = "conversion by " + analysis.id();
		SqlPushdown pushdown = analysis.sqlPushdown()
				.orElseThrow(() -> new NoPushdownException(name, dialect, analysis.id() + " has no SQL pushdown"));
		if (!pushdown.supports(dialect) || !pushdown.supports(dialect, r.params())) {
			throw new NoPushdownException(name, dialect, analysis.id() + "'s pushdown does not support this dialect"
					+ (pushdown.supports(dialect) ? " with these parameters (" + r.params().asText() + ")" : ""));
		}
		List<String> levels = analysis.labels(r.params()).stream().map(Label::id).toList();
		return new ConversionQuery(analysis.id(), pushdown, dialect, tables, r.params(), levels, r.period(),
				bounds(from, to, r.period()));
	}

	/** The analysis, its parameters and the conversion's period, from the raw parameters of a run. */
	public record Resolved(CustomerAnalysis analysis, Parameters params, String period) {
	}

	/**
	 * Splits the raw parameters into the conversion's own and the analysis's (the conversion's
	 * keys are not the analysis's, unless the analysis declares them too) and resolves both.
	 */
	public Resolved resolve(String analysisId, Map<String, String> raw) {
		CustomerAnalysis analysis = analyses.find(analysisId == null ? DEFAULT_ANALYSIS : analysisId);
		Map<String, String> own = new LinkedHashMap<>();
		Map<String, String> forAnalysis = new LinkedHashMap<>();
		raw.forEach((key, value) -> {
			boolean declaredByAnalysis = analysis.parameters().stream().anyMatch(s -> s.matches(key));
			if (PARAMETERS.stream().anyMatch(s -> s.matches(key))) {
				own.put(key, value);
				if (declaredByAnalysis) {
					forAnalysis.put(key, value);
				}
			} else {
				forAnalysis.put(key, value);
			}
		});
		Parameters ownParams = Parameters.resolve(PARAMETERS, own);
		Parameters params = analyses.resolve(analysis, forAnalysis);
		return new Resolved(analysis, params, ownParams.has(PERIOD) ? ownParams.string(PERIOD) : null);
	}

	/**
	 * The result from the counted moves, in memory or in a source alike. {@code matrix} is
	 * {@code (levels + 1)²} (the last row and column: unclassified), row = level at {@code from};
	 * {@code entrants} per level at {@code to}; the pair arrays the same per period of the series
	 * (null without a series).
	 */
	public static ConversionResult assemble(String analysis, LocalDate from, LocalDate to, Map<String, String> params,
			List<String> levels, String period, List<LocalDate> bounds, long[] matrix, long[] entrants,
			long[][] pairMatrices, long[][] pairEntrants) {
		int none = levels.size();
		int width = none + 1;
		List<Move> moves = new ArrayList<>();
		long population = 0;
		for (int i = 0; i < width; i++) {
			for (int j = 0; j < width; j++) {
				long count = matrix[i * width + j];
				population += count;
				// the unclassified row and column appear only when someone is in them
				if (i < none && j < none || count > 0) {
					moves.add(new Move(name(levels, i), name(levels, j), count));
				}
			}
		}
		List<Move> entrantRows = new ArrayList<>();
		for (int j = 0; j < width; j++) {
			if (j < none || entrants[j] > 0) {
				entrantRows.add(new Move(ConversionResult.ENTRANT, name(levels, j), entrants[j]));
			}
		}
		List<Level> perLevel = new ArrayList<>();
		for (int i = 0; i < none; i++) {
			long[] c = counts(matrix, width, i, i + 1);
			perLevel.add(new Level(levels.get(i), c[0], c[1], c[2], c[3], c[4], Numbers.ratio(c[1], c[0]),
					Numbers.ratio(c[2], c[0]), Numbers.ratio(c[3], c[0])));
		}
		Totals totals = totals(counts(matrix, width, 0, none));
		List<Period> series = new ArrayList<>();
		if (period != null) {
			for (int b = 0; b + 1 < bounds.size(); b++) {
				long entered = 0;
				for (long e : pairEntrants[b]) {
					entered += e;
				}
				series.add(new Period(bounds.get(b), bounds.get(b + 1), totals(counts(pairMatrices[b], width, 0, none)),
						entered));
			}
		}
		return new ConversionResult(analysis, from, to, params, levels, population, moves, perLevel, totals,
				entrantRows, period, series);
	}

	/** The start, each period's end from the start ({@code from + k periods}), and {@code to}. */
	public static List<LocalDate> bounds(LocalDate from, LocalDate to, String period) {
		List<LocalDate> bounds = new ArrayList<>();
		bounds.add(from);
		if (period != null) {
			int months = switch (period) {
			case "month" -> 1;
			case "quarter" -> 3;
			case "year" -> 12;
			default -> throw new IllegalArgumentException(period);
			};
			// counted from the start each time, so a 31st stays a month end (Jan 31, Feb 28, Mar 31)
			for (int k = 1;; k++) {
				LocalDate bound = from.plusMonths((long) months * k);
				if (!bound.isBefore(to)) {
					break;
				}
				bounds.add(bound);
			}
		}
		bounds.add(to);
		return bounds;
	}

	/** The local epoch day of each customer's first paid order, {@link Integer#MAX_VALUE} for none. */
	static int[] firstPaidDays(CustomerDataset data) {
		int[] offsets = data.orderOffsets();
		int[] day = data.orderDay();
		byte[] status = data.orderStatus();
		byte paid = OrderStatus.PAID.code();
		int[] first = new int[data.customerCount()];
		for (int c = 0; c < first.length; c++) {
			int value = Integer.MAX_VALUE;
			// orders are in time order: the first paid one is the earliest
			for (int o = offsets[c]; o < offsets[c + 1]; o++) {
				if (status[o] == paid) {
					value = day[o];
					break;
				}
			}
			first[c] = value;
		}
		return first;
	}

	/** Each customer's position in the declared levels; {@code levels.size()} when unclassified. */
	private static int[] ranks(CustomerAnalysis analysis, CustomerClassification result, List<String> levels) {
		if (result.isMultiLabel()) {
			throw new AnalysisInputException("'" + analysis.id()
					+ "' gives a customer several labels; conversion needs one level per customer");
		}
		Map<String, Integer> position = new HashMap<>();
		for (int i = 0; i < levels.size(); i++) {
			position.put(levels.get(i), i);
		}
		List<Label> labels = result.labels();
		int[] rankOfLabel = new int[labels.size()];
		for (int l = 0; l < labels.size(); l++) {
			Integer rank = position.get(labels.get(l).id());
			if (rank == null) {
				throw new IllegalStateException("'" + analysis.id() + "' gave the label '" + labels.get(l).id()
						+ "' that it does not declare (" + levels + ")");
			}
			rankOfLabel[l] = rank;
		}
		int[] labelIndexes = result.labelIndexes();
		int[] ranks = new int[labelIndexes.length];
		int none = levels.size();
		for (int c = 0; c < ranks.length; c++) {
			int label = labelIndexes[c];
			ranks[c] = label < 0 ? none : rankOfLabel[label];
		}
		return ranks;
	}

	/** customers, retained, upgraded, downgraded, unclassified over the matrix rows [fromRow, toRow). */
	private static long[] counts(long[] matrix, int width, int fromRow, int toRow) {
		int none = width - 1;
		long[] c = new long[5];
		for (int i = fromRow; i < toRow; i++) {
			for (int j = 0; j < width; j++) {
				long n = matrix[i * width + j];
				c[0] += n;
				if (j == none) {
					c[4] += n;
				} else if (j == i) {
					c[1] += n;
				} else if (j > i) {
					c[2] += n;
				} else {
					c[3] += n;
				}
			}
		}
		return c;
	}

	private static Totals totals(long[] c) {
		return new Totals(c[0], c[1], c[2], c[3], c[4], Numbers.ratio(c[1], c[0]), Numbers.ratio(c[2], c[0]),
				Numbers.ratio(c[3], c[0]));
	}

	/** Counts the moves between two bounds into a matrix and the entrants, as for the whole span. */
	private static void count(LocalDate from, LocalDate to, int[] firstPaidDay, int[] rankFrom, int[] rankTo, int width,
			long[] matrix, long[] entrants) {
		int d1 = CustomerDataset.epochDay(from);
		int d2 = CustomerDataset.epochDay(to);
		for (int i = 0; i < firstPaidDay.length; i++) {
			int first = firstPaidDay[i];
			if (first < d1) {
				matrix[rankFrom[i] * width + rankTo[i]]++;
			} else if (first < d2) {
				entrants[rankTo[i]]++;
			}
		}
	}

	private static String name(List<String> levels, int rank) {
		return rank < levels.size() ? levels.get(rank) : ConversionResult.NONE;
	}
}
