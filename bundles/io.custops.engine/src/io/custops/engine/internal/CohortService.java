package io.custops.engine.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.core.data.DictionaryColumn;
import io.custops.core.data.OrderStatus;
import io.custops.core.param.ParameterSpec;
import io.custops.core.param.ParameterType;
import io.custops.core.param.Parameters;
import io.custops.engine.AnalysisInputException;
import io.custops.engine.Analyses;
import io.custops.engine.CohortAnalysis;
import io.custops.engine.CohortResult;
import io.custops.engine.CohortResult.Cohort;
import io.custops.engine.CohortResult.Group;
import io.custops.engine.CohortResult.Period;

/**
 * Two passes over the orders, which the dataset keeps per customer in time order: the first finds
 * each customer's first paid order (the cohort), the second adds every paid order to its cell
 * (cohort × periods since). Months and weeks are numbered by arithmetic on the epoch day, so no
 * date object is made per order; a customer counts once per period because its orders come in
 * time order.
 */
@Component(service = CohortAnalysis.class)
public class CohortService implements CohortAnalysis {

	static final String CHANNEL = "channel";
	static final int DEFAULT_MAX_PERIODS = 24;

	private static final List<ParameterSpec> PARAMETERS = List.of(
			ParameterSpec.builder(BY, ParameterType.CHOICE).choices(BY_MONTH, BY_WEEK).defaultValue(BY_MONTH)
					.label("Cohort by", "同期群划分")
					.description("The month or the week of the first paid order", "按首次付款订单所在的月或周")
					.build(),
			ParameterSpec.builder(METRIC, ParameterType.CHOICE).choices("customers", "orders", "revenue")
					.defaultValue("customers").label("Metric", "指标")
					.description("What each cell shows: customers (% of the cohort who bought), orders or revenue "
							+ "per cohort customer", "每格显示：customers（购买客户占同期群比例）、每位客户的订单数或收入")
					.build(),
			ParameterSpec.builder(FROM, ParameterType.DATE).label("From", "起始日期")
					.description("Cohorts of customers whose first paid order is on or after this day",
							"首次付款订单在此日及之后的客户")
					.build(),
			ParameterSpec.builder(TO, ParameterType.DATE).label("To", "截止日期")
					.description("Cohorts of customers whose first paid order is before this day; "
							+ "orders from this day on do not count unless asOf says otherwise",
							"首次付款订单在此日之前的客户；除非另给 asOf，此日及之后的订单不计")
					.build(),
			ParameterSpec.builder(AS_OF, ParameterType.DATE).label("As of", "截至日期")
					.description("Only orders before this day count (default: 'to', else the day after the last fact)",
							"只计此日之前的订单（默认：to，否则为最后一条数据的次日）")
					.build(),
			ParameterSpec.builder(BREAKDOWN, ParameterType.STRING).label("Breakdown", "细分")
					.description("channel (of the first paid order), a customer attribute (province, attribute:NAME), "
							+ "or a strategy or model id (tier, segment, stage, strategy:ID, model:ID)",
							"channel（首单渠道）、客户属性（province、attribute:名称）或策略/模型 id（tier、segment、stage）")
					.build(),
			ParameterSpec.builder(BREAKDOWN_PARAMETERS, ParameterType.STRING).label("Breakdown parameter", "细分参数")
					.description("breakdown.levels=…: a parameter of the breakdown's strategy or model",
							"breakdown.levels=…：细分所用策略或模型的参数")
					.build(),
			ParameterSpec.builder(MAX_PERIODS, ParameterType.INTEGER).defaultValue(Integer.toString(DEFAULT_MAX_PERIODS))
					.min(1).max(1000).label("Periods", "期数")
					.description("At most this many periods after the first", "首期之后最多显示的期数")
					.build());

	@Reference
	private Analyses analyses;

	@Override
	public List<ParameterSpec> parameters() {
		return PARAMETERS;
	}

	@Override
	public CohortResult run(CustomerDataset data, Map<String, String> raw, ProgressMonitor monitor) {
		ProgressMonitor pm = monitor == null ? ProgressMonitor.NULL : monitor;
		Parameters params = Parameters.resolve(PARAMETERS, raw);
		boolean weeks = BY_WEEK.equals(params.string(BY));
		String metric = params.string(METRIC);
		int maxPeriods = params.intValue(MAX_PERIODS);
		LocalDate from = params.has(FROM) ? params.date(FROM) : null;
		LocalDate to = params.has(TO) ? params.date(TO) : null;
		if (from != null && to != null && !from.isBefore(to)) {
			throw new AnalysisInputException("the end date " + to + " is not after the start date " + from);
		}
		LocalDate asOf = params.has(AS_OF) ? params.date(AS_OF) : to != null ? to : FunnelService.dayAfterLastFact(data);
		int asOfDay = CustomerDataset.epochDay(asOf);
		int fromDay = from == null ? Integer.MIN_VALUE : CustomerDataset.epochDay(from);
		int toDay = Math.min(asOfDay, to == null ? Integer.MAX_VALUE : CustomerDataset.epochDay(to));

		int customers = data.customerCount();
		int[] offsets = data.orderOffsets();
		int[] day = data.orderDay();
		byte[] status = data.orderStatus();
		long[] amount = data.orderAmount();
		// the dataset's purchase rule: only paid orders count
		byte paid = OrderStatus.PAID.code();

		pm.begin("Cohorts", 2L * customers);
		int[] first = new int[customers];
		int minUnit = Integer.MAX_VALUE;
		int maxCohortUnit = Integer.MIN_VALUE;
		for (int c = 0; c < customers; c++) {
			if ((c & 0xFFFF) == 0 && c > 0) {
				pm.checkCanceled();
				pm.worked(0x10000);
			}
			first[c] = -1;
			for (int i = offsets[c], e = offsets[c + 1]; i < e; i++) {
				int d = day[i];
				if (d >= asOfDay) {
					break;
				}
				if (status[i] == paid) {
					if (d >= fromDay && d < toDay) {
						first[c] = i;
						int u = unit(d, weeks);
						minUnit = Math.min(minUnit, u);
						maxCohortUnit = Math.max(maxCohortUnit, u);
					}
					break;
				}
			}
		}

		// the breakdown is resolved before the long pass: a bad attribute or analysis fails first
		String breakdownBy = null;
		List<String> groupNames = List.of();
		boolean labelOrder = false;
		int[] gOffsets = null;
		int[] gIds = null;
		if (params.has(BREAKDOWN)) {
			String spec = params.string(BREAKDOWN).trim();
			if (spec.equals(CHANNEL)) {
				DictionaryColumn channel = data.orderChannel();
				List<String> names = new ArrayList<>(channel == null ? List.of() : channel.dictionary());
				names.add(Grouping.NONE);
				gOffsets = new int[customers + 1];
				gIds = new int[customers];
				int k = 0;
				for (int c = 0; c < customers; c++) {
					int code = first[c] < 0 || channel == null ? -1 : channel.code(first[c]);
					if (code >= 0) {
						gIds[k++] = code;
					}
					gOffsets[c + 1] = k;
				}
				breakdownBy = CHANNEL;
				groupNames = names;
			} else {
				Grouping grouping = Grouping.resolve(BREAKDOWN, spec, false, params.family("breakdown"), data, asOf,
						analyses, pm);
				breakdownBy = grouping.by;
				groupNames = grouping.names;
				labelOrder = grouping.labelOrder;
				gOffsets = grouping.offsets;
				gIds = grouping.ids;
			}
		}

		List<Cohort> all = List.of();
		List<Group> groups = List.of();
		if (minUnit != Integer.MAX_VALUE) {
			int lastUnit = unit(asOfDay - 1, weeks);
			int cohorts = maxCohortUnit - minUnit + 1;
			int width = Math.min(lastUnit - minUnit, maxPeriods) + 1;
			// slot 0: everybody; slot 1 + g: breakdown group g (its last group is "(none)")
			int slots = 1 + groupNames.size();
			int none = groupNames.size() - 1;
			Cells cells = new Cells(slots, cohorts, width);
			int[] one = { 0 };
			int[] mine = new int[slots];
			for (int c = 0; c < customers; c++) {
				if ((c & 0xFFFF) == 0 && c > 0) {
					pm.checkCanceled();
					pm.worked(0x10000);
				}
				int f = first[c];
				if (f < 0) {
					continue;
				}
				int[] mySlots = one;
				int n = 1;
				if (gOffsets != null) {
					mySlots = mine;
					mine[0] = 0;
					int s = gOffsets[c];
					int e = gOffsets[c + 1];
					if (s == e) {
						mine[n++] = 1 + none;
					}
					for (int j = s; j < e; j++) {
						mine[n++] = 1 + gIds[j];
					}
				}
				int u0 = unit(day[f], weeks);
				int base = (u0 - minUnit) * width;
				for (int k = 0; k < n; k++) {
					cells.size[mySlots[k] * cohorts + (u0 - minUnit)]++;
				}
				int lastPeriod = -1;
				for (int i = f, e = offsets[c + 1]; i < e; i++) {
					int d = day[i];
					if (d >= asOfDay) {
						break;
					}
					if (status[i] != paid) {
						continue;
					}
					int p = unit(d, weeks) - u0;
					if (p >= width) {
						break;
					}
					boolean newPeriod = p != lastPeriod;
					lastPeriod = p;
					for (int k = 0; k < n; k++) {
						int cell = mySlots[k] * cohorts * width + base + p;
						cells.orders[cell]++;
						cells.cents[cell] += amount[i];
						if (newPeriod) {
							cells.customers[cell]++;
						}
					}
				}
			}
			all = cohorts(cells, 0, minUnit, lastUnit, width, weeks, metric);
			if (gOffsets != null) {
				groups = groups(cells, groupNames, labelOrder, minUnit, lastUnit, width, weeks, metric);
			}
		}
		pm.done();
		return new CohortResult(weeks ? BY_WEEK : BY_MONTH, metric, asOf, all, breakdownBy, groups, params.asText());
	}

	/** The figures of every slot, cohort and period, laid out [slot][cohort][period]. */
	private static final class Cells {
		final int cohorts;
		final long[] size;
		final long[] customers;
		final long[] orders;
		final long[] cents;

		Cells(int slots, int cohorts, int width) {
			this.cohorts = cohorts;
			size = new long[slots * cohorts];
			customers = new long[slots * cohorts * width];
			orders = new long[customers.length];
			cents = new long[customers.length];
		}

		long slotSize(int slot) {
			long n = 0;
			for (int k = 0; k < cohorts; k++) {
				n += size[slot * cohorts + k];
			}
			return n;
		}
	}

	private static List<Group> groups(Cells cells, List<String> names, boolean labelOrder, int minUnit, int lastUnit,
			int width, boolean weeks, String metric) {
		int none = names.size() - 1;
		List<Integer> order = new ArrayList<>();
		for (int g = 0; g < none; g++) {
			if (cells.slotSize(1 + g) > 0) {
				order.add(g);
			}
		}
		if (!labelOrder) {
			order.sort(Comparator.<Integer>comparingLong(g -> -cells.slotSize(1 + g)).thenComparing(names::get));
		}
		if (cells.slotSize(1 + none) > 0) {
			order.add(none);
		}
		List<Group> groups = new ArrayList<>();
		for (int g : order) {
			groups.add(new Group(names.get(g), cohorts(cells, 1 + g, minUnit, lastUnit, width, weeks, metric)));
		}
		return groups;
	}

	private static List<Cohort> cohorts(Cells cells, int slot, int minUnit, int lastUnit, int width, boolean weeks,
			String metric) {
		List<Cohort> list = new ArrayList<>();
		for (int k = 0; k < cells.cohorts; k++) {
			long size = cells.size[slot * cells.cohorts + k];
			if (size == 0) {
				continue;
			}
			int u = minUnit + k;
			int periods = Math.min(lastUnit - u + 1, width);
			List<Period> row = new ArrayList<>(periods);
			long cumulative = 0;
			int base = (slot * cells.cohorts + k) * width;
			for (int p = 0; p < periods; p++) {
				long customers = cells.customers[base + p];
				long orders = cells.orders[base + p];
				long cents = cells.cents[base + p];
				cumulative += cents;
				BigDecimal pct = Numbers.percent(customers, size);
				BigDecimal value = switch (metric) {
				case "orders" -> BigDecimal.valueOf(orders).divide(BigDecimal.valueOf(size), Numbers.RATIO_SCALE,
						RoundingMode.HALF_UP);
				case "revenue" -> perCustomer(cents, size);
				default -> pct;
				};
				row.add(new Period(p, customers, pct, orders, Numbers.cents(cents), perCustomer(cumulative, size), value));
			}
			list.add(new Cohort(name(u, weeks), LocalDate.ofEpochDay(startDay(u, weeks)), size, row));
		}
		return list;
	}

	private static BigDecimal perCustomer(long cents, long size) {
		return BigDecimal.valueOf(cents, Numbers.MONEY_SCALE).divide(BigDecimal.valueOf(size), Numbers.MONEY_SCALE,
				RoundingMode.HALF_UP);
	}

	/** The month (year × 12 + month − 1) or the Monday-based week of an epoch day. */
	static int unit(int epochDay, boolean weeks) {
		return weeks ? Math.floorDiv(epochDay - 4, 7) : monthIndex(epochDay);
	}

	/** The first epoch day of a month or week number. */
	static long startDay(int unit, boolean weeks) {
		if (weeks) {
			return unit * 7L + 4;
		}
		return LocalDate.of(Math.floorDiv(unit, 12), Math.floorMod(unit, 12) + 1, 1).toEpochDay();
	}

	/** {@code 2026-03}, or the ISO week {@code 2026-W10}. */
	static String name(int unit, boolean weeks) {
		LocalDate start = LocalDate.ofEpochDay(startDay(unit, weeks));
		if (weeks) {
			return String.format(Locale.ROOT, "%04d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR),
					start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
		}
		return String.format(Locale.ROOT, "%04d-%02d", start.getYear(), start.getMonthValue());
	}

	/** year × 12 + month − 1 of an epoch day, by the civil-from-days arithmetic (no LocalDate per order). */
	static int monthIndex(int epochDay) {
		long z = epochDay + 719_468L;
		long era = Math.floorDiv(z, 146_097);
		long doe = z - era * 146_097;
		long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
		long y = yoe + era * 400;
		long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
		long mp = (5 * doy + 2) / 153;
		long m = mp < 10 ? mp + 3 : mp - 9;
		if (m <= 2) {
			y++;
		}
		return (int) (y * 12 + m - 1);
	}
}
