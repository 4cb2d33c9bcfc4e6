package io.custops.engine;

import java.time.Instant;
import java.util.Objects;

import io.custops.core.spi.ServiceKind;

/**
 * A service that threw or did not finish in time when it was called through the
 * {@link ServiceGuard}, and what was done about it.
 *
 * @param kind          the kind of the service
 * @param serviceId     the service's {@code id()}, or {@code ?} when even that failed
 * @param bundle        the symbolic name of the bundle that registered it
 * @param bundleVersion that bundle's version
 * @param component     the DS component name, or {@code null} when the service is not a DS component
 * @param operation     what was called: {@code classify}, {@code read}, {@code prepare}, {@code name}…
 * @param reason        what went wrong, in plain words
 * @param timedOut      whether the call ran past its time limit (rather than throwing)
 * @param disabled      whether the component was disabled (its service left the registry)
 * @param time          when it happened
 */
public record ServiceFailure(ServiceKind kind, String serviceId, String bundle, String bundleVersion, String component,
		String operation, String reason, boolean timedOut, boolean disabled, Instant time) {

	public ServiceFailure {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(serviceId, "serviceId");
		Objects.requireNonNull(operation, "operation");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(time, "time");
	}

	/** One line for people: {@code strategy 'x' (bundle b) failed in classify: reason; it has been disabled}. */
	public String message() {
		return kind.id() + " '" + serviceId + "' (bundle " + bundle + ") " + (timedOut ? "hung in " : "failed in ")
				+ operation + ": " + reason + (disabled ? "; it has been disabled" : "");
	}
}
