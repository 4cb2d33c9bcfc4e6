package io.custops.engine.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.custops.core.spi.CustopsService;
import io.custops.core.spi.DataConnector;
import io.custops.core.spi.LifecycleModel;
import io.custops.core.spi.ReportTemplate;
import io.custops.core.spi.SegmentationStrategy;
import io.custops.core.spi.ServiceKind;
import io.custops.engine.ServiceCatalog;
import io.custops.engine.ServiceEntry;

/** Keeps the services of the four kinds through dynamic, greedy DS references. */
@Component(service = ServiceCatalog.class)
public class RegistryServiceCatalog implements ServiceCatalog {

	private final ConcurrentHashMap<Long, ServiceEntry> entries = new ConcurrentHashMap<>();
	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

	/** Bundle id by service id: of services sharing an id, the earliest installed bundle's comes first. */
	private final ConcurrentHashMap<Long, Long> bundleOf = new ConcurrentHashMap<>();

	private final Comparator<ServiceEntry> order = Comparator.comparing(ServiceEntry::kind)
			.thenComparing(ServiceEntry::id)
			.thenComparingLong(e -> bundleOf.getOrDefault(e.serviceId(), Long.MAX_VALUE))
			.thenComparingLong(ServiceEntry::serviceId);

	@Override
	public List<ServiceEntry> services() {
		List<ServiceEntry> list = new ArrayList<>(entries.values());
		list.sort(order);
		return list;
	}

	@Override
	public void addListener(Runnable listener) {
		listeners.add(listener);
	}

	@Override
	public void removeListener(Runnable listener) {
		listeners.remove(listener);
	}

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
	void addConnector(DataConnector service, ServiceReference<DataConnector> ref) {
		add(ServiceKind.CONNECTOR, service, ref);
	}

	void removeConnector(ServiceReference<DataConnector> ref) {
		remove(ref);
	}

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
	void addStrategy(SegmentationStrategy service, ServiceReference<SegmentationStrategy> ref) {
		add(ServiceKind.STRATEGY, service, ref);
	}

	void removeStrategy(ServiceReference<SegmentationStrategy> ref) {
		remove(ref);
	}

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
	void addModel(LifecycleModel service, ServiceReference<LifecycleModel> ref) {
		add(ServiceKind.MODEL, service, ref);
	}

	void removeModel(ServiceReference<LifecycleModel> ref) {
		remove(ref);
	}

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
	void addTemplate(ReportTemplate service, ServiceReference<ReportTemplate> ref) {
		add(ServiceKind.TEMPLATE, service, ref);
	}

	void removeTemplate(ServiceReference<ReportTemplate> ref) {
		remove(ref);
	}

	private void add(ServiceKind kind, CustopsService service, ServiceReference<?> ref) {
		Bundle bundle = ref.getBundle();
		long serviceId = (Long) ref.getProperty("service.id");
		String id;
		try {
			id = service.id();
		} catch (RuntimeException e) {
			// a plugin's broken id() must not take the catalog down with it
			id = "<broken:" + serviceId + ">";
		}
		if (bundle != null) {
			bundleOf.put(serviceId, bundle.getBundleId());
		}
		entries.put(serviceId, new ServiceEntry(kind, id, service, bundle == null ? "?" : bundle.getSymbolicName(),
				bundle == null ? "?" : bundle.getVersion().toString(), serviceId));
		fire();
	}

	private void remove(ServiceReference<?> ref) {
		bundleOf.remove((Long) ref.getProperty("service.id"));
		if (entries.remove((Long) ref.getProperty("service.id")) != null) {
			fire();
		}
	}

	private void fire() {
		for (Runnable listener : listeners) {
			try {
				listener.run();
			} catch (RuntimeException e) {
				// one listener's failure does not stop the others
			}
		}
	}
}
