package io.custops.ui.internal.views;

import java.time.LocalDate;

import io.custops.core.ProgressMonitor;
import io.custops.core.param.Parameters;
import io.custops.core.spi.CustomerAnalysis;
import io.custops.source.PushdownRun;
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
}
