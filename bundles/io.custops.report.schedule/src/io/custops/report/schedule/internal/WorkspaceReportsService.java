package io.custops.report.schedule.internal;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.core.spi.AnalysisRunner;
import io.custops.core.spi.ReportContext;
import io.custops.core.spi.ReportTemplate;
import io.custops.engine.sql.NoPushdownException;
import io.custops.engine.sql.SourceAnalyses;
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

	@Override
	public Result render(Workspace workspace, String templateId, Map<String, String> parameters, Path folder,
			LocalDate today, SourceAnalyses source, ProgressMonitor monitor) throws Exception {
		long start = System.nanoTime();
		ReportTemplate template = template(templateId);
		Map<String, String> resolved = RelativeDates.resolveAll(parameters, today);
		String what = "report " + templateId;
		AnalysisRunner refused = (analysis, asOf, params) -> {
			throw new NoPushdownException(what + " (its " + analysis + ")", source.dialect(),
					"the template runs " + analysis + " over the workspace's data, not inside a source");
		};
		ReportRequest plain = ReportRequest.of(template, CustomerDataset.empty(), refused, Locale.ENGLISH, today,
				resolved, Map.of(CampaignStore.class, workspace.campaigns(), SourceAnalyses.class, source), monitor);
		ReportContext inner = plain.context();
		// templates that know sources take SourceAnalyses; the dataset is a refusal, never a silent empty one
		ReportContext context = new ReportContext() {
			@Override
			public io.custops.core.param.Parameters parameters() {
				return inner.parameters();
			}

			@Override
			public Locale locale() {
				return inner.locale();
			}

			@Override
			public LocalDate today() {
				return inner.today();
			}

			@Override
			public CustomerDataset dataset() {
				throw new NoPushdownException(what, source.dialect(), "the template reads the workspace's data; it has no pushdown");
			}

			@Override
			public AnalysisRunner analyses() {
				return refused;
			}

			@Override
			public ProgressMonitor monitor() {
				return inner.monitor();
			}

			@Override
			public <T> java.util.Optional<T> input(Class<T> type) {
				return inner.input(type);
			}
		};
		RenderedReport report = renderer.render(new ReportRequest(template, context, plain.formats()), folder);
		long end = System.nanoTime();
		return new Result(report, resolved, 0, (end - start) / 1_000_000);
	}

	private ReportTemplate template(String id) {
		return catalog.find(ServiceKind.TEMPLATE, ReportTemplate.class, id)
				.orElseThrow(() -> new ScheduleException("template", "no template '" + id + "' is installed; installed: "
						+ catalog.services(ServiceKind.TEMPLATE).stream().map(ServiceEntry::id).toList()));
	}
}
