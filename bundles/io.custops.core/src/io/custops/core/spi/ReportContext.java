package io.custops.core.spi;

import java.time.LocalDate;
import java.util.Locale;

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
}
