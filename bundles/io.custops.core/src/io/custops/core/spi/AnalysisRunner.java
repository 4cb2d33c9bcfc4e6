package io.custops.core.spi;

import java.time.LocalDate;
import java.util.Map;

/**
 * Runs any registered {@link CustomerAnalysis} by id, with parameters as text; implemented by
 * the engine and handed to report templates and other clients.
 */
public interface AnalysisRunner {

	/**
	 * @throws java.util.NoSuchElementException when no analysis of that id is registered
	 * @throws io.custops.core.param.ParameterException for a bad parameter
	 */
	CustomerClassification run(String analysisId, LocalDate asOf, Map<String, String> parameters);
}
