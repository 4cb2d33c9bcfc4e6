package io.custops.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.util.tracker.ServiceTracker;

import io.custops.core.LocalizedText;
import io.custops.core.spi.Label;
import io.custops.core.param.Parameters;
import io.custops.core.spi.AnalysisInput;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.SegmentationStrategy;
import io.custops.core.spi.ServiceKind;
import io.custops.engine.ServiceCatalog;
import io.custops.engine.ServiceGuard;

/**
 * Issue 22: a plugin cannot take over an id. The catalog answers an id with the earliest
 * installed bundle's service, and the install check disables a newcomer's service whose id is
 * taken, naming the bundle that owns it.
 */
class ServiceIdTest {

	@TempDir
	Path dir;

	private static <T> T service(BundleContext context, Class<T> type) throws InterruptedException {
		ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
		tracker.open();
		T t = tracker.waitForService(10_000);
		assertNotNull(t, type.getName());
		return t;
	}

	private static SegmentationStrategy strategy(String id) {
		return new SegmentationStrategy() {
			@Override
			public String id() {
				return id;
			}

			@Override
			public LocalizedText name() {
				return LocalizedText.of(id);
			}

			@Override
			public List<Label> labels(Parameters parameters) {
				return List.of(Label.of("all", "All", "全部"));
			}

			@Override
			public CustomerClassification classify(AnalysisInput input) {
				return new CustomerClassification(labels(input.parameters()), new int[input.data().customerCount()],
						List.of(), Map.of());
			}
		};
	}

	@Test
	void theEarliestBundleKeepsAnIdAndANewcomerIsDisabledNamingTheOwner() throws Exception {
		BundleContext context = FrameworkUtil.getBundle(ServiceIdTest.class).getBundleContext();
		for (Bundle b : context.getBundles()) {
			if (List.of("io.custops.engine", "io.custops.plugins").contains(b.getSymbolicName())) {
				b.start();
			}
		}
		Bundle newcomer = context.installBundle(
				Jars.bundle(dir.resolve("taker.jar"), "com.example.taker", "1.0.0").toUri().toString());
		try {
			newcomer.start();
			// the newcomer registers first (a lower service id), the older bundle second
			SegmentationStrategy taker = strategy("dup-id");
			SegmentationStrategy owner = strategy("dup-id");
			ServiceRegistration<?> r1 = newcomer.getBundleContext().registerService(SegmentationStrategy.class, taker,
					new Hashtable<>());
			ServiceRegistration<?> r2 = context.registerService(SegmentationStrategy.class, owner, new Hashtable<>());
			try {
				ServiceCatalog catalog = service(context, ServiceCatalog.class);
				assertSame(owner, catalog.find(ServiceKind.STRATEGY, SegmentationStrategy.class, "dup-id").orElseThrow(),
						"the id is answered by the earliest installed bundle's service");
				ServiceGuard guard = service(context, ServiceGuard.class);
				List<String> warnings = new ServiceProbe(context, guard, service(context, ServiceComponentRuntime.class))
						.check(List.of(newcomer));
				assertEquals(1, warnings.size(), warnings.toString());
				assertTrue(warnings.get(0).startsWith("strategy 'dup-id' (bundle com.example.taker) failed in describing itself: has the id 'dup-id', which belongs to the strategy of bundle "
						+ context.getBundle().getSymbolicName() + " "), warnings.get(0));
				assertTrue(guard.hasFailed(taker));
				assertTrue(!guard.hasFailed(owner));
			} finally {
				r1.unregister();
				r2.unregister();
			}
		} finally {
			newcomer.uninstall();
		}
	}
}
