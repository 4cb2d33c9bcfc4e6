package io.custops.report;

import java.util.List;

import io.custops.core.data.CustomerDataset;
import io.custops.engine.Campaign;

/**
 * The campaigns a report can measure, with their members as customer indexes of the report's
 * dataset. Callers that hold a workspace hand one to the templates as a report input
 * ({@link io.custops.core.spi.ReportContext#input(Class)}); the {@code roi} template reads it.
 */
public interface CampaignSource {

	/**
	 * All campaigns, ordered by start date then id.
	 *
	 * @throws io.custops.engine.AnalysisInputException when a campaign cannot be measured on this dataset
	 */
	List<Campaign> campaigns(CustomerDataset dataset) throws Exception;
}
