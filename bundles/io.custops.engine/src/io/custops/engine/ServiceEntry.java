package io.custops.engine;

import java.util.Objects;

import io.custops.core.spi.CustopsService;
import io.custops.core.spi.ServiceKind;

/** A registered CustOps service with where it comes from. */
public record ServiceEntry(ServiceKind kind, String id, CustopsService service, String bundle, String bundleVersion,
		long serviceId) {

	public ServiceEntry {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(service, "service");
	}
}
