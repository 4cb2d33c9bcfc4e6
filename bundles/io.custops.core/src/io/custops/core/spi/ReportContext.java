package io.custops.core.spi;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.core.param.Parameters;

/** What a {@link ReportTemplate} gets to compute its data. */
public interface ReportContext {

	/** The template's checked parameters. */
	Parameters parameters();

	/** The language the report is rendered in. */
	Locale locale();

	/** The date the report is made for ("today" of a scheduled run). */
	LocalDate today();

	CustomerDataset dataset();

	/** Runs registered analyses by id, the way the command line does. */
	AnalysisRunner analyses();

	ProgressMonitor monitor();

	/**
	 * Something the caller made available to templates besides the dataset, by type: e.g. the
	 * campaigns of the open workspace. Empty when the caller gave nothing of that type, so a
	 * template says what it misses instead of failing obscurely.
	 */
	default <T> Optional<T> input(Class<T> type) {
		return Optional.empty();
	}
}
