package io.custops.core.spi;

import java.net.URL;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A report: a BIRT design and the data it shows. The data are computed by the engine's
 * analyses and handed to the design in memory ({@link ReportData}), so a report prints exactly
 * the figures the workbench shows. Register an implementation as an OSGi service.
 */
@ConsumerType
public interface ReportTemplate extends CustopsService {

	/**
	 * The {@code .rptdesign} resource, usually {@code getClass().getResource(...)} in the
	 * template's bundle. Its scripted data sets read the tables of {@link ReportData} by name.
	 */
	URL design();

	/** Computes the report's tables from the analyses. */
	ReportData prepare(ReportContext context) throws Exception;
}
