package io.custops.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.core.param.ParameterSpec;
import io.custops.core.spi.SqlDialect;
import io.custops.core.spi.SqlPushdown.SourceTables;
import io.custops.engine.sql.ConversionQuery;

/**
 * How customers moved between the levels of any segmentation strategy or lifecycle model
 * between two dates: the matrix of moves, retention, upgrade and downgrade per level, the
 * entrants, and optionally a series over consecutive periods. Levels are ordered as the
 * analysis declares them ({@code CustomerAnalysis.labels(parameters)}, lowest first), so
 * "up" means to a later label. Definitions: docs/analyses.md.
 */
public interface TierConversion {

	/** The analysis used when none is named. */
	String DEFAULT_ANALYSIS = "tiers";

	/** Key of the series period: {@code month}, {@code quarter} or {@code year}; no series when absent. */
	String PERIOD = "period";

	/**
	 * The conversion's own parameters ({@value #PERIOD}). Every other {@code --param} belongs
	 * to the analysis and is checked against its declaration.
	 */
	List<ParameterSpec> parameters();

	/**
	 * @param analysisId a strategy id, else a model id; {@code null} means {@value #DEFAULT_ANALYSIS}
	 * @param parameters the conversion's own parameters and the analysis's, as text; the analysis
	 *                   runs with the same parameters at both dates
	 * @throws AnalysisInputException when {@code from} is not before {@code to}, or the analysis
	 *                                gives several labels per customer
	 * @throws io.custops.core.param.ParameterException for a bad parameter
	 * @throws java.util.NoSuchElementException when no such analysis is installed
	 */
	ConversionResult run(CustomerDataset data, String analysisId, LocalDate from, LocalDate to,
			Map<String, String> parameters, ProgressMonitor monitor);

	/**
	 * The same conversion inside a source: the analysis's parameters are resolved as for
	 * {@link #run}, then the query is written for the dialect; the caller sends it, hands each
	 * row to {@link ConversionQuery#accept} and takes {@link ConversionQuery#result()}.
	 *
	 * @throws io.custops.engine.sql.NoPushdownException when the analysis has no pushdown for the
	 *                                                   dialect (nothing is read)
	 * @throws AnalysisInputException when {@code from} is not before {@code to}
	 */
	ConversionQuery pushdown(String analysisId, LocalDate from, LocalDate to, Map<String, String> parameters,
			SqlDialect dialect, SourceTables tables);
}
