package io.custops.engine;

import java.util.List;
import java.util.Map;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.core.param.ParameterSpec;

/**
 * The most frequent sequences of event types per session (or per customer), with consecutive
 * repeats collapsed, start/end anchors, excluded types and a maximum length; the flows between
 * positions for a Sankey view; and the paths of those who did not reach an event type.
 * Definitions: docs/analyses.md.
 */
public interface PathAnalysis {

	/** How many of the most frequent paths to list. */
	String TOP = "top";
	/** The longest path kept, in steps; longer paths are cut and marked with {@value PathResult#CUT}. */
	String MAX_LENGTH = "maxLength";
	/** Paths begin at the first occurrence of this event type. */
	String START = "start";
	/** Paths end at the first occurrence of this event type (at or after the start). */
	String END = "end";
	/** Event types left out before repeats are collapsed. */
	String EXCLUDE = "exclude";
	/** {@code session}, {@code customer}, or {@code auto}: sessions when the dataset has any. */
	String BY = "by";
	/** Only paths that do not reach this event type (after the start anchor): the drop-offs. */
	String NOT_REACHED = "notReached";
	/** Only events on or after this day count. */
	String FROM = "from";
	/** Only events before this day count. */
	String TO = "to";

	List<ParameterSpec> parameters();

	/**
	 * @throws io.custops.core.param.ParameterException naming the key for an unknown event type
	 *         or any bad value
	 */
	default PathResult run(CustomerDataset data, Map<String, String> parameters, ProgressMonitor monitor) {
		return run(data, parameters, null, monitor);
	}

	/**
	 * The paths of some customers only: a segment, the drop-offs of a funnel step.
	 *
	 * @param customers ascending or not, customer indexes; {@code null} for all customers
	 */
	PathResult run(CustomerDataset data, Map<String, String> parameters, int[] customers, ProgressMonitor monitor);

	/**
	 * The same paths inside a source, over all its customers: the query to send and the object
	 * that makes the result from its rows, with this run's keys, order and percentages. The
	 * events' {@code session_id} column is read unless {@code by=customer}.
	 *
	 * @throws io.custops.engine.sql.NoPushdownException naming the paths and the dialect when they
	 *                                                   cannot run there (nothing is read)
	 * @throws io.custops.core.param.ParameterException for a bad value, as {@link #run}; an
	 *                                                  unknown event type when the result is made
	 * @since 1.4
	 */
	io.custops.engine.sql.PathQuery pushdown(Map<String, String> parameters, io.custops.core.spi.SqlDialect dialect,
			io.custops.core.spi.SqlPushdown.SourceTables tables);
}
