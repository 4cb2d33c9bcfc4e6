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

	/** Expected purchases in the {@code weeks} after T for a customer with this history. */
	double expectedPurchases(double weeks, int x, double tx, double age);

	/** Expected purchases in the first {@code weeks} of a customer just acquired (E[X(t)]). */
	double expectedPurchasesNewCustomer(double weeks);

	/** The log-likelihood of all customers of a summary. */
	double logLikelihood(PurchaseSummary data);
}
