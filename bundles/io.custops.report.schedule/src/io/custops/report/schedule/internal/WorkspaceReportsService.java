package io.custops.report.schedule.internal;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.core.spi.ReportTemplate;
import io.custops.core.spi.ServiceKind;
import io.custops.engine.Analyses;
import io.custops.engine.ServiceCatalog;
import io.custops.engine.ServiceEntry;
import io.custops.report.AnalysisRunners;
import io.custops.report.RenderedReport;
import io.custops.report.ReportRenderer;
import io.custops.report.ReportRequest;
import io.custops.report.schedule.RelativeDates;
import io.custops.report.schedule.ScheduleException;
import io.custops.report.schedule.WorkspaceReports;
import io.custops.store.CampaignStore;
import io.custops.store.Workspace;

/** Renders a template on an open workspace, for the command line and the scheduler. */
@Component(service = WorkspaceReports.class)
public class WorkspaceReportsService implements WorkspaceReports {

	@Reference
	private ServiceCatalog catalog;

	@Reference
	private ReportRenderer renderer;

	@Reference
	private Analyses analyses;

	@Override
	public Result render(Workspace workspace, String templateId, Map<String, String> parameters, Path folder,
			LocalDate today, ProgressMonitor monitor) throws Exception {
		long start = System.nanoTime();
		ReportTemplate template = template(templateId);
		Map<String, String> resolved = RelativeDates.resolveAll(parameters, today);
		CustomerDataset dataset = workspace.dataset();
		long loaded = System.nanoTime();
		ReportRequest request = ReportRequest.of(template, dataset, AnalysisRunners.over(analyses, dataset, monitor),
				Locale.ENGLISH, today, resolved, Map.of(CampaignStore.class, workspace.campaigns()), monitor);
		RenderedReport report = renderer.render(request, folder);
		long end = System.nanoTime();
		return new Result(report, resolved, (loaded - start) / 1_000_000, (end - start) / 1_000_000);
	}

	private ReportTemplate template(String id) {
		return catalog.find(ServiceKind.TEMPLATE, ReportTemplate.class, id)
				.orElseThrow(() -> new ScheduleException("template", "no template '" + id + "' is installed; installed: "
						+ catalog.services(ServiceKind.TEMPLATE).stream().map(ServiceEntry::id).toList()));
	}
}
