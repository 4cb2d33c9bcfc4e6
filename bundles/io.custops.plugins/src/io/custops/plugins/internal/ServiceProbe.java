package io.custops.plugins.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

import io.custops.core.data.CustomerDataset;
import io.custops.core.data.CustomerDatasetBuilder;
import io.custops.core.data.OrderStatus;
import io.custops.core.param.ParameterSpec;
import io.custops.core.param.Parameters;
import io.custops.core.spi.AnalysisInput;
import io.custops.core.spi.CustomerAnalysis;
import io.custops.core.spi.CustopsService;
import io.custops.core.spi.ServiceKind;
import io.custops.engine.ServiceFailedException;
import io.custops.engine.ServiceGuard;

/**
 * Tries the services of freshly installed bundles once, through the {@link ServiceGuard}: each
 * must describe itself (id, name, parameters), and each strategy or model must classify a small
 * made-up shop with its default parameters. A service that throws or hangs is disabled by the
 * guard and reported; one whose component cannot even be created is disabled here.
 */
final class ServiceProbe {

	static final String TIMEOUT_PROPERTY = "custops.plugin.checkTimeout";

	private final BundleContext context;
	private final ServiceGuard guard;
	private final ServiceComponentRuntime scr;
	private final Duration limit;

	ServiceProbe(BundleContext context, ServiceGuard guard, ServiceComponentRuntime scr) {
		this.context = context;
		this.guard = guard;
		this.scr = scr;
		Duration d = Duration.ofSeconds(10);
		String p = System.getProperty(TIMEOUT_PROPERTY);
		if (p != null) {
			try {
				d = Duration.ofSeconds(Long.parseLong(p.trim().replaceAll("s$", "")));
			} catch (NumberFormatException e) {
				// keep the default
			}
		}
		this.limit = d;
	}

	/** @return one sentence per service that failed and was disabled */
	List<String> check(List<Bundle> bundles) {
		List<String> warnings = new ArrayList<>();
		for (Bundle bundle : bundles) {
			warnings.addAll(componentsThatFailed(bundle));
			ServiceReference<?>[] refs = bundle.getRegisteredServices();
			if (refs == null) {
				continue;
			}
			for (ServiceReference<?> ref : refs) {
				if (!isCustopsService(ref)) {
					continue;
				}
				Object object = context.getService(ref);
				try {
					if (object == null) {
						String component = (String) ref.getProperty("component.name");
						disable(bundle, component);
						warnings.add("component " + component + " of bundle " + bundle.getSymbolicName()
								+ " could not be created (its constructor or activate method failed); it has been disabled");
						continue;
					}
					if (object instanceof CustopsService service) {
						probe(service, ref.getBundle());
					}
				} catch (ServiceFailedException e) {
					warnings.add(e.getMessage());
				} finally {
					if (ref.getBundle() != null) {
						context.ungetService(ref);
					}
				}
			}
		}
		return warnings;
	}

	private void probe(CustopsService service, Bundle own) {
		List<ParameterSpec> specs = guard.call(service, "describing itself", limit, () -> {
			String owner = ownerOfId(service, own);
			if (owner != null) {
				throw new ServiceGuard.InvalidResult("has the id '" + service.id() + "', which belongs to " + owner
						+ "; a plugin cannot take over an id: give the service an id of its own");
			}
			service.name();
			service.description();
			return service.parameters();
		});
		if (service instanceof CustomerAnalysis analysis && specs.stream().noneMatch(ParameterSpec::required)) {
			guard.call(service, "classify (a check on a small made-up shop)", limit, () -> {
				Parameters parameters = Parameters.resolve(specs, Map.of());
				analysis.labels(parameters);
				CustomerDataset sample = sample();
				var result = analysis.classify(new AnalysisInput(sample, LocalDate.of(2026, 7, 1), parameters, null));
				String problem = result == null ? "returned no result" : result.problem(sample.customerCount());
				if (problem != null) {
					throw new ServiceGuard.InvalidResult(problem);
				}
				return result;
			});
		}
	}

	/** Components of the bundle that SCR could not satisfy because they failed to activate. */
	private List<String> componentsThatFailed(Bundle bundle) {
		List<String> result = new ArrayList<>();
		if (scr == null) {
			return result;
		}
		for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs(bundle)) {
			for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
				if (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
					scr.disableComponent(d);
					result.add("component " + d.name + " of bundle " + bundle.getSymbolicName() + " failed to activate ("
							+ c.failure + "); it has been disabled");
				}
			}
		}
		return result;
	}

	private void disable(Bundle bundle, String component) {
		if (scr == null || component == null) {
			return;
		}
		ComponentDescriptionDTO d = scr.getComponentDescriptionDTO(bundle, component);
		if (d != null) {
			scr.disableComponent(d);
		}
	}

	/**
	 * The service of another bundle, of a kind this one has, that already has its id ("the
	 * strategy of bundle io.custops.segmentation.rfm"), or null: the first bundle keeps an id.
	 */
	private String ownerOfId(CustopsService service, Bundle own) {
		String id = service.id();
		for (ServiceKind kind : ServiceKind.values()) {
			if (!kind.type().isInstance(service)) {
				continue;
			}
			ServiceReference<?>[] refs;
			try {
				refs = context.getServiceReferences(kind.type().getName(), null);
			} catch (org.osgi.framework.InvalidSyntaxException e) {
				throw new IllegalStateException(e);
			}
			for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
				Bundle other = ref.getBundle();
				if (other == null || (own != null && other.getBundleId() == own.getBundleId())
						|| (own != null && other.getBundleId() > own.getBundleId())) {
					continue;
				}
				Object o = context.getService(ref);
				try {
					if (o instanceof CustopsService s && s != service && id.equals(guard.call(s, "describing itself",
							limit, s::id))) {
						return "the " + kind.id() + " of bundle " + other.getSymbolicName() + " " + other.getVersion();
					}
				} catch (RuntimeException e) {
					// a broken service elsewhere owns nothing
				} finally {
					context.ungetService(ref);
				}
			}
		}
		return null;
	}

	static boolean isCustopsService(ServiceReference<?> ref) {
		Object classes = ref.getProperty("objectClass");
		if (classes instanceof String[] names) {
			for (String name : names) {
				for (ServiceKind kind : ServiceKind.values()) {
					if (kind.type().getName().equals(name)) {
						return true;
					}
				}
			}
		}
		return false;
	}

	/** Four customers of a made-up shop: a regular, a one-time buyer, one who never paid, one with a refund. */
	static CustomerDataset sample() {
		CustomerDatasetBuilder b = CustomerDataset.builder(ZoneOffset.UTC);
		long day = 86_400;
		long start = CustomerDataset.localSeconds(LocalDateTime.of(2026, 1, 5, 10, 0));
		for (int i = 0; i < 5; i++) {
			b.order("C1", start + i * 30 * day, 12_900 + i * 100, OrderStatus.PAID, 1, 30, "app");
		}
		b.order("C2", start + 40 * day, 5_000, OrderStatus.PAID, 2, 0, "web");
		b.order("C3", start + 60 * day, 9_900, OrderStatus.UNPAID, 1, 0, null);
		b.order("C4", start + 10 * day, 20_000, OrderStatus.PAID, 1, 60, "app");
		b.order("C4", start + 20 * day, 20_000, OrderStatus.REFUNDED, 1, 60, "app");
		b.attribute("C3", "province", "浙江");
		b.event("C3", start + 59 * day, "view_item", "s1", "app");
		return b.build();
	}
}
