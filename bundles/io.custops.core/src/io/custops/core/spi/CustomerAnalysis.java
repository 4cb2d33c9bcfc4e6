package io.custops.core.spi;

import java.util.Optional;

import io.custops.core.param.Parameters;

/**
 * An analysis that puts customers into labelled classes as of a date. Segmentation strategies
 * and lifecycle models are both; the engine's shared analyses (tier conversion, breakdowns,
 * campaign targeting) work with any of them.
 */
public interface CustomerAnalysis extends CustopsService {

	/**
	 * The labels this analysis can give with these parameters, in their natural order (lowest
	 * tier first, funnel order). Tier conversion uses this order for up and down.
	 */
	java.util.List<Label> labels(Parameters parameters);

	/** Classifies every customer of the dataset as of {@link AnalysisInput#asOf()}. */
	CustomerClassification classify(AnalysisInput input);

	/** The names of the per-customer columns {@link #classify} produces, in order. */
	default java.util.List<String> columnNames(Parameters parameters) {
		return java.util.List.of();
	}

	/**
	 * The same classification as SQL for a source database, when the analysis can hand its work
	 * to the database instead of loading the facts; empty when it cannot.
	 */
	default Optional<SqlPushdown> sqlPushdown() {
		return Optional.empty();
	}
}
