package io.custops.engine.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.IntUnaryOperator;

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
import io.custops.engine.AnalysisInputException;
import io.custops.engine.Analyses;
import io.custops.engine.OverviewAnalysis;
import io.custops.engine.OverviewResult;
import io.custops.engine.OverviewResult.Count;
import io.custops.engine.OverviewResult.Figures;

/**
 * One pass over the orders (per customer, in time order) per span set: the periods with the
 * periods before and a year before them, the whole range, and the peak days. A customer counts
 * once per span because its orders come in time order.
 */
@Component(service = OverviewAnalysis.class)
public class OverviewService implements OverviewAnalysis {

	static final String STAGES = "stages";
	static final String SEGMENTS = "segments";

	private static final List<ParameterSpec> PARAMETERS = List.of(
			ParameterSpec.builder(FROM, ParameterType.DATE).label("From", "起始日期")
					.description("Orders on or after this day (default: a year before 'to')", "此日及之后的订单（默认：to 前一年）")
					.build(),
			ParameterSpec.builder(TO, ParameterType.DATE).label("To", "截止日期")
					.description("Orders before this day (default: the day after the last fact)", "此日之前的订单（默认：最后一条数据的次日）")
					.build(),
			ParameterSpec.builder(PERIOD, ParameterType.CHOICE).choices("day", "week", "month").defaultValue("month")
					.label("Period", "周期").description("Figures per day, ISO week or month", "按日、周或月统计").build(),
			ParameterSpec.builder(TOP, ParameterType.INTEGER).defaultValue("5").min(1).max(100).label("Top segments", "客群数")
					.description("How many of the largest segments are listed", "列出最大的几个客群").build(),
			ParameterSpec.builder(STAGES, ParameterType.STRING).defaultValue("stages").label("Stage model", "阶段模型")
					.description("The lifecycle model whose stages are counted", "统计其阶段的生命周期模型").build(),
			ParameterSpec.builder(SEGMENTS, ParameterType.STRING).defaultValue("rfm").label("Segmentation", "分群策略")
					.description("The strategy whose largest segments are listed", "列出其最大客群的分群策略").build());

	@Reference
	private Analyses analyses;

	@Override
	public List<ParameterSpec> parameters() {
		return PARAMETERS;
	}

	@Override
	public OverviewResult run(CustomerDataset data, Map<String, String> raw, ProgressMonitor monitor) {
		ProgressMonitor pm = monitor == null ? ProgressMonitor.NULL : monitor;
		Parameters params = Parameters.resolve(PARAMETERS, raw);
		LocalDate to = params.has(TO) ? params.date(TO) : FunnelService.dayAfterLastFact(data);
		LocalDate from = params.has(FROM) ? params.date(FROM) : to.minusYears(1);
		if (!from.isBefore(to)) {
			throw new AnalysisInputException("the end date " + to + " is not after the start date " + from);
		}
		String unit = params.string(PERIOD);
		int fromDay = CustomerDataset.epochDay(from);
		int toDay = CustomerDataset.epochDay(to);

		// periods: those holding a day of [from, to); every figure counts only days before 'to'
		int first = bucket(fromDay, unit);
		int last = bucket(toDay - 1, unit);
		// the spans computed: from a year and a period before the first period
		int lowest = Math.min(bucket(yearAgo(start(first, unit), unit), unit), first) - 1;
		int count = last - lowest + 1;
		int[] firstPaid = firstPaidDays(data, toDay);
		// the first period starts at 'from' (the periods before it, compared with, are whole)
		Acc periods = accumulate(data, toDay, count, firstPaid, d -> {
			int b = bucket(d, unit);
			return b < lowest || (b >= first && d < fromDay) ? -1 : b - lowest;
		}, pm);
		Acc range = accumulate(data, toDay, 1, firstPaid, d -> d >= fromDay && d < toDay ? 0 : -1, pm);

		List<OverviewResult.Period> list = new ArrayList<>();
		for (int b = first; b <= last; b++) {
			int ya = bucket(yearAgo(start(b, unit), unit), unit);
			int startDay = Math.max(start(b, unit), fromDay);
			int endDay = Math.min(start(b + 1, unit), toDay);
			list.add(new OverviewResult.Period(name(b, unit), LocalDate.ofEpochDay(startDay), LocalDate.ofEpochDay(endDay),
					periods.figures(b - lowest), periods.figures(b - 1 - lowest), periods.figures(ya - lowest),
					peak(start(b, unit), start(b + 1, unit))));
		}

		// the peak days inside the range
		List<Integer> peakList = new ArrayList<>();
		for (int year = from.getYear(); year <= to.getYear(); year++) {
			for (LocalDate day : List.of(LocalDate.of(year, 6, 18), LocalDate.of(year, 11, 11))) {
				int d = (int) day.toEpochDay();
				if (d >= fromDay && d < toDay) {
					peakList.add(d);
				}
			}
		}
		int[] peakDays = peakList.stream().mapToInt(Integer::intValue).toArray();
		Acc peakAcc = accumulate(data, toDay, Math.max(1, peakDays.length), firstPaid, d -> {
			for (int k = 0; k < peakDays.length; k++) {
				if (peakDays[k] == d) {
					return k;
				}
			}
			return -1;
		}, pm);
		List<OverviewResult.Peak> peaks = new ArrayList<>();
		for (int i = 0; i < peakDays.length; i++) {
			LocalDate day = LocalDate.ofEpochDay(peakDays[i]);
			peaks.add(new OverviewResult.Peak(day.getMonthValue() == 6 ? "6.18" : "11.11", day, peakAcc.figures(i)));
		}

		String stagesId = params.string(STAGES);
		String segmentsId = params.string(SEGMENTS);
		List<Count> stages = counts(data, stagesId, to, Integer.MAX_VALUE, false, pm);
		List<Count> segments = counts(data, segmentsId, to, params.intValue(TOP), true, pm);
		return new OverviewResult(unit, from, to, range.figures(0), list, peaks, stages == null ? null : stagesId, stages,
				segments == null ? null : segmentsId, segments, params.asText());
	}

	/** The labels' customers of an installed analysis as of a day; null when none has that id. */
	private List<Count> counts(CustomerDataset data, String id, LocalDate asOf, int top, boolean bySize, ProgressMonitor pm) {
		CustomerAnalysis analysis;
		try {
			analysis = analyses.find(id);
		} catch (NoSuchElementException e) {
			return null;
		}
		CustomerClassification result = analyses.run(analysis, data, asOf, analyses.resolve(analysis, Map.of()), pm);
		List<Label> labels = result.labels();
		long[] n = new long[labels.size()];
		for (int c = 0; c < result.customerCount(); c++) {
			if (result.isMultiLabel()) {
				for (int l : result.labelIndexesOf(c)) {
					n[l]++;
				}
			} else {
				int l = result.labelIndexes()[c];
				if (l >= 0) {
					n[l]++;
				}
			}
		}
		List<Count> counts = new ArrayList<>();
		for (int i = 0; i < labels.size(); i++) {
			counts.add(new Count(labels.get(i).id(), n[i]));
		}
		if (bySize) {
			counts.sort(Comparator.comparingLong(Count::customers).reversed());
		}
		return counts.subList(0, Math.min(top, counts.size()));
	}

	/** The first paid day of each customer before 'to', or Integer.MAX_VALUE. */
	private static int[] firstPaidDays(CustomerDataset data, int toDay) {
		int customers = data.customerCount();
		int[] offsets = data.orderOffsets();
		int[] day = data.orderDay();
		byte[] status = data.orderStatus();
		// the dataset's purchase rule: only paid orders count
		byte paid = OrderStatus.PAID.code();
		int[] first = new int[customers];
		for (int c = 0; c < customers; c++) {
			first[c] = Integer.MAX_VALUE;
			for (int i = offsets[c], e = offsets[c + 1]; i < e && day[i] < toDay; i++) {
				if (status[i] == paid) {
					first[c] = day[i];
					break;
				}
			}
		}
		return first;
	}

	/** Per span: GMV, orders, buyers, buyers with two or more orders, new buyers and their revenue. */
	private static final class Acc {
		final long[] cents;
		final long[] orders;
		final long[] buyers;
		final long[] repeat;
		final long[] newBuyers;
		final long[] newCents;

		Acc(int n) {
			cents = new long[n];
			orders = new long[n];
			buyers = new long[n];
			repeat = new long[n];
			newBuyers = new long[n];
			newCents = new long[n];
		}

		Figures figures(int i) {
			if (i < 0 || i >= cents.length) {
				return new Figures(Numbers.cents(0), 0, 0, null, null, 0, 0, Numbers.cents(0), Numbers.cents(0));
			}
			BigDecimal gmv = Numbers.cents(cents[i]);
			BigDecimal aov = orders[i] == 0 ? null
					: gmv.divide(BigDecimal.valueOf(orders[i]), Numbers.MONEY_SCALE, RoundingMode.HALF_UP);
			return new Figures(gmv, orders[i], buyers[i], aov, Numbers.ratio(repeat[i], buyers[i]), newBuyers[i],
					buyers[i] - newBuyers[i], Numbers.cents(newCents[i]), Numbers.cents(cents[i] - newCents[i]));
		}
	}

	private static Acc accumulate(CustomerDataset data, int toDay, int spans, int[] firstPaid, IntUnaryOperator spanOf,
			ProgressMonitor pm) {
		Acc acc = new Acc(spans);
		int customers = data.customerCount();
		int[] offsets = data.orderOffsets();
		int[] day = data.orderDay();
		byte[] status = data.orderStatus();
		long[] amount = data.orderAmount();
		byte paid = OrderStatus.PAID.code();
		for (int c = 0; c < customers; c++) {
			if ((c & 0xFFFF) == 0 && c > 0) {
				pm.checkCanceled();
			}
			if (firstPaid[c] == Integer.MAX_VALUE) {
				continue;
			}
			int newSpan = spanOf.applyAsInt(firstPaid[c]);
			int span = -1;
			int inSpan = 0;
			for (int i = offsets[c], e = offsets[c + 1]; i < e; i++) {
				int d = day[i];
				if (d >= toDay) {
					break;
				}
				if (status[i] != paid) {
					continue;
				}
				int s = spanOf.applyAsInt(d);
				if (s < 0) {
					continue;
				}
				if (s != span) {
					close(acc, span, inSpan, newSpan);
					span = s;
					inSpan = 0;
				}
				inSpan++;
				acc.orders[s]++;
				acc.cents[s] += amount[i];
				if (s == newSpan) {
					acc.newCents[s] += amount[i];
				}
			}
			close(acc, span, inSpan, newSpan);
		}
		return acc;
	}

	private static void close(Acc acc, int span, int orders, int newSpan) {
		if (span < 0) {
			return;
		}
		acc.buyers[span]++;
		if (orders >= 2) {
			acc.repeat[span]++;
		}
		if (span == newSpan) {
			acc.newBuyers[span]++;
		}
	}

	/** "6.18" or "11.11" when [start, end) holds the day, else null. */
	private static String peak(int start, int end) {
		LocalDate s = LocalDate.ofEpochDay(start);
		for (int year = s.getYear(); year <= LocalDate.ofEpochDay(end - 1).getYear(); year++) {
			if (inside(LocalDate.of(year, 6, 18), start, end)) {
				return "6.18";
			}
			if (inside(LocalDate.of(year, 11, 11), start, end)) {
				return "11.11";
			}
		}
		return null;
	}

	private static boolean inside(LocalDate day, int start, int end) {
		long d = day.toEpochDay();
		return d >= start && d < end;
	}

	static int bucket(int day, String unit) {
		return switch (unit) {
		case "day" -> day;
		case "week" -> CohortService.unit(day, true);
		default -> CohortService.unit(day, false);
		};
	}

	static int start(int bucket, String unit) {
		return switch (unit) {
		case "day" -> bucket;
		case "week" -> (int) CohortService.startDay(bucket, true);
		default -> (int) CohortService.startDay(bucket, false);
		};
	}

	/** The first day of the same period a year earlier: the same date (day, month) or the same ISO week number. */
	static int yearAgo(int startDay, String unit) {
		if (unit.equals("week")) {
			// 52 weeks back keeps the weekday; ISO years of 53 weeks shift it by one week at most
			return startDay - 52 * 7;
		}
		return (int) LocalDate.ofEpochDay(startDay).minusYears(1).toEpochDay();
	}

	static String name(int bucket, String unit) {
		return switch (unit) {
		case "day" -> LocalDate.ofEpochDay(bucket).toString();
		case "week" -> CohortService.name(bucket, true);
		default -> CohortService.name(bucket, false);
		};
	}
}
