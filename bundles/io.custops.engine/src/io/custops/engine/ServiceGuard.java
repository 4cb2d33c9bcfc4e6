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
 * <p>The time limit of {@link #classify} and {@link #prepare} is {@link #defaultLimit()}: the
 * system property {@code custops.service.timeout} ({@code 90s}, {@code 10m}, {@code 1h}), 10
 * minutes when unset. A connector's {@link #read} has no limit while it delivers rows: it fails
 * when none came for that long (an import of a big file is not a hung plugin).
 */
public interface ServiceGuard {

	/** Runs {@code work} on behalf of {@code service} within {@code limit}. */
	<T> T call(CustopsService service, String operation, Duration limit, Callable<T> work);

	Duration defaultLimit();

	/**
	 * Runs {@code work} on behalf of {@code service} for as long as it shows signs of life: it
	 * fails when {@code progress} has not changed for {@code idleLimit}. Implementations that
	 * cannot watch progress fall back to {@link #call} with {@code idleLimit} as the limit.
	 */
	default <T> T callWhileActive(CustopsService service, String operation, Duration idleLimit,
			java.util.function.LongSupplier progress, Callable<T> work) {
		return call(service, operation, idleLimit, work);
	}

	default CustomerClassification classify(CustomerAnalysis analysis, AnalysisInput input) {
		return call(analysis, "classify", defaultLimit(), () -> {
			CustomerClassification result = analysis.classify(input);
			String problem = result == null ? "returned no result" : result.problem(input.data().customerCount());
			if (problem != null) {
				throw new InvalidResult(problem); // the plugin's fault: it is disabled, and named
			}
			return result;
		});
	}

	default void read(DataConnector connector, ImportRequest request, RecordSink sink) throws ConnectorException {
		// rows delivered so far: written by the connector's thread only, watched by the guard
		java.util.concurrent.atomic.AtomicLong rows = new java.util.concurrent.atomic.AtomicLong();
		CountingSink counting = CountingSink.of(sink, rows);
		try {
			callWhileActive(connector, "read", defaultLimit(), rows::get, () -> {
				try {
					connector.read(request, counting);
				} catch (Throwable t) {
					// however the connector passed it on (wrapped or not): the sink ended the read
					RuntimeException own = counting.sinkFailure;
					if (own != null) {
						throw new SinkFailure(own);
					}
					throw t;
				}
				return null;
			});
		} catch (PassedThrough e) {
			throw (ConnectorException) e.getCause();
		} catch (SinkFailure e) {
			throw (RuntimeException) e.getCause();
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
		if (connector instanceof Guarded) {
			return connector; // guarded once, in one place, however many callers ask
		}
		ServiceGuard guard = this;
		return new Guarded() {
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

	/** A connector whose {@code read} already runs under a guard. */
	interface Guarded extends DataConnector {
	}

	/** Whether a failure has been recorded for this service object (it is then refused). */
	boolean hasFailed(CustopsService service);

	/** The failures recorded since the framework started, oldest first. */
	List<ServiceFailure> failures();

	/** A service's result breaks the SPI's contract; the message says how (without the service, which the guard names). */
	final class InvalidResult extends RuntimeException {
		private static final long serialVersionUID = 1L;

		public InvalidResult(String problem) {
			super(problem, null, false, false);
		}
	}

	/**
	 * Carries what the caller's own sink threw out of {@link #call}: the import ended by the
	 * workspace is no fault of the connector, which stays enabled.
	 */
	final class SinkFailure extends RuntimeException {
		private static final long serialVersionUID = 1L;

		public SinkFailure(RuntimeException cause) {
			super(cause.getMessage(), cause, false, false);
		}
	}

	/** Carries a checked exception that belongs to the caller (a {@link ConnectorException}) out of {@link #call}. */
	final class PassedThrough extends RuntimeException {
		private static final long serialVersionUID = 1L;

		public PassedThrough(Exception cause) {
			super(cause.getMessage(), cause);
		}
	}
}
