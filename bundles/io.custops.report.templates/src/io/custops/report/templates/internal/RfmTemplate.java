package io.custops.report.templates.internal;

import java.math.BigDecimal;
import java.net.URL;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Component;

import io.custops.core.LocalizedText;
import io.custops.core.param.ParameterSpec;
import io.custops.core.param.ParameterType;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.Label;
import io.custops.core.spi.ReportContext;
import io.custops.core.spi.ReportData;
import io.custops.core.spi.ReportTemplate;
import io.custops.core.spi.ResultColumn;

/**
 * RFM overview: segment sizes and revenue share (chart and table) and the R × F score grid with
 * customers and monetary per cell. Runs the RFM strategy through the analysis runner (columns
 * r, f, monetary; the label is the segment), so it prints the strategy's own figures.
 */
@Component(service = ReportTemplate.class)
public class RfmTemplate implements ReportTemplate {

	static final String STRATEGY = "strategy";
	private static final List<String> PASSED = List.of("scoring", "scoring.r", "scoring.f", "scoring.m",
			"recencyThresholds", "frequencyThresholds", "monetaryThresholds");

	@Override
	public String id() {
		return "rfm";
	}

	@Override
	public LocalizedText name() {
		return LocalizedText.of("RFM overview", "RFM 概览");
	}

	@Override
	public LocalizedText description() {
		return LocalizedText.of("Segment sizes and revenue share, R × F score grid",
				"各分群人数与收入占比、R × F 评分矩阵");
	}

	@Override
	public List<ParameterSpec> parameters() {
		return List.of(Templates.asOfSpec(),
				ParameterSpec.builder(STRATEGY, ParameterType.STRING).defaultValue("rfm")
						.label("Strategy", "分群策略").description("Id of the RFM strategy to run", "要运行的 RFM 策略 id")
						.build(),
				Templates.passThrough("scoring", "Scoring", "评分方式"),
				Templates.passThrough("scoring.r", "Recency scoring", "R 评分方式"),
				Templates.passThrough("scoring.f", "Frequency scoring", "F 评分方式"),
				Templates.passThrough("scoring.m", "Monetary scoring", "M 评分方式"),
				Templates.passThrough("recencyThresholds", "Recency thresholds", "R 阈值"),
				Templates.passThrough("frequencyThresholds", "Frequency thresholds", "F 阈值"),
				Templates.passThrough("monetaryThresholds", "Monetary thresholds", "M 阈值"));
	}

	@Override
	public URL design() {
		return getClass().getResource("/designs/rfm.rptdesign");
	}

	@Override
	public ReportData prepare(ReportContext context) throws Exception {
		Locale locale = context.locale();
		LocalDate asOf = Templates.asOf(context);
		String strategy = context.parameters().string(STRATEGY);
		java.util.Map<String, String> given = Templates.given(context.parameters(), PASSED);
		java.util.Optional<io.custops.engine.sql.SourceAnalyses> source = context
				.input(io.custops.engine.sql.SourceAnalyses.class);
		List<Label> labels;
		long customerCount;
		long[] segmentCustomers;
		long[] segmentCents;
		long[][] gridCustomers = new long[6][6];
		long[][] gridCents = new long[6][6];
		long[] totals = new long[2]; // scored, cents
		if (source.isPresent()) {
			// the rows stream from the source and are only counted here, never held
			try (EngineServices engine = new EngineServices()) {
				io.custops.engine.Analyses analyses = engine.get(io.custops.engine.Analyses.class);
				io.custops.core.spi.CustomerAnalysis analysis = analyses.find(strategy);
				io.custops.core.param.Parameters resolved = analyses.resolve(analysis, given);
				labels = analysis.labels(resolved);
				List<String> columns = analysis.columnNames(resolved);
				int ir = index(columns, strategy, "r");
				int jf = index(columns, strategy, "f");
				int im = index(columns, strategy, "monetary");
				java.util.Map<String, Integer> labelIndex = new java.util.HashMap<>();
				for (int i = 0; i < labels.size(); i++) {
					labelIndex.put(labels.get(i).id(), i);
				}
				long[] sc = segmentCustomers = new long[labels.size()];
				long[] sm = segmentCents = new long[labels.size()];
				customerCount = source.get().classify(strategy, asOf, given, (customer, label, values) -> {
					if (label == null) {
						return; // not scored
					}
					long cents = values[im].isEmpty() ? 0
							: new BigDecimal(values[im]).movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP)
									.longValueExact();
					int l = labelIndex.get(label);
					add(totals, sc, sm, gridCustomers, gridCents, l, cents, score(values[ir]), score(values[jf]));
				});
			}
		} else {
			CustomerClassification result = context.analyses().run(strategy, asOf, given);
			ResultColumn r = Templates.column(result, strategy, "r");
			ResultColumn f = Templates.column(result, strategy, "f");
			ResultColumn monetary = Templates.column(result, strategy, "monetary");
			labels = result.labels();
			customerCount = result.customerCount();
			segmentCustomers = new long[labels.size()];
			segmentCents = new long[labels.size()];
			int[] labelOf = result.labelIndexes();
			for (int c = 0; c < labelOf.length; c++) {
				if (labelOf[c] == CustomerClassification.UNCLASSIFIED) {
					continue; // not scored: no paid order before asOf
				}
				add(totals, segmentCustomers, segmentCents, gridCustomers, gridCents, labelOf[c],
						Templates.cents(monetary, c), score(r, c), score(f, c));
			}
		}
		long scored = totals[0];
		long totalCents = totals[1];

		List<Object[]> segments = new ArrayList<>();
		for (int i = 0; i < labels.size(); i++) {
			segments.add(new Object[] { labels.get(i).text(locale), segmentCustomers[i],
					Templates.share(segmentCustomers[i], scored), Templates.money(segmentCents[i]),
					Templates.share(segmentCents[i], totalCents) });
		}
		List<Object[]> grid = new ArrayList<>();
		for (int rs = 5; rs >= 1; rs--) {
			Object[] row = new Object[11];
			row[0] = "R" + rs;
			for (int fs = 1; fs <= 5; fs++) {
				row[fs] = gridCustomers[rs][fs];
				row[5 + fs] = Templates.money(gridCents[rs][fs]);
			}
			grid.add(row);
		}
		List<String> gridColumns = new ArrayList<>(List.of("r_label"));
		for (int fs = 1; fs <= 5; fs++) {
			gridColumns.add("n" + fs);
		}
		for (int fs = 1; fs <= 5; fs++) {
			gridColumns.add("m" + fs);
		}

		BigDecimal total = Templates.money(totalCents);
		return new ReportData()
				.table("segments", new ReportData.Table(
						List.of("segment", "customers", "share", "monetary", "revenue_share"), segments))
				.table("rfm_grid", new ReportData.Table(gridColumns, grid))
				.value("title", Templates.t(locale, "RFM overview", "RFM 客户价值概览"))
				.value("subtitle", Templates.t(locale,
						"As of " + asOf + " · strategy " + strategy + " · " + Templates.count(locale, scored)
								+ " customers scored of " + Templates.count(locale, customerCount),
						"截至 " + asOf + " · 策略 " + strategy + " · 已评分客户 " + Templates.count(locale, scored) + " / "
								+ Templates.count(locale, customerCount)))
				.value("h_segments", Templates.t(locale, "Segments", "客户分群"))
				.value("h_grid", Templates.t(locale, "R × F score grid", "R × F 评分矩阵"))
				.value("grid_note", Templates.t(locale,
						"Rows: recency score (R5 = most recent); columns: frequency score. Each cell: customers, then their monetary.",
						"行：最近消费评分（R5 为最近）；列：消费频次评分。每格：客户数，其下为消费金额。"))
				.value("col_score", Templates.t(locale, "Score", "评分"))
				.value("col_segment", Templates.t(locale, "Segment", "分群"))
				.value("col_customers", Templates.t(locale, "Customers", "客户数"))
				.value("col_share", Templates.t(locale, "Share", "占比"))
				.value("col_monetary", Templates.t(locale, "Monetary", "消费金额"))
				.value("col_revenue_share", Templates.t(locale, "Revenue share", "收入占比"))
				.value("total_customers", scored)
				.value("total_monetary", total)
				.value("totals", Templates.t(locale,
						"Total: " + Templates.count(locale, scored) + " customers, monetary " + Templates.amount(total),
						"合计：" + Templates.count(locale, scored) + " 位客户，消费金额 " + Templates.amount(total)));
	}

	private static void add(long[] totals, long[] segmentCustomers, long[] segmentCents, long[][] gridCustomers,
			long[][] gridCents, int label, long cents, int rs, int fs) {
		totals[0]++;
		totals[1] += cents;
		segmentCustomers[label]++;
		segmentCents[label] += cents;
		if (rs > 0 && fs > 0) {
			gridCustomers[rs][fs]++;
			gridCents[rs][fs] += cents;
		}
	}

	private static int index(List<String> columns, String analysis, String name) {
		int i = columns.indexOf(name);
		if (i < 0) {
			throw new IllegalStateException("analysis '" + analysis + "' gives no column '" + name + "'; its columns: "
					+ columns);
		}
		return i;
	}

	/** A score 1–5 from its text, or 0 when the customer has none. */
	private static int score(String text) {
		if (text == null || text.isEmpty()) {
			return 0;
		}
		double value = Double.parseDouble(text);
		return value < 1 || value > 5 ? 0 : (int) value;
	}

	/** A score 1–5, or 0 when the customer has none. */
	private static int score(ResultColumn column, int customer) {
		double value = column.number(customer);
		if (Double.isNaN(value) || value < 1 || value > 5) {
			return 0;
		}
		return (int) value;
	}
}
