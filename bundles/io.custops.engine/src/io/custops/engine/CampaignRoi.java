package io.custops.engine;

import java.util.List;
import java.util.Map;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.core.param.ParameterSpec;
import io.custops.core.spi.SqlDialect;
import io.custops.core.spi.SqlPushdown.SourceTables;
import io.custops.engine.sql.RoiQuery;

/**
 * What a campaign returned over its attribution window: revenue of each group, incremental
 * revenue against the control group, ROI, response rates and uplift, optionally broken down by
 * the segment each member was in at the start. Definitions: docs/analyses.md.
 */
public interface CampaignRoi {

	/** A customer attribute or any strategy or model id ({@code tier}, {@code segment}, {@code strategy:ID}). */
	String BREAKDOWN = "breakdown";
	/** Family {@code breakdown.<key>}: parameters of the breakdown's strategy or model. */
	String BREAKDOWN_PARAMETERS = "breakdown.*";
	/** The significance level (default 0.05): {@code significant} when p &lt; alpha; intervals at 1 − alpha. */
	String ALPHA = "alpha";

	List<ParameterSpec> parameters();

	/**
	 * @throws AnalysisInputException for a member index outside the dataset, a customer listed
	 *                                twice or in both groups
	 * @throws io.custops.core.param.ParameterException for a bad parameter or breakdown
	 */
	RoiResult run(CustomerDataset data, Campaign campaign, Map<String, String> parameters, ProgressMonitor monitor);

	/**
	 * The same ROI inside a source: the members (the workspace's, by customer id) and the
	 * parameters are checked as for {@link #run}, then the query is written for the dialect.
	 * {@code breakdown=target} means the segments recorded with the members; any other breakdown
	 * must be a strategy or model with a pushdown for the dialect (customer attributes are not).
	 *
	 * @throws io.custops.engine.sql.NoPushdownException naming the analysis and the dialect
	 * @throws AnalysisInputException as {@link #run} (a customer listed twice, no treatment member)
	 */
	RoiQuery pushdown(String id, String name, java.time.LocalDate start, java.time.LocalDate end,
			java.math.BigDecimal cost, java.math.BigDecimal margin, List<RoiQuery.Member> members,
			Map<String, String> parameters, SqlDialect dialect, SourceTables tables);
}
