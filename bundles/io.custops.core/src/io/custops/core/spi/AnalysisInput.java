package io.custops.core.spi;

import java.time.LocalDate;
import java.util.Objects;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.core.param.Parameters;

/**
 * What an analysis runs on: the dataset, the date as of which it is evaluated (only what
 * happened before {@code asOf} 00:00 counts), and its checked parameters.
 */
public record AnalysisInput(CustomerDataset data, LocalDate asOf, Parameters parameters, ProgressMonitor monitor) {

	public AnalysisInput {
		Objects.requireNonNull(data, "data");
		Objects.requireNonNull(asOf, "asOf");
		Objects.requireNonNull(parameters, "parameters");
		monitor = monitor == null ? ProgressMonitor.NULL : monitor;
	}

	/** {@code asOf} as a local epoch day: an order counts when its day is below this. */
	public int asOfDay() {
		return CustomerDataset.epochDay(asOf);
	}
}
