package io.custops.engine;

import java.util.List;
import java.util.Map;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.core.param.ParameterSpec;

/**
 * Cohort retention: customers grouped by the month (or week) of their first paid order, and for
 * each cohort and each period since then, how many of them bought again, what they spent, and the
 * cumulative revenue per cohort customer (an LTV curve). Definitions: docs/analyses.md, "Cohorts".
 * A plugin may register its own implementation; the command line, workbench and report take the
 * service with the highest ranking.
 */
public interface CohortAnalysis {

	/** {@value #BY_MONTH} (default) or {@value #BY_WEEK}: the length of a cohort and of a period. */
	String BY = "by";
	String BY_MONTH = "first-order-month";
	String BY_WEEK = "first-order-week";
	/** {@code customers} (default), {@code orders} or {@code revenue}: the figure each cell's {@code value} holds. */
	String METRIC = "metric";
	/** Only customers whose first paid order is on or after this day form cohorts. */
	String FROM = "from";
	/** Only customers whose first paid order is before this day form cohorts; also the default "as of". */
	String TO = "to";
	/** Only orders before this day count (default: {@value #TO}, else the day after the last fact). */
	String AS_OF = "asOf";
	/** {@code channel} (of the first paid order), a customer attribute, or any strategy or model id. */
	String BREAKDOWN = "breakdown";
	/** Family {@code breakdown.<key>}: parameters of the breakdown's strategy or model. */
	String BREAKDOWN_PARAMETERS = "breakdown.*";
	/** At most this many periods after the first (default 24): later ones are left out. */
	String MAX_PERIODS = "maxPeriods";

	List<ParameterSpec> parameters();

	/**
	 * @throws io.custops.core.param.ParameterException naming the key for an unknown breakdown or a bad value
	 * @throws AnalysisInputException when {@value #TO} is not after {@value #FROM}
	 */
	CohortResult run(CustomerDataset data, Map<String, String> parameters, ProgressMonitor monitor);
}
