package io.custops.report.schedule;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import io.custops.core.ProgressMonitor;
import io.custops.report.RenderedReport;
import io.custops.store.Workspace;

/**
 * Renders a report template on an open workspace: finds the template by id among the registered
 * ones, resolves relative dates ({@link RelativeDates}) on {@code today}, hands the template the
 * workspace's facts and campaigns, and renders the formats. The service behind
 * {@code ./custops report} and every scheduled run.
 */
public interface WorkspaceReports {

	/** What one render did. */
	record Result(RenderedReport report, Map<String, String> parameters, long loadMillis, long totalMillis) {
	}

	/**
	 * @param parameters the template's parameters and the renderer's ({@code format}, {@code lang});
	 *                   values may be relative dates
	 * @param today      the day the report is made for (relative dates and defaults count from it)
	 * @throws ScheduleException naming {@code template} when no template of that id is registered
	 * @throws io.custops.core.param.ParameterException for a bad parameter of the template
	 * @throws io.custops.report.ReportException when the report could not be made
	 */
	Result render(Workspace workspace, String templateId, Map<String, String> parameters, Path folder, LocalDate today,
			ProgressMonitor monitor) throws Exception;

	/**
	 * Renders a template from a source instead of the workspace's dataset: the templates find the
	 * source as the report input {@link io.custops.engine.sql.SourceAnalyses}, and the dataset is
	 * never loaded. A template that reads the dataset or runs an analysis over it fails at that
	 * call, naming the template and the source's dialect (nothing pulls every row).
	 */
	Result render(Workspace workspace, String templateId, Map<String, String> parameters, Path folder, LocalDate today,
			io.custops.engine.sql.SourceAnalyses source, ProgressMonitor monitor) throws Exception;
}
