package io.custops.engine.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
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
import io.custops.engine.AnalysisInputException;
import io.custops.engine.Analyses;
import io.custops.engine.Campaign;
import io.custops.engine.CampaignRoi;
import io.custops.engine.RoiResult;
import io.custops.core.spi.CustomerAnalysis;
import io.custops.core.spi.ServiceKind;
import io.custops.core.spi.SqlDialect;
import io.custops.core.spi.SqlPushdown;
import io.custops.core.spi.SqlPushdown.SourceTables;
import io.custops.engine.sql.NoPushdownException;
import io.custops.engine.sql.RoiQuery;
import io.custops.engine.RoiStatistics;
import io.custops.engine.RoiResult.Figures;
import io.custops.engine.RoiResult.Segment;

/**
 * Sums each member's paid orders in the window once (cents, {@code long}), then does the
 * money in {@link BigDecimal}: every figure is computed from unrounded values and rounded once.
 */
@Component(service = CampaignRoi.class)
public class CampaignRoiService implements CampaignRoi {

	private static final MathContext EXACT = MathContext.DECIMAL128;

	public static final List<ParameterSpec> PARAMETERS = List.of(
			ParameterSpec.builder(BREAKDOWN, ParameterType.STRING).label("Breakdown", "细分")
					.description("ROI per segment at the campaign start: a customer attribute or a strategy or model id "
							+ "(tier, segment, stage, strategy:ID, model:ID)",
							"按活动开始时的分群计算 ROI：客户属性或策略/模型 id（tier、segment、stage、strategy:ID、model:ID）")
					.build(),
			ParameterSpec.builder(BREAKDOWN_PARAMETERS, ParameterType.STRING).label("Breakdown parameter", "细分参数")
					.description("breakdown.levels=…: a parameter of the breakdown's strategy or model",
							"breakdown.levels=…：细分所用策略或模型的参数")
					.build(),
			ParameterSpec.builder(ALPHA, ParameterType.DECIMAL).defaultValue("0.05")
					.range(new BigDecimal("0.0001"), new BigDecimal("0.5")).label("Significance level", "显著性水平")
					.description("significant when the p-value is below it; the intervals are at 1 − alpha (95 %)",
							"p 值低于此值即为显著；区间的置信水平为 1 − alpha（95%）")
					.build());

	@Reference
	private Analyses analyses;

	@Override
	public List<ParameterSpec> parameters() {
		return PARAMETERS;
	}

	@Override
	public RoiResult run(CustomerDataset data, Campaign campaign, Map<String, String> raw, ProgressMonitor monitor) {
		ProgressMonitor pm = monitor == null ? ProgressMonitor.NULL : monitor;
		Parameters params = Parameters.resolve(PARAMETERS, raw);
		checkMembers(data, campaign);
		int first = CustomerDataset.epochDay(campaign.start());
		int last = CustomerDataset.epochDay(campaign.end());
		int[] treatment = campaign.treatment();
		int[] control = campaign.control();
		double alpha = params.decimal(ALPHA).doubleValue();
		long[] treatmentRevenue = new long[treatment.length];
		long[] controlRevenue = new long[control.length];
		boolean[] treatmentResponded = new boolean[treatment.length];
		boolean[] controlResponded = new boolean[control.length];
		revenue(data, treatment, first, last, treatmentRevenue, treatmentResponded);
		revenue(data, control, first, last, controlRevenue, controlResponded);

		Figures total = figures(treatment.length, control.length, count(treatmentResponded), count(controlResponded),
				sum(treatmentRevenue), sum(controlRevenue), squares(treatmentRevenue), squares(controlRevenue),
				campaign.cost(), campaign.margin(), alpha);

		String breakdownBy = null;
		List<Segment> segments = null;
		if (params.has(BREAKDOWN)) {
			Grouping grouping = Grouping.resolve(BREAKDOWN, params.string(BREAKDOWN), false,
					params.family("breakdown"), data, campaign.start(), analyses, pm);
			breakdownBy = grouping.by;
			segments = segments(grouping, campaign, treatmentRevenue, treatmentResponded, controlRevenue,
					controlResponded, alpha);
		}
		return new RoiResult(campaign.id(), campaign.name(), campaign.start(), campaign.end(), campaign.margin(), total,
				breakdownBy, segments, params.asText());
	}

	@Override
	public RoiQuery pushdown(String id, String name, java.time.LocalDate start, java.time.LocalDate end, BigDecimal cost,
			BigDecimal margin, List<RoiQuery.Member> members, Map<String, String> raw, SqlDialect dialect,
			SourceTables tables) {
		Parameters params = Parameters.resolve(PARAMETERS, raw);
		int treated = 0;
		Map<String, Boolean> seen = new java.util.HashMap<>();
		for (RoiQuery.Member m : members) {
			Boolean before = seen.put(m.customerId(), m.control());
			if (before != null) {
				throw new AnalysisInputException("campaign '" + id + "': customer '" + m.customerId() + "' is listed "
						+ (before == m.control() ? "twice in the " + (m.control() ? "control" : "treatment") + " group"
								: "in both the treatment and the control group"));
			}
			treated += m.control() ? 0 : 1;
		}
		// the record's own checks (dates, cost, margin, a treatment member), with placeholders for the indexes
		new Campaign(id, name, start, end, cost, margin, new int[treated], new int[members.size() - treated]);
		double alpha = params.decimal(ALPHA).doubleValue();
		String what = "roi of campaign '" + id + "'";
		RoiQuery.Breakdown breakdown = null;
		Map<String, String> used = params.asText();
		if (params.has(BREAKDOWN)) {
			String spec = params.string(BREAKDOWN).strip();
			if (spec.equals(RoiQuery.TARGET)) {
				for (String key : raw.keySet()) {
					if (!key.equals(BREAKDOWN) && !key.equals(ALPHA)) {
						throw new io.custops.core.param.ParameterException(key,
								"breakdown=target (the segments recorded at creation) takes no other parameter");
					}
				}
				breakdown = RoiQuery.Breakdown.target();
				Map<String, String> alphaOnly = raw.containsKey(ALPHA) ? Map.of(ALPHA, raw.get(ALPHA)) : Map.of();
				used = new java.util.LinkedHashMap<>(Parameters.resolve(PARAMETERS, alphaOnly).asText());
				used.put(BREAKDOWN, RoiQuery.TARGET);
			} else {
				breakdown = breakdown(what, spec, params.family("breakdown"), dialect);
			}
		}
		return new RoiQuery(id, name, start, end, cost, margin, alpha, used, members, breakdown, dialect, tables);
	}

	private RoiQuery.Breakdown breakdown(String what, String spec, Map<String, String> analysisParameters,
			SqlDialect dialect) {
		if (spec.startsWith("attribute:")) {
			throw new NoPushdownException(what + " broken down by " + spec, dialect,
					"customer attributes are not mapped in sources; break down by a strategy or model");
		}
		CustomerAnalysis analysis;
		try {
			if (spec.startsWith("strategy:")) {
				analysis = analyses.find(ServiceKind.STRATEGY, spec.substring("strategy:".length()));
			} else if (spec.startsWith("model:")) {
				analysis = analyses.find(ServiceKind.MODEL, spec.substring("model:".length()));
			} else {
				analysis = analyses.find(Grouping.ALIASES.getOrDefault(spec, spec));
			}
		} catch (java.util.NoSuchElementException e) {
			throw new io.custops.core.param.ParameterException(BREAKDOWN, "'" + spec
					+ "' is neither 'target' nor an installed strategy or model (customer attributes are not mapped in sources): "
					+ e.getMessage());
		}
		Parameters parameters = analyses.resolve(analysis, analysisParameters);
		String name = what + " broken down by " + analysis.id();
		SqlPushdown pushdown = analysis.sqlPushdown()
				.orElseThrow(() -> new NoPushdownException(name, dialect, analysis.id() + " has no SQL pushdown"));
		if (!pushdown.supports(dialect) || !pushdown.supports(dialect, parameters)) {
			throw new NoPushdownException(name, dialect, analysis.id() + "'s pushdown does not support this dialect"
					+ (pushdown.supports(dialect) ? " with these parameters (" + parameters.asText() + ")" : ""));
		}
		return new RoiQuery.Breakdown(analysis.id(), pushdown, parameters,
				analysis.labels(parameters).stream().map(io.custops.core.spi.Label::id).toList());
	}

	private static void checkMembers(CustomerDataset data, Campaign campaign) {
		int n = data.customerCount();
		byte[] group = new byte[n];
		check(data, campaign, campaign.treatment(), group, (byte) 1, "treatment");
		check(data, campaign, campaign.control(), group, (byte) 2, "control");
	}

	private static void check(CustomerDataset data, Campaign campaign, int[] members, byte[] group, byte mark,
			String name) {
		for (int c : members) {
			if (c < 0 || c >= group.length) {
				throw new AnalysisInputException("campaign '" + campaign.id() + "': " + name + " member index " + c
						+ " is not a customer of the dataset (" + group.length + " customers)");
			}
			if (group[c] != 0) {
				throw new AnalysisInputException("campaign '" + campaign.id() + "': customer '" + data.customerId(c)
						+ "' is listed " + (group[c] == mark ? "twice in the " + name + " group"
								: "in both the treatment and the control group"));
			}
			group[c] = mark;
		}
	}

	/** Each member's paid revenue dated in [first, last] (local days) and whether they bought at all. */
	private static void revenue(CustomerDataset data, int[] members, int first, int last, long[] revenue,
			boolean[] responded) {
		int[] offsets = data.orderOffsets();
		int[] day = data.orderDay();
		long[] amount = data.orderAmount();
		byte[] status = data.orderStatus();
		byte paid = OrderStatus.PAID.code();
		for (int m = 0; m < members.length; m++) {
			int c = members[m];
			long sum = 0;
			boolean any = false;
			for (int o = offsets[c]; o < offsets[c + 1]; o++) {
				int d = day[o];
				if (d > last) {
					break; // orders are in time order
				}
				if (d >= first && status[o] == paid) {
					sum += amount[o];
					any = true;
				}
			}
			revenue[m] = sum;
			responded[m] = any;
		}
	}

	/**
	 * The figures of a group pair. Incremental revenue = (T / |T| − C / |C|) × |T| = (T·|C| − C·|T|) / |C|;
	 * ROI = (incremental × margin − cost) / cost. Without control members, gross: incremental = T.
	 */
	public static Figures figures(long treatmentSize, long controlSize, long treatmentResponders, long controlResponders,
			long treatmentCents, long controlCents, double treatmentSquares, double controlSquares, BigDecimal cost,
			BigDecimal margin, double alpha) {
		boolean incremental = controlSize > 0;
		BigDecimal treatmentRevenue = Numbers.cents(treatmentCents);
		BigDecimal controlRevenue = incremental ? Numbers.cents(controlCents) : null;
		BigDecimal incrementalExact;
		if (incremental) {
			BigDecimal numerator = BigDecimal.valueOf(treatmentCents).multiply(BigDecimal.valueOf(controlSize))
					.subtract(BigDecimal.valueOf(controlCents).multiply(BigDecimal.valueOf(treatmentSize)));
			incrementalExact = numerator.divide(BigDecimal.valueOf(controlSize).movePointRight(2), EXACT);
		} else {
			incrementalExact = treatmentRevenue;
		}
		BigDecimal profitExact = incrementalExact.multiply(margin);
		BigDecimal netExact = profitExact.subtract(cost);
		BigDecimal roi = cost.signum() == 0 ? null : netExact.divide(cost, EXACT).setScale(Numbers.RATIO_SCALE,
				RoundingMode.HALF_UP);
		BigDecimal treatmentRate = Numbers.ratio(treatmentResponders, treatmentSize);
		BigDecimal controlRate = incremental ? Numbers.ratio(controlResponders, controlSize) : null;
		BigDecimal uplift = null;
		BigDecimal relativeUplift = null;
		if (incremental && treatmentSize > 0) {
			BigDecimal t = BigDecimal.valueOf(treatmentResponders).divide(BigDecimal.valueOf(treatmentSize), EXACT);
			BigDecimal c = BigDecimal.valueOf(controlResponders).divide(BigDecimal.valueOf(controlSize), EXACT);
			uplift = t.subtract(c).setScale(Numbers.RATIO_SCALE, RoundingMode.HALF_UP);
			if (controlResponders > 0) {
				relativeUplift = t.divide(c, EXACT).subtract(BigDecimal.ONE).setScale(Numbers.RATIO_SCALE,
						RoundingMode.HALF_UP);
			}
		}
		return new Figures(incremental, treatmentSize, controlSize, treatmentResponders, controlResponders,
				treatmentRevenue, controlRevenue, perMember(treatmentCents, treatmentSize),
				incremental ? perMember(controlCents, controlSize) : null, money(incrementalExact), money(profitExact),
				money(cost), money(netExact), roi, treatmentRate, controlRate, uplift, relativeUplift,
				treatmentSize == 0 ? null
						: RoiStatistics.of(
								new RoiStatistics.Arm(treatmentSize, treatmentResponders, treatmentCents / 100.0,
										treatmentSquares),
								new RoiStatistics.Arm(controlSize, controlResponders, controlCents / 100.0,
										controlSquares),
								cost, margin, alpha));
	}

	private static List<Segment> segments(Grouping grouping, Campaign campaign, long[] treatmentRevenue,
			boolean[] treatmentResponded, long[] controlRevenue, boolean[] controlResponded, double alpha) {
		int groups = grouping.none() + 1;
		long[][] t = new long[groups][3];
		long[][] c = new long[groups][3];
		BigInteger[] tSquares = zeros(groups);
		BigInteger[] cSquares = zeros(groups);
		add(grouping, campaign.treatment(), treatmentRevenue, treatmentResponded, t, tSquares);
		add(grouping, campaign.control(), controlRevenue, controlResponded, c, cSquares);
		List<Integer> order = new ArrayList<>();
		for (int g = 0; g < groups; g++) {
			if (t[g][0] + c[g][0] > 0) {
				order.add(g);
			}
		}
		if (!grouping.labelOrder) {
			int none = grouping.none();
			order.sort(Comparator.<Integer, Boolean>comparing(g -> g == none).thenComparingLong(g -> -t[g][0])
					.thenComparing(g -> grouping.names.get(g)));
		}
		long treated = campaign.treatment().length;
		List<Segment> segments = new ArrayList<>();
		for (int g : order) {
			// the cost is shared by the number of treated members, unrounded until the end
			BigDecimal cost = campaign.cost().multiply(BigDecimal.valueOf(t[g][0]))
					.divide(BigDecimal.valueOf(treated), EXACT);
			segments.add(new Segment(grouping.names.get(g),
					figures(t[g][0], c[g][0], t[g][1], c[g][1], t[g][2], c[g][2], squares(tSquares[g]), squares(cSquares[g]), cost,
							campaign.margin(), alpha)));
		}
		return segments;
	}

	/** Adds members to their groups: size, responders, revenue in cents. */
	private static void add(Grouping grouping, int[] members, long[] revenue, boolean[] responded, long[][] into,
			BigInteger[] squares) {
		int none = grouping.none();
		for (int m = 0; m < members.length; m++) {
			int c = members[m];
			int from = grouping.offsets[c];
			int to = grouping.offsets[c + 1];
			BigInteger square = BigInteger.valueOf(revenue[m]).multiply(BigInteger.valueOf(revenue[m]));
			if (from == to) {
				add(into[none], revenue[m], responded[m]);
				squares[none] = squares[none].add(square);
			}
			for (int i = from; i < to; i++) {
				add(into[grouping.ids[i]], revenue[m], responded[m]);
				squares[grouping.ids[i]] = squares[grouping.ids[i]].add(square);
			}
		}
	}

	private static BigInteger[] zeros(int n) {
		BigInteger[] zeros = new BigInteger[n];
		java.util.Arrays.fill(zeros, BigInteger.ZERO);
		return zeros;
	}

	private static void add(long[] group, long revenue, boolean responded) {
		group[0]++;
		group[1] += responded ? 1 : 0;
		group[2] += revenue;
	}

	private static BigDecimal perMember(long cents, long members) {
		return members == 0 ? null
				: BigDecimal.valueOf(cents).divide(BigDecimal.valueOf(members).movePointRight(2), Numbers.MONEY_SCALE,
						RoundingMode.HALF_UP);
	}

	private static BigDecimal money(BigDecimal value) {
		return value.setScale(Numbers.MONEY_SCALE, RoundingMode.HALF_UP);
	}

	private static long count(boolean[] flags) {
		long n = 0;
		for (boolean f : flags) {
			n += f ? 1 : 0;
		}
		return n;
	}

	/**
	 * The sum of squares of the members' revenue in the shop's currency (Welch's t needs no more):
	 * summed exactly in cents², then made a double once, so that a source's exact SQL sum gives
	 * the very same double.
	 */
	private static double squares(long[] cents) {
		BigInteger s = BigInteger.ZERO;
		for (long v : cents) {
			s = s.add(BigInteger.valueOf(v).multiply(BigInteger.valueOf(v)));
		}
		return squares(s);
	}

	/** Exact cents² as the shop's currency squared, a double rounded once. */
	public static double squares(BigInteger centsSquared) {
		return new BigDecimal(centsSquared, 4).doubleValue();
	}

	private static long sum(long[] values) {
		long s = 0;
		for (long v : values) {
			s += v;
		}
		return s;
	}
}
