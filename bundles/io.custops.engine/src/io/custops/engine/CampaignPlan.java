package io.custops.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

import io.custops.engine.internal.Distributions;

/**
 * How many members a campaign needs to detect an uplift in response rate: the standard
 * two-proportion sample size (Fleiss, without continuity correction), two-sided. Per arm,
 * with equal arms, n = (z₁₋α/₂ √(2 p̄ q̄) + z₁₋β √(p₁q₁ + p₂q₂))² / (p₂ − p₁)², p₂ = p₁ + U,
 * p̄ = (p₁ + p₂) / 2. With a target of N members, the smallest control group c for which arms
 * of c and N − c reach the power: |p₂ − p₁| ≥ z₁₋α/₂ √(p̄ q̄ (1/c + 1/(N−c))) + z₁₋β
 * √(p₁q₁/c + p₂q₂/(N−c)), p̄ the size-weighted mean rate; if even c = N/2 does not, the target
 * is too small, and the uplift it can detect is given.
 */
public record CampaignPlan(BigDecimal baselineRate, BigDecimal uplift, BigDecimal power, BigDecimal alpha,
		long membersPerArm, Long targetMembers, Long controlMembers, BigDecimal controlShare, Boolean detectable,
		BigDecimal minimumDetectableUplift) {

	/**
	 * @param target the target's members, or {@code null}
	 * @throws IllegalArgumentException naming the bad value
	 */
	public static CampaignPlan of(double baselineRate, double uplift, double power, double alpha, Long target) {
		check("baseline rate", baselineRate);
		check("power", power);
		check("alpha", alpha);
		if (!(uplift > 0) || !(baselineRate + uplift < 1)) {
			throw new IllegalArgumentException("the uplift " + uplift + " must be above 0 and the rate with it, "
					+ (baselineRate + uplift) + ", below 1");
		}
		double za = Distributions.normalQuantile(1 - alpha / 2);
		double zb = Distributions.normalQuantile(power);
		double p1 = baselineRate;
		double p2 = baselineRate + uplift;
		double pb = (p1 + p2) / 2;
		double root = za * Math.sqrt(2 * pb * (1 - pb)) + zb * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
		long perArm = (long) Math.ceil(root * root / (uplift * uplift) - 1e-9);
		Long control = null;
		BigDecimal share = null;
		Boolean detectable = null;
		BigDecimal mde = null;
		if (target != null) {
			if (target < 2) {
				throw new IllegalArgumentException("a target of " + target + " members has no room for two groups");
			}
			long half = target / 2;
			detectable = enough(p1, p2, half, target - half, za, zb);
			if (detectable) {
				long lo = 1;
				long hi = half;
				while (lo < hi) {
					long mid = (lo + hi) >>> 1;
					if (enough(p1, p2, mid, target - mid, za, zb)) {
						hi = mid;
					} else {
						lo = mid + 1;
					}
				}
				control = lo;
				share = BigDecimal.valueOf(lo).divide(BigDecimal.valueOf(target), 4, RoundingMode.HALF_UP);
			} else {
				double lo = 0;
				double hi = 1 - p1;
				for (int i = 0; i < 100; i++) {
					double mid = (lo + hi) / 2;
					if (enough(p1, p1 + mid, half, target - half, za, zb)) {
						hi = mid;
					} else {
						lo = mid;
					}
				}
				mde = BigDecimal.valueOf(hi).setScale(4, RoundingMode.UP);
			}
		}
		return new CampaignPlan(BigDecimal.valueOf(baselineRate), BigDecimal.valueOf(uplift), BigDecimal.valueOf(power),
				BigDecimal.valueOf(alpha), perArm, target, control, share, detectable, mde);
	}

	private static boolean enough(double p1, double p2, long nc, long nt, double za, double zb) {
		double pb = (nc * p1 + nt * p2) / (nc + nt);
		double need = za * Math.sqrt(pb * (1 - pb) * (1.0 / nc + 1.0 / nt))
				+ zb * Math.sqrt(p1 * (1 - p1) / nc + p2 * (1 - p2) / nt);
		return Math.abs(p2 - p1) >= need;
	}

	private static void check(String name, double value) {
		if (!(value > 0 && value < 1)) {
			throw new IllegalArgumentException("the " + name + " " + value + " is not between 0 and 1");
		}
	}

	/** What {@code ./custops campaign plan} says in words. */
	public String describe() {
		StringBuilder text = new StringBuilder();
		text.append(String.format("to detect an uplift of %s on a response rate of %s (power %s, alpha %s, two-sided):%n",
				plain(uplift), plain(baselineRate), plain(power), plain(alpha)));
		text.append(String.format("  %d members per arm (%d in all) with equal groups: a control share of 50 %%%n",
				membersPerArm, 2 * membersPerArm));
		if (targetMembers != null) {
			if (detectable) {
				text.append(String.format("  the target of %d members is enough: hold out %d (a control share of %s %%)%n",
						targetMembers, controlMembers, controlShare.movePointRight(2).stripTrailingZeros().toPlainString()));
			} else {
				text.append(String.format("  the target of %d members is too small to detect an uplift of %s: it needs %d;"
						+ " split in half it can detect %s or more%n", targetMembers, plain(uplift), 2 * membersPerArm,
						minimumDetectableUplift.toPlainString()));
			}
		}
		return text.toString();
	}

	public Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("baseline_rate", baselineRate);
		json.put("uplift", uplift);
		json.put("power", power);
		json.put("alpha", alpha);
		json.put("method", "two-proportion z test, two-sided, normal approximation");
		json.put("members_per_arm", membersPerArm);
		json.put("total_members", 2 * membersPerArm);
		json.put("target_members", targetMembers);
		json.put("control_members", controlMembers);
		json.put("control_share", targetMembers == null ? new BigDecimal("0.5000") : controlShare);
		json.put("detectable", detectable);
		json.put("minimum_detectable_uplift", minimumDetectableUplift);
		return json;
	}

	private static String plain(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}
}
