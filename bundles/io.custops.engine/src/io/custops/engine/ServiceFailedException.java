package io.custops.engine;

import java.util.Objects;

/**
 * A service call went wrong in the service's own code (it threw, or ran past its time limit).
 * The service has been reported and, where possible, disabled; the caller carries on without it.
 */
public class ServiceFailedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient ServiceFailure failure;

	public ServiceFailedException(ServiceFailure failure, Throwable cause) {
		super(Objects.requireNonNull(failure, "failure").message(), cause);
		this.failure = failure;
	}

	public ServiceFailure failure() {
		return failure;
	}
}
