package io.custops.engine;

import java.util.List;
import java.util.Map;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.core.param.ParameterSpec;

/**
 * The shop at a glance: GMV, paid orders, buying customers, AOV, repurchase rate, new and
 * returning customers and revenue per day, week or month, each compared with the period before
 * and the same period a year earlier; the 6.18 and 11.11 peaks; stage counts and the top
 * segments. Definitions: docs/analyses.md, "Overview".
 */
public interface OverviewAnalysis {

	/** Orders dated on or after this day count (default: a year before {@value #TO}). */
	String FROM = "from";
	/** Orders dated before this day count (default: the day after the last fact); also "as of" for stages and segments. */
	String TO = "to";
	/** {@code day}, {@code week} (ISO, Monday first) or {@code month} (default). */
	String PERIOD = "period";
	/** How many segments are listed (default 5). */
	String TOP = "top";

	List<ParameterSpec> parameters();

	OverviewResult run(CustomerDataset data, Map<String, String> parameters, ProgressMonitor monitor);
}
