package io.custops.store.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.custops.core.spi.DataConnector;
import io.custops.engine.ServiceGuard;

/**
 * The one place where imports are guarded: every {@code importFacts} of every workspace, from
 * the command line, the workbench or a scheduled job, calls its connector through the
 * {@link ServiceGuard} (a connector's own "bad file" exceptions reach the user unchanged; a hang
 * or an unexpected exception disables the connector). Without the engine (a test of the store
 * alone) connectors are called directly.
 */
@Component(immediate = true, service = ImportGuard.class)
public class ImportGuard {

	private static volatile ServiceGuard current;

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
	void setGuard(ServiceGuard guard) {
		current = guard;
	}

	void unsetGuard(ServiceGuard guard) {
		if (current == guard) {
			current = null;
		}
	}

	static DataConnector guarded(DataConnector connector) {
		ServiceGuard guard = current;
		return guard == null ? connector : guard.guarded(connector);
	}
}
