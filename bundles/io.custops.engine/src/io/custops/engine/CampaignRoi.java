package io.custops.engine;

import java.util.List;
import java.util.Map;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.core.param.ParameterSpec;

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
}
