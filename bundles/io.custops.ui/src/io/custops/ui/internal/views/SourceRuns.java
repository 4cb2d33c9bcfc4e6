package io.custops.ui.internal.views;

import java.time.LocalDate;

import io.custops.core.ProgressMonitor;
import io.custops.core.param.Parameters;
import io.custops.core.spi.CustomerAnalysis;
import io.custops.engine.FunnelAnalysis;
import io.custops.engine.FunnelResult;
import io.custops.engine.PathAnalysis;
import io.custops.engine.sql.FunnelQuery;
import io.custops.engine.sql.PathQuery;
import io.custops.engine.sql.NoPushdownException;
import io.custops.source.PushdownRun;
import io.custops.source.SourceRuntime;
import io.custops.source.PushdownUnsupportedException;
import io.custops.source.RowSink;
import io.custops.store.SourceRecord;
import io.custops.ui.internal.session.WorkbenchSession;

/**
 * Runs a strategy or model inside the session's source for a part, in its background job: the
 * rows go to the part's aggregation as they arrive (progress every 1,000 rows, cancel between
 * rows). An analysis without pushdown for the dialect comes back as a {@link Refused} naming it,
 * before anything is read, so that the part says so instead of showing an error.
 */
final class SourceRuns {

	private SourceRuns() {
	}

	/** The source refused the analysis: the runtime's message names the analysis and the dialect. */
	record Refused(String message) {
	}

	/** The run, or null when it was refused (then {@code refused[0]} holds why). */
	static PushdownRun run(WorkbenchSession session, SourceRecord source, CustomerAnalysis analysis, LocalDate asOf,
			Parameters parameters, ProgressMonitor monitor, RowSink sink, Refused[] refused) throws Exception {
		monitor.begin("Running " + analysis.id() + " inside " + WorkbenchSession.title(source) + " as of " + asOf, -1);
		long[] rows = new long[1];
		try {
			return session.sourceRuntime().run(source, analysis, asOf, parameters, (customer, label, values) -> {
				sink.row(customer, label, values);
				if (++rows[0] % 1000 == 0) {
					monitor.checkCanceled();
					monitor.worked(1000);
				}
			});
		} catch (PushdownUnsupportedException e) {
			refused[0] = new Refused(e.getMessage());
			return null;
		}
	}

	/**
	 * Runs a funnel inside the source as {@code ./custops funnel --source} does: the engine writes
	 * the SQL and makes the figures from its rows, the runtime runs it read-only.
	 *
	 * @return the {@link FunnelResult}, or a {@link Refused} naming the funnel and the dialect
	 */
	static Object funnel(WorkbenchSession session, SourceRecord source, FunnelAnalysis analysis,
			java.util.Map<String, String> parameters, ProgressMonitor monitor) throws Exception {
		SourceRuntime runtime = session.sourceRuntime();
		FunnelQuery query;
		try {
			query = analysis.pushdown(parameters, runtime.dialect(source.url()), runtime.tables(source));
		} catch (NoPushdownException e) {
			return new Refused(e.getMessage());
		}
		monitor.begin("Funnel " + parameters.get(FunnelAnalysis.STEPS) + " inside " + WorkbenchSession.title(source), -1);
		runtime.query(source, "funnel", null, query.sql(), row -> {
			monitor.checkCanceled();
			query.accept(row);
		});
		return query.result();
	}

	/**
	 * Finds the most frequent paths inside the source as {@code ./custops paths --source} does.
	 *
	 * @return the {@link io.custops.engine.PathResult}, or a {@link Refused} naming paths and the dialect
	 */
	static Object paths(WorkbenchSession session, SourceRecord source, PathAnalysis analysis,
			java.util.Map<String, String> parameters, ProgressMonitor monitor) throws Exception {
		SourceRuntime runtime = session.sourceRuntime();
		PathQuery query;
		try {
			query = analysis.pushdown(parameters, runtime.dialect(source.url()), runtime.tables(source));
		} catch (NoPushdownException e) {
			return new Refused(e.getMessage());
		}
		monitor.begin("Paths inside " + WorkbenchSession.title(source), -1);
		runtime.query(source, "paths", null, query.sql(), row -> {
			monitor.checkCanceled();
			query.accept(row);
		});
		return query.result();
	}
}
