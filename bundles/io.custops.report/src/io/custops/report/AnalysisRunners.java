package io.custops.report;

import java.time.LocalDate;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.core.spi.AnalysisRunner;
import io.custops.core.spi.CustomerAnalysis;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.ServiceKind;
import io.custops.engine.Analyses;

/** {@link AnalysisRunner}s for report templates. */
public final class AnalysisRunners {

	private AnalysisRunners() {
	}

	/**
	 * Runs the registered segmentation strategy or lifecycle model of an id (a strategy wins when
	 * both kinds use the id) on one dataset, with its parameters checked by its specs.
	 */
	public static AnalysisRunner over(Analyses analyses, CustomerDataset dataset, ProgressMonitor monitor) {
		Objects.requireNonNull(analyses, "analyses");
		Objects.requireNonNull(dataset, "dataset");
		ProgressMonitor progress = monitor == null ? ProgressMonitor.NULL : monitor;
		return (String analysisId, LocalDate asOf, Map<String, String> parameters) -> {
			CustomerAnalysis analysis = find(analyses, analysisId);
			return analyses.run(analysis, dataset, asOf, analyses.resolve(analysis, parameters), progress);
		};
	}

	private static CustomerAnalysis find(Analyses analyses, String id) {
		try {
			return analyses.find(ServiceKind.STRATEGY, id);
		} catch (NoSuchElementException strategyMissing) {
			try {
				return analyses.find(ServiceKind.MODEL, id);
			} catch (NoSuchElementException modelMissing) {
				throw new NoSuchElementException("no analysis '" + id + "' is installed (" + strategyMissing.getMessage()
						+ "; " + modelMissing.getMessage() + ")");
			}
		}
	}

	/** A runner that always returns the same result, for tests and previews. */
	public static AnalysisRunner fixed(Map<String, CustomerClassification> results) {
		Map<String, CustomerClassification> copy = Map.copyOf(results);
		return (id, asOf, parameters) -> {
			CustomerClassification result = copy.get(id);
			if (result == null) {
				throw new NoSuchElementException("no analysis '" + id + "'; known: " + copy.keySet());
			}
			return result;
		};
	}
}
