package io.custops.engine;

import java.util.List;
import java.util.Map;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.core.param.ParameterSpec;

/**
 * A behaviour funnel over the dataset's events: how many customers did step 1, then step 2 at
 * or after it, … then step k, with optional conversion windows, the median time between steps,
 * a breakdown, and the customers dropping at each step. Definitions: docs/analyses.md.
 */
public interface FunnelAnalysis {

	/** The event types of the steps, in order ({@code --steps view,cart,order}). */
	String STEPS = "steps";
	/** Conversion window of the whole funnel, from the first step's event; {@value #DEFAULT_WINDOW} unless given. */
	String WINDOW = "window";
	/** The conversion window when none is given (as PostHog's). */
	String DEFAULT_WINDOW = "14d";
	/** {@code ordered} (default), {@code strict} (no other event in between) or {@code any} (any order). */
	String ORDER = "order";
	/** Event types whose occurrence between two steps leaves the customer out: {@code refund} or {@code refund@2-3}. */
	String EXCLUDE = "exclude";
	/** Conversion window of every step from the previous step's event. */
	String STEP_WINDOW = "stepWindow";
	/** Family {@code window.<k>}: the window of step k (2 … n) from step k−1, overriding {@value #STEP_WINDOW}. */
	String WINDOW_OF_STEP = "window.*";
	/** Only events dated on or after this day count. */
	String FROM = "from";
	/** Only events dated before this day count. */
	String TO = "to";
	/** {@code channel}, a customer attribute, or any strategy or model id ({@code tier}, {@code segment}). */
	String BREAKDOWN = "breakdown";
	/** Family {@code breakdown.<key>}: parameters of the breakdown's strategy or model. */
	String BREAKDOWN_PARAMETERS = "breakdown.*";
	/** The date as of which the breakdown's strategy or model classifies customers. */
	String AS_OF = "asOf";
	/** A step whose drop-offs the summary reports ({@link FunnelResult#dropped(int)} gives them for any step). */
	String DROP_AT = "dropAt";

	List<ParameterSpec> parameters();

	/**
	 * @param parameters {@value #STEPS} is required; see {@link #parameters()}
	 * @throws io.custops.core.param.ParameterException naming the key for an unknown step event
	 *         type, an unknown breakdown attribute or analysis, or any bad value
	 */
	FunnelResult run(CustomerDataset data, Map<String, String> parameters, ProgressMonitor monitor);

	/**
	 * The same funnel inside a source: the query to send and the object that makes the result
	 * from its rows, with this run's keys, figures and rounding. The breakdown may be
	 * {@code channel} (the events table's channel column) or a customer attribute (a column of
	 * the customers table); a breakdown by an analysis is refused.
	 *
	 * @throws io.custops.engine.sql.NoPushdownException naming the funnel and the dialect when it
	 *                                                   cannot run there (nothing is read)
	 * @throws io.custops.core.param.ParameterException for a bad value, as {@link #run}
	 */
	io.custops.engine.sql.FunnelQuery pushdown(Map<String, String> parameters, io.custops.core.spi.SqlDialect dialect,
			io.custops.core.spi.SqlPushdown.SourceTables tables);
}
