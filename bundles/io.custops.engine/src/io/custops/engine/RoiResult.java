package io.custops.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of {@link CampaignRoi}. Money has two decimals; ROI, response rates and uplift are
 * ratios with four decimals (−0.2500 = −25 %). Without a control group the figures are gross:
 * {@code incremental} is false, {@link Figures#incrementalRevenue()} is the treatment revenue,
 * and the control figures are {@code null}.
 */
public record RoiResult(String campaign, String name, LocalDate start, LocalDate end, BigDecimal margin,
		Figures total, String breakdownBy, List<Segment> segments, Map<String, String> parameters) {

	public RoiResult {
		segments = segments == null ? List.of() : List.copyOf(segments);
		parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
	}

	/** The figures of a campaign or of one segment of it. */
	public record Figures(boolean incremental, long treatmentSize, long controlSize, long treatmentResponders,
			long controlResponders, BigDecimal treatmentRevenue, BigDecimal controlRevenue,
			BigDecimal treatmentRevenuePerMember, BigDecimal controlRevenuePerMember, BigDecimal incrementalRevenue,
			BigDecimal incrementalProfit, BigDecimal cost, BigDecimal netReturn, BigDecimal roi,
			BigDecimal treatmentResponseRate, BigDecimal controlResponseRate, BigDecimal uplift,
			BigDecimal relativeUplift, RoiStatistics.Result statistics) {

		/** Figures without their uncertainty. */
		public Figures(boolean incremental, long treatmentSize, long controlSize, long treatmentResponders,
				long controlResponders, BigDecimal treatmentRevenue, BigDecimal controlRevenue,
				BigDecimal treatmentRevenuePerMember, BigDecimal controlRevenuePerMember, BigDecimal incrementalRevenue,
				BigDecimal incrementalProfit, BigDecimal cost, BigDecimal netReturn, BigDecimal roi,
				BigDecimal treatmentResponseRate, BigDecimal controlResponseRate, BigDecimal uplift,
				BigDecimal relativeUplift) {
			this(incremental, treatmentSize, controlSize, treatmentResponders, controlResponders, treatmentRevenue,
					controlRevenue, treatmentRevenuePerMember, controlRevenuePerMember, incrementalRevenue,
					incrementalProfit, cost, netReturn, roi, treatmentResponseRate, controlResponseRate, uplift,
					relativeUplift, null);
		}

		/** Whether the figures cannot be told from noise ("too few customers to tell"). */
		public boolean tooFewToTell() {
			return statistics != null && statistics.tooFewToTell();
		}

		/** The warnings of {@link #statistics()}, empty without it. */
		public List<String> warnings() {
			return statistics == null ? List.of() : statistics.warnings();
		}

		/** The keys of the {@code roi --json} summary: treatment_revenue, control_revenue, incremental_revenue, cost, roi, … */
		public Map<String, Object> toJson() {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("treatment_revenue", treatmentRevenue);
			json.put("control_revenue", controlRevenue);
			json.put("incremental_revenue", incrementalRevenue);
			json.put("cost", cost);
			json.put("roi", roi);
			json.put("has_control", controlSize > 0);
			json.put("incremental", incremental);
			json.put("treatment_size", treatmentSize);
			json.put("control_size", controlSize);
			json.put("treatment_responders", treatmentResponders);
			json.put("control_responders", controlResponders);
			json.put("treatment_response_rate", treatmentResponseRate);
			json.put("control_response_rate", controlResponseRate);
			json.put("uplift", uplift);
			json.put("relative_uplift", relativeUplift);
			json.put("treatment_revenue_per_member", treatmentRevenuePerMember);
			json.put("control_revenue_per_member", controlRevenuePerMember);
			json.put("incremental_profit", incrementalProfit);
			json.put("net_return", netReturn);
			if (statistics != null) {
				json.putAll(statistics.toJson());
			}
			return json;
		}
	}

	/** The figures of the members who were in one segment at the start; the cost is shared by treatment size. */
	public record Segment(String segment, Figures figures) {
		public Map<String, Object> toJson() {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("segment", segment);
			json.putAll(figures.toJson());
			return json;
		}
	}

	/** Whether the figures are gross because the campaign has no control group. */
	public boolean gross() {
		return !total.incremental();
	}

	/** The summary of {@code ./custops roi --json}. */
	public Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("campaign", campaign);
		json.put("name", name);
		json.put("window_start", start.toString());
		json.put("window_end", end.toString());
		json.put("margin", margin);
		json.putAll(total.toJson());
		if (gross()) {
			json.put("note", "no control group: revenue and ROI are gross, not incremental");
		}
		if (breakdownBy != null) {
			Map<String, Object> breakdown = new LinkedHashMap<>();
			breakdown.put("by", breakdownBy);
			breakdown.put("as_of", start.toString());
			breakdown.put("segments", segments.stream().map(Segment::toJson).toList());
			json.put("by_segment", breakdown);
		}
		json.put("params", new LinkedHashMap<>(parameters));
		return json;
	}
}
