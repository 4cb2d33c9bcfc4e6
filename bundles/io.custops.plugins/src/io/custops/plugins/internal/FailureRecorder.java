package io.custops.plugins.internal;

import java.io.IOException;

import org.osgi.service.component.annotations.Component;

import io.custops.engine.ServiceFailure;
import io.custops.engine.ServiceFailureListener;

/**
 * Remembers which components of installed plugins the {@link io.custops.engine.ServiceGuard}
 * disabled, in the plugin record, so that they stay disabled in every process (the workbench,
 * later commands) until the plugin is installed again. Built-in services are disabled for the
 * running process only. Kept apart from the plugin manager: the guard calls this listener, and
 * the manager calls the guard.
 */
@Component(service = ServiceFailureListener.class)
public class FailureRecorder implements ServiceFailureListener {

	@Override
	public void failed(ServiceFailure failure) {
		if (failure.component() == null || !failure.disabled()) {
			return;
		}
		PluginHome home = PluginHome.fromEnvironment();
		try (PluginHome.Lock lock = home.lock()) {
			PluginState state = home.load();
			if (state.ownerOf(failure.bundle()) == null) {
				return;
			}
			state.disabled().put(failure.bundle() + "/" + failure.component(), failure.message());
			home.save(state);
		} catch (IOException | RuntimeException e) {
			System.err.println("custops: cannot record that " + failure.message() + ": " + e.getMessage());
		}
	}
}
