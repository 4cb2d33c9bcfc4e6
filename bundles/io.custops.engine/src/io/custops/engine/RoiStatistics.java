package io.custops.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.custops.engine.internal.Distributions;

/**
 * The uncertainty of a campaign's figures, from each arm's sufficient statistics only (members,
 * responders, the sum and the sum of squares of each member's revenue), so that a warehouse can
 * compute those and hand them over. Formulas and a worked example: docs/analyses.md, "How
 * sure is the ROI".
 *
 * <ul>
 * <li>response rate of each arm: Wilson score interval;</li>
 * <li>uplift (difference of the rates): Newcombe's hybrid score interval (his method 10),
 * from the two Wilson intervals; its p-value from the pooled two-proportion z test;</li>
 * <li>incremental revenue per member (difference of the arms' mean revenue per member):
 * Welch's t interval with Welch–Satterthwaite degrees of freedom; in total = that × the
 * treatment size; the ROI interval follows, as ROI rises with incremental revenue;</li>
 * <li>{@code p_value}: Welch's two-sided t test of that difference; {@code significant}
 * when it is below α.</li>
 * </ul>
 * The intervals are at the level 1 − α (95 % for the default α = 0.05).
 */
public final class RoiStatistics {

	/** How the incremental revenue interval is computed (said in every output). */
	public static final String METHOD = "welch_t";
	/** The words every warning that the figures cannot be told from noise begins with. */
	public static final String TOO_FEW = "too few customers to tell";
	/** Arms smaller than this cannot tell. */
	public static final int MIN_MEMBERS = 100;
	/** Arms with fewer responders than this cannot tell. */
	public static final int MIN_RESPONDERS = 10;

	private RoiStatistics() {
	}

	/**
	 * One arm: its members, how many bought, and the sum and sum of squares of each member's
	 * revenue in the window (in the shop's currency; members without revenue count as 0).
	 */
	public record Arm(long members, long responders, double revenue, double revenueSquares) {
	}

	/** A closed interval {@code [low, high]}. */
	public record Interval(BigDecimal low, BigDecimal high) {
		public List<BigDecimal> toJson() {
			return Arrays.asList(low, high);
		}

		/** Whether zero lies in the interval: the sign of the effect is not known. */
		public boolean spansZero() {
			return low.signum() <= 0 && high.signum() >= 0;
		}

		@Override
		public String toString() {
			return "[" + low.toPlainString() + ", " + high.toPlainString() + "]";
		}
	}

	/**
	 * The intervals and tests of one campaign or one segment of it; an interval is {@code null}
	 * where it cannot be computed (no control group, an arm of one member, no cost for ROI).
	 */
	public record Result(BigDecimal confidence, BigDecimal alpha, Interval treatmentRate, Interval controlRate,
			Interval uplift, Interval incrementalRevenuePerMember, Interval incrementalRevenue, Interval roi,
			BigDecimal pValue, BigDecimal upliftPValue, Boolean significant, String method, List<String> warnings) {

		public Result {
			warnings = List.copyOf(warnings);
		}

		/** Whether any warning says the figures cannot be told from noise. */
		public boolean tooFewToTell() {
			return warnings.stream().anyMatch(w -> w.startsWith(TOO_FEW));
		}

		/** The keys added to each {@code roi --json} figures object. */
		public Map<String, Object> toJson() {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("confidence", confidence);
			json.put("treatment_response_rate_ci", ci(treatmentRate));
			json.put("control_response_rate_ci", ci(controlRate));
			json.put("uplift_ci", ci(uplift));
			json.put("incremental_revenue_per_member_ci", ci(incrementalRevenuePerMember));
			json.put("incremental_revenue_ci", ci(incrementalRevenue));
			json.put("roi_ci", ci(roi));
			json.put("p_value", pValue);
			json.put("uplift_p_value", upliftPValue);
			json.put("significant", significant);
			json.put("alpha", alpha);
			json.put("interval_method", method);
			json.put("warnings", warnings);
			return json;
		}

		private static List<BigDecimal> ci(Interval interval) {
			return interval == null ? null : interval.toJson();
		}
	}

	/**
	 * @param control {@code null} or without members: no control group, only the treatment's
	 *                response rate has an interval
	 * @param alpha   the significance level, in (0, 1)
	 */
	public static Result of(Arm treatment, Arm control, BigDecimal cost, BigDecimal margin, double alpha) {
		if (!(alpha > 0 && alpha < 1)) {
			throw new IllegalArgumentException("alpha " + alpha + " is not in (0, 1)");
		}
		double z = Distributions.normalQuantile(1 - alpha / 2);
		List<String> warnings = new ArrayList<>();
		String level = BigDecimal.valueOf(100 * (1 - alpha)).stripTrailingZeros().toPlainString() + " %";
		double[] t = wilson(treatment.responders(), treatment.members(), z);
		Interval tRate = t == null ? null : interval(t[0], t[1], 4);
		boolean hasControl = control != null && control.members() > 0;
		if (!hasControl) {
			warnings.add("no control group: the figures are gross; what the members would have bought anyway "
					+ "cannot be told apart");
			arm(warnings, "treatment", treatment);
			return new Result(BigDecimal.valueOf(1 - alpha), BigDecimal.valueOf(alpha), tRate, null, null, null, null,
					null, null, null, null, METHOD, warnings);
		}
		arm(warnings, "treatment", treatment);
		arm(warnings, "control", control);
		double[] c = wilson(control.responders(), control.members(), z);
		Interval cRate = interval(c[0], c[1], 4);

		// Newcombe (1998), method 10: the difference's interval from the two Wilson intervals
		double p1 = (double) treatment.responders() / treatment.members();
		double p2 = (double) control.responders() / control.members();
		double d = p1 - p2;
		double lower = d - Math.sqrt(sq(p1 - t[0]) + sq(c[1] - p2));
		double upper = d + Math.sqrt(sq(t[1] - p1) + sq(p2 - c[0]));
		Interval uplift = interval(lower, upper, 4);
		double pooled = (double) (treatment.responders() + control.responders())
				/ (treatment.members() + control.members());
		double seZ = Math.sqrt(pooled * (1 - pooled) * (1.0 / treatment.members() + 1.0 / control.members()));
		Double upliftP = seZ == 0 ? (d == 0 ? 1.0 : null) : 2 * (1 - Distributions.normalCdf(Math.abs(d) / seZ));

		// Welch: the difference of the mean revenue per member
		Interval perMember = null;
		Interval total = null;
		Interval roi = null;
		Double p = null;
		if (treatment.members() >= 2 && control.members() >= 2) {
			double mT = treatment.revenue() / treatment.members();
			double mC = control.revenue() / control.members();
			double vT = variance(treatment);
			double vC = variance(control);
			double aT = vT / treatment.members();
			double aC = vC / control.members();
			double se = Math.sqrt(aT + aC);
			double diff = mT - mC;
			double low;
			double high;
			if (se == 0) {
				low = diff;
				high = diff;
				p = diff == 0 ? 1.0 : 0.0;
			} else {
				double df = sq(aT + aC) / (sq(aT) / (treatment.members() - 1) + sq(aC) / (control.members() - 1));
				double q = Distributions.studentQuantile(1 - alpha / 2, df);
				low = diff - q * se;
				high = diff + q * se;
				p = Distributions.studentTwoSided(diff / se, df);
			}
			perMember = interval(low, high, 2);
			double n = treatment.members();
			total = interval(low * n, high * n, 2);
			if (cost.signum() != 0) {
				double k = cost.doubleValue();
				double m = margin.doubleValue();
				roi = interval((low * n * m - k) / k, (high * n * m - k) / k, 4);
			}
			if (total.spansZero()) {
				warnings.add(TOO_FEW + ": the " + level + " interval of incremental revenue, " + total
						+ ", includes zero");
			}
		}
		if (uplift.spansZero()) {
			warnings.add(TOO_FEW + ": the " + level + " interval of the uplift in response rate, " + uplift
					+ ", includes zero");
		}
		BigDecimal pValue = p == null ? null : BigDecimal.valueOf(p).setScale(6, RoundingMode.HALF_UP);
		return new Result(BigDecimal.valueOf(1 - alpha), BigDecimal.valueOf(alpha), tRate, cRate, uplift, perMember,
				total, roi, pValue, upliftP == null ? null : BigDecimal.valueOf(upliftP).setScale(6, RoundingMode.HALF_UP),
				p == null ? null : p < alpha, METHOD, warnings);
	}

	private static void arm(List<String> warnings, String name, Arm arm) {
		if (arm.members() < MIN_MEMBERS) {
			warnings.add(TOO_FEW + ": the " + name + " group has " + arm.members() + " member"
					+ (arm.members() == 1 ? "" : "s") + " (fewer than " + MIN_MEMBERS + ")");
		}
		if (arm.responders() < MIN_RESPONDERS) {
			warnings.add(TOO_FEW + ": the " + name + " group has " + arm.responders() + " responder"
					+ (arm.responders() == 1 ? "" : "s") + " (fewer than " + MIN_RESPONDERS + ")");
		}
	}

	/** The Wilson score interval of {@code x} successes in {@code n}; {@code null} for n = 0. */
	static double[] wilson(long x, long n, double z) {
		if (n == 0) {
			return null;
		}
		double p = (double) x / n;
		double z2 = z * z;
		double denominator = 1 + z2 / n;
		double centre = (p + z2 / (2 * n)) / denominator;
		double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
		return new double[] { Math.max(0, centre - half), Math.min(1, centre + half) };
	}

	/** The sample variance of the members' revenue, from the sum and the sum of squares. */
	private static double variance(Arm arm) {
		double n = arm.members();
		double v = (arm.revenueSquares() - arm.revenue() * arm.revenue() / n) / (n - 1);
		return Math.max(0, v);
	}

	private static double sq(double x) {
		return x * x;
	}

	private static Interval interval(double low, double high, int scale) {
		return new Interval(BigDecimal.valueOf(low).setScale(scale, RoundingMode.HALF_UP),
				BigDecimal.valueOf(high).setScale(scale, RoundingMode.HALF_UP));
	}
}
