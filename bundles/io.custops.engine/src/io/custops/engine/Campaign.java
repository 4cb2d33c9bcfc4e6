package io.custops.engine;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A marketing campaign as the ROI analysis reads it: its attribution window [start, end]
 * (local days, both inclusive), its cost in the shop's currency, the gross margin as a ratio
 * (0.30 = 30 % of revenue is profit), and its members as customer indexes of the dataset it is
 * measured on. The arrays are kept, not copied; an empty or null control means no control group.
 *
 * @throws AnalysisInputException for an end before the start, no treatment members, a negative
 *                                cost or margin; the message names the campaign
 */
public record Campaign(String id, String name, LocalDate start, LocalDate end, BigDecimal cost, BigDecimal margin,
		int[] treatment, int[] control) {

	public Campaign {
		if (id == null || id.isBlank()) {
			throw new AnalysisInputException("a campaign needs an id");
		}
		String what = "campaign '" + id + "'";
		if (start == null || end == null) {
			throw new AnalysisInputException(what + " needs a start and an end date");
		}
		if (end.isBefore(start)) {
			throw new AnalysisInputException(what + ": the end " + end + " is before the start " + start);
		}
		if (cost == null || cost.signum() < 0) {
			throw new AnalysisInputException(what + ": the cost " + cost + " is not an amount of zero or more");
		}
		if (margin == null || margin.signum() < 0) {
			throw new AnalysisInputException(what + ": the margin " + margin + " is not a ratio of zero or more");
		}
		if (treatment == null || treatment.length == 0) {
			throw new AnalysisInputException(what + " has no members in its treatment group");
		}
		if (control == null) {
			control = new int[0];
		}
		if (name == null) {
			name = id;
		}
	}

	public boolean hasControl() {
		return control.length > 0;
	}
}
