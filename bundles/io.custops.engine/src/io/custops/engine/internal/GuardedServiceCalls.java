package io.custops.engine.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

import io.custops.core.param.ParameterException;
import io.custops.core.spi.ConnectorException;
import io.custops.core.spi.CustopsService;
import io.custops.core.spi.ServiceKind;
import io.custops.engine.ServiceCatalog;
import io.custops.engine.ServiceEntry;
import io.custops.engine.ServiceFailedException;
import io.custops.engine.ServiceFailure;
import io.custops.engine.ServiceFailureListener;
import io.custops.engine.ServiceGuard;

/**
 * Runs service calls on daemon guard threads with a time limit; a service that throws or hangs is
 * recorded, its listeners told, and its DS component disabled through {@link ServiceComponentRuntime}.
 * A hung thread cannot be killed in Java: it is interrupted and left behind as a daemon, so it
 * never keeps the JVM alive.
 */
@Component(service = ServiceGuard.class)
public class GuardedServiceCalls implements ServiceGuard {

	static final String TIMEOUT_PROPERTY = "custops.service.timeout";
	private static final Duration DEFAULT_LIMIT = Duration.ofMinutes(10);

	@Reference
	private ServiceCatalog catalog;

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
	private volatile ServiceComponentRuntime scr;

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
	private final Collection<ServiceFailureListener> listeners = new CopyOnWriteArrayList<>();

	private final List<ServiceFailure> failures = new CopyOnWriteArrayList<>();
	/** Failed service objects, refused from then on even before their unregistration lands. */
	private final Map<CustopsService, ServiceFailure> failed = new ConcurrentHashMap<>();
	/** The calls running now, by the guard thread running them: whose code a System.exit came from. */
	private final Map<Thread, InFlight> inFlight = new ConcurrentHashMap<>();
	private BundleContext context;
	private ExecutorService executor;
	private Duration limit;
	private Thread exitWatch;

	private record InFlight(CustopsService service, String operation) {
	}

	@Activate
	void activate(BundleContext bundleContext) {
		this.context = bundleContext;
		this.limit = parseLimit(System.getProperty(TIMEOUT_PROPERTY));
		AtomicInteger count = new AtomicInteger();
		ThreadFactory threads = r -> {
			Thread t = new Thread(r, "custops-service-call-" + count.incrementAndGet());
			t.setDaemon(true);
			return t;
		};
		executor = Executors.newCachedThreadPool(threads);
		exitWatch = new Thread(this::exitCalled, "custops-exit-watch");
		try {
			Runtime.getRuntime().addShutdownHook(exitWatch);
		} catch (IllegalStateException shuttingDown) {
			exitWatch = null;
		}
	}

	@Deactivate
	void deactivate() {
		executor.shutdownNow();
		if (exitWatch != null) {
			try {
				Runtime.getRuntime().removeShutdownHook(exitWatch);
			} catch (IllegalStateException shuttingDown) {
				// the hook runs or has run
			}
		}
	}

	/**
	 * A shutdown hook: when the JVM is ending because a service called {@code System.exit} (or
	 * {@code Runtime.exit}) inside a guarded call, that service is recorded as failed and
	 * disabled (for good: its plugin's record keeps it), the user is told, and the JVM ends with
	 * status 1, never 0, without waiting for other hooks that may wait for the very thread that
	 * called exit (the schedule daemon's would deadlock). Java has no way left to block the
	 * call itself; {@code Runtime.halt} bypasses every hook and cannot be caught at all.
	 */
	private void exitCalled() {
		for (Map.Entry<Thread, InFlight> e : inFlight.entrySet()) {
			if (!callsExit(e.getKey().getStackTrace())) {
				continue;
			}
			InFlight call = e.getValue();
			String[] message = { safeKind(call.service()) + " '" + safeId(call.service()) + "' called System.exit in "
					+ call.operation() + "; a plugin may not end the program" };
			// recording the failure touches SCR and the plugin record: bounded, the exit must not hang
			Thread record = new Thread(() -> {
				ServiceFailedException failed = fail(call.service(), call.operation(),
						"called System.exit (a plugin may not end the program)", false, null);
				message[0] = failed.getMessage();
			}, "custops-exit-record");
			record.setDaemon(true);
			record.start();
			try {
				record.join(10_000);
			} catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
			}
			System.out.flush();
			System.err.println("custops: " + message[0] + "; the command did not finish");
			System.err.flush();
			Runtime.getRuntime().halt(1);
		}
	}

	private static boolean callsExit(StackTraceElement[] stack) {
		for (StackTraceElement frame : stack) {
			String c = frame.getClassName();
			String m = frame.getMethodName();
			if ((c.equals("java.lang.Shutdown") || c.equals("java.lang.Runtime") || c.equals("java.lang.System"))
					&& m.equals("exit")) {
				return true;
			}
		}
		return false;
	}

	private static String safeKind(CustopsService service) {
		return kindOf(service).id();
	}

	static Duration parseLimit(String text) {
		if (text == null || text.isBlank()) {
			return DEFAULT_LIMIT;
		}
		String t = text.trim().toLowerCase(Locale.ROOT);
		try {
			long amount = Long.parseLong(t.substring(0, t.length() - 1));
			Duration d = switch (t.charAt(t.length() - 1)) {
			case 's' -> Duration.ofSeconds(amount);
			case 'm' -> Duration.ofMinutes(amount);
			case 'h' -> Duration.ofHours(amount);
			default -> null;
			};
			if (d != null && !d.isNegative() && !d.isZero()) {
				return d;
			}
		} catch (NumberFormatException | StringIndexOutOfBoundsException e) {
			// fall through to the default
		}
		System.err.println("custops: ignoring -D" + TIMEOUT_PROPERTY + "=" + text + " (use e.g. 90s, 10m, 1h)");
		return DEFAULT_LIMIT;
	}

	@Override
	public Duration defaultLimit() {
		return limit;
	}

	@Override
	public boolean hasFailed(CustopsService service) {
		return failed.containsKey(service);
	}

	@Override
	public List<ServiceFailure> failures() {
		return List.copyOf(failures);
	}

	@Override
	public <T> T call(CustopsService service, String operation, Duration timeLimit, Callable<T> work) {
		return guarded(service, operation, work, future -> {
			try {
				return future.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
			} catch (TimeoutException e) {
				throw new Overdue("did not finish within " + describe(timeLimit));
			}
		});
	}

	@Override
	public <T> T callWhileActive(CustopsService service, String operation, Duration idleLimit,
			java.util.function.LongSupplier progress, Callable<T> work) {
		long idleNanos = idleLimit.toNanos();
		long slice = Math.max(1, Math.min(idleLimit.toMillis(), 1_000));
		return guarded(service, operation, work, future -> {
			long seen = progress.getAsLong();
			long lastChange = System.nanoTime();
			while (true) {
				try {
					return future.get(slice, TimeUnit.MILLISECONDS);
				} catch (TimeoutException e) {
					long now = progress.getAsLong();
					if (now != seen) {
						seen = now;
						lastChange = System.nanoTime();
					} else if (System.nanoTime() - lastChange >= idleNanos) {
						throw new Overdue("made no progress for " + describe(idleLimit) + " (the limit is -D"
								+ TIMEOUT_PROPERTY + ")");
					}
				}
			}
		});
	}

	/** How a call waits for its work: the result, or {@link Overdue} with the reason. */
	private interface Wait<T> {
		T await(Future<T> future) throws InterruptedException, ExecutionException;
	}

	/** The work ran past its limit; the message says which. */
	private static final class Overdue extends RuntimeException {
		private static final long serialVersionUID = 1L;

		Overdue(String reason) {
			super(reason, null, false, false);
		}
	}

	/** Runs work on a guard thread, waiting as told; what went wrong is the service's failure or the user's. */
	private <T> T guarded(CustopsService service, String operation, Callable<T> work, Wait<T> wait) {
		ServiceFailure earlier = failed.get(service);
		if (earlier != null) {
			throw new ServiceFailedException(earlier, null);
		}
		Future<T> future = executor.submit(() -> {
			Thread self = Thread.currentThread();
			inFlight.put(self, new InFlight(service, operation));
			try {
				return work.call();
			} finally {
				inFlight.remove(self);
			}
		});
		try {
			return wait.await(future);
		} catch (Overdue e) {
			future.cancel(true);
			throw fail(service, operation, e.getMessage(), true, null);
		} catch (InterruptedException e) {
			future.cancel(true);
			Thread.currentThread().interrupt();
			throw new CancellationException("interrupted while waiting for " + operation);
		} catch (ExecutionException e) {
			Throwable cause = e.getCause();
			if (cause instanceof ParameterException || cause instanceof CancellationException
					|| cause instanceof io.custops.engine.AnalysisInputException
					|| cause instanceof java.util.NoSuchElementException
					|| cause instanceof io.custops.engine.sql.NoPushdownException) {
				throw (RuntimeException) cause;
			}
			if (cause instanceof ConnectorException ce) {
				throw new PassedThrough(ce);
			}
			if (cause instanceof ServiceGuard.SinkFailure own) {
				throw own;
			}
			throw fail(service, operation, describe(cause), false, cause);
		}
	}

	private static String describe(Duration d) {
		long s = d.toSeconds();
		return s % 60 == 0 && s >= 60 ? (s / 60) + " min" : s + " s";
	}

	private static String describe(Throwable t) {
		if (t instanceof InvalidResult) {
			return t.getMessage();
		}
		String where = "";
		for (StackTraceElement frame : t.getStackTrace()) {
			if (!frame.getClassName().startsWith("java.")) {
				where = " at " + frame.getClassName() + "." + frame.getMethodName() + "(" + frame.getFileName() + ":"
						+ frame.getLineNumber() + ")";
				break;
			}
		}
		String message = t.getMessage();
		return t.getClass().getName() + (message == null ? "" : ": " + message) + where;
	}

	private ServiceFailedException fail(CustopsService service, String operation, String reason, boolean timedOut,
			Throwable cause) {
		ServiceReference<?> ref = referenceOf(service);
		ServiceKind kind = kindOf(service);
		String id = safeId(service);
		Bundle bundle = ref == null ? null : ref.getBundle();
		String component = ref == null ? null : (String) ref.getProperty("component.name");
		boolean disabled = disable(bundle, component);
		ServiceFailure failure = new ServiceFailure(kind, id, bundle == null ? "?" : bundle.getSymbolicName(),
				bundle == null ? "?" : bundle.getVersion().toString(), component, operation, reason, timedOut,
				disabled, Instant.now());
		failed.put(service, failure);
		failures.add(failure);
		for (ServiceFailureListener listener : listeners) {
			try {
				listener.failed(failure);
			} catch (RuntimeException e) {
				// a listener's own trouble must not hide the failure it was told about
			}
		}
		return new ServiceFailedException(failure, cause);
	}

	private boolean disable(Bundle bundle, String component) {
		ServiceComponentRuntime runtime = scr;
		if (bundle == null || component == null || runtime == null) {
			return false;
		}
		ComponentDescriptionDTO description = runtime.getComponentDescriptionDTO(bundle, component);
		if (description == null) {
			return false;
		}
		try {
			// wait a little so that the caller's next look at the registry no longer sees it
			runtime.disableComponent(description).timeout(5_000).getValue();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		} catch (java.lang.reflect.InvocationTargetException e) {
			// disabling continues in the background
		}
		return true;
	}

	private ServiceReference<?> referenceOf(CustopsService service) {
		for (ServiceEntry entry : catalog.services()) {
			if (entry.service() == service) {
				try {
					ServiceReference<?>[] refs = context.getServiceReferences((String) null,
							"(service.id=" + entry.serviceId() + ")");
					return refs == null ? null : refs[0];
				} catch (InvalidSyntaxException e) {
					throw new IllegalStateException(e);
				}
			}
		}
		return null;
	}

	private static ServiceKind kindOf(CustopsService service) {
		List<ServiceKind> kinds = new ArrayList<>();
		for (ServiceKind kind : ServiceKind.values()) {
			if (kind.type().isInstance(service)) {
				kinds.add(kind);
			}
		}
		return kinds.isEmpty() ? ServiceKind.STRATEGY : kinds.get(0);
	}

	private static String safeId(CustopsService service) {
		try {
			return String.valueOf(service.id());
		} catch (RuntimeException | LinkageError e) {
			return "?";
		}
	}
}
