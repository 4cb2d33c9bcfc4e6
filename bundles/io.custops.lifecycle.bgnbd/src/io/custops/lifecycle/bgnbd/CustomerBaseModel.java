package io.custops.lifecycle.bgnbd;

import java.util.Map;

/**
 * A fitted model of repeat buying and silent dropout in a non-contractual setting (BG/NBD,
 * Pareto/NBD). Times are in weeks; a customer is described by x repeat purchases, t_x (weeks
 * from the first to the last purchase) and T (weeks from the first purchase to the end of
 * calibration).
 */
public interface CustomerBaseModel {

	/** The model's parameters by their names in the literature, in the usual order. */
	Map<String, Double> parameters();

	/** The log-likelihood of one customer's (x, t_x, T). */
	double logLikelihood(int x, double tx, double age);

	/** The probability that a customer with this history is still alive at T. */
	double probabilityAlive(int x, double tx, double age);

	/**
	 * Expected purchases in the {@code weeks} after T for a customer with this history:
	 * {@link #expectedPurchasesIfAlive} × {@link #probabilityAlive}.
	 */
	default double expectedPurchases(double weeks, int x, double tx, double age) {
		return expectedPurchasesIfAlive(weeks, x, age) * probabilityAlive(x, tx, age);
	}

	/**
	 * Expected purchases in the {@code weeks} after T of a customer with x repeat purchases who
	 * is alive at T; it does not depend on t_x.
	 */
	double expectedPurchasesIfAlive(double weeks, int x, double age);

	/**
	 * Σ over weeks w = 1 … {@code weeks} of the purchases expected in week w after T of a customer
	 * alive at T, each discounted by (1 + annual rate)^(−w/52): the discounted purchase count a
	 * customer lifetime value multiplies by the expected spend, the margin and P(alive).
	 */
	default double discountedPurchasesIfAlive(int weeks, double annualDiscountRate, int x, double age) {
		double sum = 0;
		double previous = 0;
		double logFactor = -Math.log1p(annualDiscountRate) / 52;
		for (int w = 1; w <= weeks; w++) {
			double cumulative = expectedPurchasesIfAlive(w, x, age);
			sum += (cumulative - previous) * Math.exp(logFactor * w);
			previous = cumulative;
		}
		return sum;
	}

	/** Expected purchases in the first {@code weeks} of a customer just acquired (E[X(t)]). */
	double expectedPurchasesNewCustomer(double weeks);

	/** The log-likelihood of all customers of a summary. */
	double logLikelihood(PurchaseSummary data);
}
