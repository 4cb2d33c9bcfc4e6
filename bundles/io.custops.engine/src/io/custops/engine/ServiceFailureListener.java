package io.custops.engine;

/**
 * Hears of every {@link ServiceFailure} the {@link ServiceGuard} records. Register an
 * implementation as an OSGi service (whiteboard); it is called on the thread that made the
 * failed call, so it must be quick and must not throw.
 */
public interface ServiceFailureListener {

	void failed(ServiceFailure failure);
}
