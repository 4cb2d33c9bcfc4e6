package io.custops.engine;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.custops.core.spi.CustopsService;
import io.custops.core.spi.ServiceKind;

/**
 * The CustOps services registered right now, of all four kinds, as the command line and the
 * workbench list them. Follows the service registry: a bundle stopped or installed changes it
 * at once, and listeners hear of it.
 */
@ProviderType
public interface ServiceCatalog {

	/** All services, ordered by kind, then id. */
	List<ServiceEntry> services();

	default List<ServiceEntry> services(ServiceKind kind) {
		return services().stream().filter(e -> e.kind() == kind).toList();
	}

	/**
	 * The service of a kind with an id; when several share it, the one of the earliest installed
	 * bundle (a built-in before any plugin), so that a plugin cannot take over a built-in's id.
	 */
	default <T extends CustopsService> Optional<T> find(ServiceKind kind, Class<T> type, String id) {
		return services(kind).stream().filter(e -> e.id().equals(id)).map(e -> type.cast(e.service())).findFirst();
	}

	/** Called (on a registry thread) after every change. */
	void addListener(Runnable listener);

	void removeListener(Runnable listener);
}
