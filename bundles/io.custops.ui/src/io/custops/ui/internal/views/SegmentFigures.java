package io.custops.ui.internal.views;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.custops.core.data.CustomerDataset;
import io.custops.core.data.OrderStatus;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.Label;
import io.custops.core.spi.ResultColumn;

/**
 * What the Segments part shows of one run of a strategy, without widgets: per segment its
 * customers, revenue and paid orders, the totals, and the R × F grid (customers and spend per
 * cell). Made from an in-memory classification, or while a source's per-customer rows stream by
 * ({@link #streaming}: a few counters per segment and per grid cell, never a row per customer).
 *
 * <p>Revenue in memory is each customer's paid orders before the as-of day. Inside a source it
 * comes from the result's own {@code monetary} and {@code frequency} columns (RFM's paid spend and
 * paid orders before the as-of day: the same figures); a result without them has no revenue
 * ({@link #hasRevenue()} false) and the part shows "—".
 */
public final class SegmentFigures {

	/** A whole number or cents that is not there. */
	static final long NONE = Long.MIN_VALUE;

	private final List<Label> labels;
	private final long[] customers;
	private final long[] revenue;
	private final long[] orders;
	private long totalRevenue;
	private long classified;
	private long customerCount;
	private boolean hasRevenue;
	private final boolean hasGrid;
	private final boolean hasMonetary;
	/** (r, f) → {customers, spend in cents} */
	private final Map<Long, long[]> cells = new HashMap<>();
	private int maxScore;

	private SegmentFigures(List<Label> labels, boolean hasGrid, boolean hasMonetary) {
		this.labels = List.copyOf(labels);
		customers = new long[labels.size()];
		revenue = new long[labels.size()];
		orders = new long[labels.size()];
		this.hasGrid = hasGrid;
		this.hasMonetary = hasMonetary;
	}

	// ------------------------------------------------------------------ in memory

	/** The figures of an in-memory classification; revenue and orders from the dataset's paid orders before the as-of day. */
	public static SegmentFigures of(CustomerDataset d, CustomerClassification r, int asOfDay) {
		Optional<ResultColumn> rColumn = r.column("r");
		Optional<ResultColumn> fColumn = r.column("f");
		Optional<ResultColumn> monetary = r.column("monetary");
		SegmentFigures figures = new SegmentFigures(r.labels(), rColumn.isPresent() && fColumn.isPresent(), monetary.isPresent());
		figures.hasRevenue = true;
		int[] offsets = d.orderOffsets();
		int[] day = d.orderDay();
		long[] amount = d.orderAmount();
		byte[] status = d.orderStatus();
		byte paid = OrderStatus.PAID.code();
		figures.customerCount = r.customerCount();
		for (int c = 0; c < d.customerCount(); c++) {
			long rev = 0;
			long n = 0;
			for (int i = offsets[c]; i < offsets[c + 1] && day[i] < asOfDay; i++) {
				if (status[i] == paid) {
					rev += amount[i];
					n++;
				}
			}
			figures.totalRevenue += rev;
			int[] indexes = r.labelIndexesOf(c);
			if (indexes.length > 0) {
				figures.classified++;
			}
			for (int l : indexes) {
				figures.customers[l]++;
				figures.revenue[l] += rev;
				figures.orders[l] += n;
			}
			if (figures.hasGrid) {
				figures.cell(whole(rColumn.get().number(c)), whole(fColumn.get().number(c)),
						monetary.isPresent() ? cents(monetary.get().number(c)) : NONE);
			}
		}
		return figures;
	}

	private static long whole(double v) {
		return Double.isNaN(v) ? NONE : (long) v;
	}

	private static long cents(double v) {
		return Double.isNaN(v) ? NONE : Math.round(v * 100);
	}

	// ------------------------------------------------------------------ streamed

	/**
	 * Figures made while a source's rows stream by: call {@link Streaming#row} for each row, then
	 * {@link Streaming#done} with the source's customers.
	 *
	 * @param columns the analysis's column names, in the order of the rows' values
	 */
	public static Streaming streaming(List<Label> labels, List<String> columns) {
		return new Streaming(labels, columns);
	}

	/** Adds rows as they arrive; holds nothing per customer. */
	public static final class Streaming {
		private final SegmentFigures figures;
		private final Map<String, Integer> labelIndex = new HashMap<>();
		private final int r;
		private final int f;
		private final int monetary;
		private final int frequency;

		Streaming(List<Label> labels, List<String> columns) {
			r = columns.indexOf("r");
			f = columns.indexOf("f");
			monetary = columns.indexOf("monetary");
			frequency = columns.indexOf("frequency");
			figures = new SegmentFigures(labels, r >= 0 && f >= 0, monetary >= 0);
			figures.hasRevenue = monetary >= 0 && frequency >= 0;
			for (int i = 0; i < labels.size(); i++) {
				labelIndex.put(labels.get(i).id(), i);
			}
		}

		/** One customer's row: its label id (null: counted, not classified) and the analysis's columns as text. */
		public void row(String label, String[] values) {
			long spend = monetary >= 0 ? parseCents(values[monetary]) : NONE;
			if (figures.hasRevenue && spend != NONE) {
				figures.totalRevenue += spend;
			}
			Integer l = label == null ? null : labelIndex.get(label);
			if (l != null) {
				figures.classified++;
				figures.customers[l]++;
				if (figures.hasRevenue) {
					figures.revenue[l] += spend == NONE ? 0 : spend;
					long n = parseWhole(values[frequency]);
					figures.orders[l] += n == NONE ? 0 : n;
				}
			}
			if (figures.hasGrid) {
				figures.cell(parseWhole(values[r]), parseWhole(values[f]), spend);
			}
		}

		/** The figures, once every row has come; {@code customers}: the source's customers. */
		public SegmentFigures done(long customers) {
			figures.customerCount = customers;
			return figures;
		}
	}

	static long parseWhole(String text) {
		if (text == null || text.isEmpty()) {
			return NONE;
		}
		try {
			return new BigDecimal(text).longValue();
		} catch (NumberFormatException e) {
			return NONE;
		}
	}

	static long parseCents(String text) {
		if (text == null || text.isEmpty()) {
			return NONE;
		}
		try {
			return new BigDecimal(text).movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
		} catch (NumberFormatException | ArithmeticException e) {
			return NONE;
		}
	}

	/** A customer's R and F scores (and spend) in the grid; the same rule in memory and streamed. */
	private void cell(long rv, long fv, long spend) {
		if (rv == NONE || fv == NONE) {
			return;
		}
		maxScore = (int) Math.max(maxScore, Math.max(rv, fv));
		if (rv < 1 || fv < 1) {
			return;
		}
		long[] cell = cells.computeIfAbsent(rv * 1_000_000L + fv, k -> new long[2]);
		cell[0]++;
		if (spend != NONE) {
			cell[1] += spend;
		}
	}

	// ------------------------------------------------------------------ what the part shows

	public List<Label> labels() {
		return labels;
	}

	/** Customers per segment, in the order of {@link #labels()}. */
	public long[] customers() {
		return customers.clone();
	}

	/** Revenue per segment in cents (zeros when {@link #hasRevenue()} is false). */
	public long[] revenue() {
		return revenue.clone();
	}

	/** Paid orders per segment. */
	public long[] orders() {
		return orders.clone();
	}

	public long totalRevenue() {
		return totalRevenue;
	}

	public boolean hasRevenue() {
		return hasRevenue;
	}

	/** Customers with a segment. */
	public long classified() {
		return classified;
	}

	/** Customers of the dataset or the source. */
	public long customerCount() {
		return customerCount;
	}

	/** Whether the result has R and F scores (the part then draws the grid). */
	public boolean hasGrid() {
		return hasGrid;
	}

	public boolean hasMonetary() {
		return hasMonetary;
	}

	/** The highest R or F score seen: the grid is that many cells square (0: no grid). */
	public int gridSize() {
		return maxScore;
	}

	/** Customers in the cell of R score {@code r} and F score {@code f} (1-based). */
	public long cellCustomers(int r, int f) {
		long[] cell = cells.get(r * 1_000_000L + f);
		return cell == null ? 0 : cell[0];
	}

	/** Their spend in cents. */
	public long cellSpend(int r, int f) {
		long[] cell = cells.get(r * 1_000_000L + f);
		return cell == null ? 0 : cell[1];
	}

	/** The segments table's rows: segment, customers, share, revenue, revenue share, AOV, per customer. */
	public List<String[]> rows(java.util.Locale locale) {
		List<String[]> rows = new java.util.ArrayList<>();
		for (int l = 0; l < labels.size(); l++) {
			String name = labels.get(l).text(locale);
			rows.add(new String[] { name, Tables.count(customers[l]),
					Tables.pct(classified == 0 ? Double.NaN : 100.0 * customers[l] / classified),
					hasRevenue ? Tables.money(revenue[l]) : "—",
					!hasRevenue ? "—" : Tables.pct(totalRevenue == 0 ? Double.NaN : 100.0 * revenue[l] / totalRevenue),
					!hasRevenue || orders[l] == 0 ? "—" : Tables.money(Math.round(revenue[l] / (double) orders[l])),
					!hasRevenue || customers[l] == 0 ? "—" : Tables.money(Math.round(revenue[l] / (double) customers[l])) });
		}
		return rows;
	}
}
