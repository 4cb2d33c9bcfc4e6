package io.custops.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import io.custops.core.spi.AnalysisInput;
import io.custops.core.spi.ConnectorException;
import io.custops.core.spi.CustomerAnalysis;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.CustopsService;
import io.custops.core.spi.DataConnector;
import io.custops.core.spi.ImportRequest;
import io.custops.core.spi.RecordSink;
import io.custops.core.spi.ReportContext;
import io.custops.core.spi.ReportData;
import io.custops.core.spi.ReportTemplate;

/**
 * Calls a plugin's service so that a service which throws or hangs cannot take the caller (the
 * workbench, a command, a scheduled job) down with it: the work runs on a guard thread within a
 * time limit; when the service's own code throws or runs past the limit, the failure is
 * recorded, listeners ({@link ServiceFailureListener}) hear of it, the service's DS component is
 * disabled (its service leaves the registry) and the caller gets a {@link ServiceFailedException}
 * saying so in plain words.
 *
 * <p>What is the user's problem rather than the plugin's passes through unchanged and disables
 * nothing: a {@link io.custops.core.param.ParameterException}, a
 * {@link java.util.concurrent.CancellationException}, a {@link ConnectorException}.
 *
 * <p>The time limit of {@link #classify}, {@link #read} and {@link #prepare} is
 * {@link #defaultLimit()}: the system property {@code custops.service.timeout} ({@code 90s},
 * {@code 10m}, {@code 1h}), 10 minutes when unset.
 */
public interface ServiceGuard {

	/** Runs {@code work} on behalf of {@code service} within {@code limit}. */
	<T> T call(CustopsService service, String operation, Duration limit, Callable<T> work);

	Duration defaultLimit();

	default CustomerClassification classify(CustomerAnalysis analysis, AnalysisInput input) {
		return call(analysis, "classify", defaultLimit(), () -> analysis.classify(input));
	}

	default void read(DataConnector connector, ImportRequest request, RecordSink sink) throws ConnectorException {
		try {
			call(connector, "read", defaultLimit(), () -> {
				connector.read(request, sink);
				return null;
			});
		} catch (PassedThrough e) {
			throw (ConnectorException) e.getCause();
		}
	}

	default ReportData prepare(ReportTemplate template, ReportContext context) {
		return call(template, "prepare", defaultLimit(), () -> template.prepare(context));
	}

	/**
	 * The connector as callers hand it to the workspace: the same service, whose {@code read} runs
	 * under this guard (the store does not know the engine, so the guard wraps the connector).
	 */
	default DataConnector guarded(DataConnector connector) {
		ServiceGuard guard = this;
		return new DataConnector() {
			@Override
			public String id() {
				return connector.id();
			}

			@Override
			public io.custops.core.LocalizedText name() {
				return connector.name();
			}

			@Override
			public io.custops.core.LocalizedText description() {
				return connector.description();
			}

			@Override
			public java.util.List<io.custops.core.param.ParameterSpec> parameters() {
				return connector.parameters();
			}

			@Override
			public java.util.Set<io.custops.core.data.FactKind> supportedKinds() {
				return connector.supportedKinds();
			}

			@Override
			public boolean needsFile() {
				return connector.needsFile();
			}

			@Override
			public void read(ImportRequest request, RecordSink sink) throws ConnectorException {
				guard.read(connector, request, sink);
			}
		};
	}

	/** Whether a failure has been recorded for this service object (it is then refused). */
	boolean hasFailed(CustopsService service);

	/** The failures recorded since the framework started, oldest first. */
	List<ServiceFailure> failures();

	/** Carries a checked exception that belongs to the caller (a {@link ConnectorException}) out of {@link #call}. */
	final class PassedThrough extends RuntimeException {
		private static final long serialVersionUID = 1L;

		public PassedThrough(Exception cause) {
			super(cause.getMessage(), cause);
		}
	}
}
