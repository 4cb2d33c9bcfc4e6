/**
 * Rendering of {@link io.custops.core.spi.ReportTemplate}s with the BIRT report engine: the
 * {@link io.custops.report.ReportRenderer} service, the request a caller builds from a dataset,
 * an {@link io.custops.core.spi.AnalysisRunner} and raw parameters, and the convention by which a
 * design reads {@link io.custops.core.spi.ReportData} (see {@link io.custops.report.ReportDesigns}
 * and docs/reports.md).
 */
@Version("1.0.0")
package io.custops.report;

import org.osgi.annotation.versioning.Version;
