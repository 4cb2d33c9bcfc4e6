package io.custops.engine;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of a {@link TierConversion}. Rates are ratios (0.25 = 25 %) with four decimals,
 * {@code null} when nobody was at the level. Label ids are those of the analysis;
 * {@value #NONE} stands for a customer the analysis left unclassified and {@value #ENTRANT}
 * for the origin of the entrants.
 */
public record ConversionResult(String analysis, LocalDate from, LocalDate to, Map<String, String> parameters,
		List<String> levels, long customers, List<Move> matrix, List<Level> perLevel, Totals totals,
		List<Move> entrants, String period, List<Period> series) {

	/** The pseudo-level of customers the analysis did not classify. */
	public static final String NONE = "(none)";

	/** The {@code from} of entrant rows in {@link #rows()}. */
	public static final String ENTRANT = "(entrant)";

	public ConversionResult {
		parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
		levels = List.copyOf(levels);
		matrix = List.copyOf(matrix);
		perLevel = List.copyOf(perLevel);
		entrants = List.copyOf(entrants);
		series = List.copyOf(series);
	}

	/** Customers moving from one level to another (the same level: retained). */
	public record Move(String from, String to, long customers) {
		public Map<String, Object> toJson() {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("from", from);
			json.put("to", to);
			json.put("customers", customers);
			return json;
		}
	}

	/**
	 * The customers at a level at {@code from} and where they were at {@code to};
	 * {@code unclassified} counts those the analysis no longer classified.
	 */
	public record Level(String level, long customers, long retained, long upgraded, long downgraded,
			long unclassified, BigDecimal retentionRate, BigDecimal upgradeRate, BigDecimal downgradeRate) {
		public Map<String, Object> toJson() {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("level", level);
			putCounts(json, customers, retained, upgraded, downgraded, unclassified, retentionRate, upgradeRate,
					downgradeRate);
			return json;
		}
	}

	/** The same figures over all customers classified at {@code from}. */
	public record Totals(long customers, long retained, long upgraded, long downgraded, long unclassified,
			BigDecimal retentionRate, BigDecimal upgradeRate, BigDecimal downgradeRate) {
		public Map<String, Object> toJson() {
			Map<String, Object> json = new LinkedHashMap<>();
			putCounts(json, customers, retained, upgraded, downgraded, unclassified, retentionRate, upgradeRate,
					downgradeRate);
			return json;
		}
	}

	/** One period of the series: the totals between its bounds and the number of entrants. */
	public record Period(LocalDate from, LocalDate to, Totals totals, long entrants) {
		public Map<String, Object> toJson() {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("from", from.toString());
			json.put("to", to.toString());
			json.putAll(totals.toJson());
			json.put("entrants", entrants);
			return json;
		}
	}

	private static void putCounts(Map<String, Object> json, long customers, long retained, long upgraded,
			long downgraded, long unclassified, BigDecimal retentionRate, BigDecimal upgradeRate,
			BigDecimal downgradeRate) {
		json.put("customers", customers);
		json.put("retained", retained);
		json.put("upgraded", upgraded);
		json.put("downgraded", downgraded);
		json.put("unclassified", unclassified);
		json.put("retention_rate", retentionRate);
		json.put("upgrade_rate", upgradeRate);
		json.put("downgrade_rate", downgradeRate);
	}

	/** The matrix and the entrants, as the {@code --out} CSV rows {@code from, to, customers}. */
	public List<Move> rows() {
		List<Move> rows = new ArrayList<>(matrix);
		rows.addAll(entrants);
		return rows;
	}

	/** Writes {@link #rows()} as CSV with the header {@code from,to,customers}; returns the rows written. */
	public long writeCsv(Writer out) throws IOException {
		StringBuilder line = new StringBuilder("from,to,customers\r\n");
		long rows = 0;
		for (Move move : rows()) {
			ClassificationCsv.quote(line, move.from());
			line.append(',');
			ClassificationCsv.quote(line, move.to());
			line.append(',').append(move.customers()).append("\r\n");
			rows++;
		}
		out.write(line.toString());
		out.flush();
		return rows;
	}

	/** The summary the command line prints with {@code --json}. */
	public Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("analysis", analysis);
		json.put("from", from.toString());
		json.put("to", to.toString());
		json.put("params", new LinkedHashMap<>(parameters));
		json.put("levels", levels);
		json.put("customers", customers);
		json.put("totals", totals.toJson());
		json.put("per_level", perLevel.stream().map(Level::toJson).toList());
		json.put("matrix", matrix.stream().map(Move::toJson).toList());
		json.put("entrants", entrants.stream().map(m -> {
			Map<String, Object> e = new LinkedHashMap<>();
			e.put("level", m.to());
			e.put("customers", m.customers());
			return e;
		}).toList());
		if (period != null) {
			json.put("period", period);
			json.put("series", series.stream().map(Period::toJson).toList());
		}
		return json;
	}
}
