package io.custops.engine;

import java.time.LocalDate;
import java.util.Map;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.core.param.Parameters;
import io.custops.core.spi.CustomerAnalysis;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.ServiceKind;

/**
 * Runs any registered segmentation strategy or lifecycle model by id, with parameters checked
 * against its declaration. The command line, the workbench, the reports and the shared
 * analyses (tier conversion, breakdowns) all go through here; none of them knows a strategy
 * by name.
 */
public interface Analyses {

	/**
	 * The registered analysis of a kind ({@link ServiceKind#STRATEGY} or {@link ServiceKind#MODEL})
	 * with an id.
	 *
	 * @throws java.util.NoSuchElementException naming the id and the ids that are registered
	 */
	CustomerAnalysis find(ServiceKind kind, String id);

	/**
	 * The registered segmentation strategy with an id, else the lifecycle model with that id:
	 * the shared analyses (tier conversion, breakdowns) accept either.
	 *
	 * @throws java.util.NoSuchElementException naming the id and the ids that are registered
	 */
	default CustomerAnalysis find(String id) {
		try {
			return find(ServiceKind.STRATEGY, id);
		} catch (java.util.NoSuchElementException noStrategy) {
			try {
				return find(ServiceKind.MODEL, id);
			} catch (java.util.NoSuchElementException noModel) {
				throw new java.util.NoSuchElementException(noStrategy.getMessage() + "; " + noModel.getMessage());
			}
		}
	}

	/** Checks raw parameters against the analysis's specs; throws ParameterException naming a bad key. */
	default Parameters resolve(CustomerAnalysis analysis, Map<String, String> raw) {
		return Parameters.resolve(analysis.parameters(), raw);
	}

	/** Classifies the dataset's customers as of a date. */
	CustomerClassification run(CustomerAnalysis analysis, CustomerDataset data, LocalDate asOf, Parameters parameters,
			ProgressMonitor monitor);
}
