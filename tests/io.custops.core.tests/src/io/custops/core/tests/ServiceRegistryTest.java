package io.custops.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import io.custops.core.spi.DataConnector;
import io.custops.core.spi.LifecycleModel;
import io.custops.core.spi.ReportTemplate;
import io.custops.core.spi.SegmentationStrategy;
import io.custops.core.spi.ServiceKind;
import io.custops.engine.ServiceCatalog;
import io.custops.engine.ServiceEntry;

/** The DS wiring, proven in a running framework: services are found, and they come and go with their bundle. */
class ServiceRegistryTest {

	private static final String FIXTURES = "io.custops.testing.fixtures";

	private BundleContext context;
	private ServiceTracker<ServiceCatalog, ServiceCatalog> tracker;
	private ServiceCatalog catalog;

	@BeforeEach
	void setUp() throws Exception {
		context = FrameworkUtil.getBundle(getClass()).getBundleContext();
		fixtures().start();
		tracker = new ServiceTracker<>(context, ServiceCatalog.class, null);
		tracker.open();
		catalog = tracker.waitForService(10_000);
		assertNotNull(catalog, "the service catalog of io.custops.engine is registered by SCR");
	}

	@AfterEach
	void tearDown() throws Exception {
		fixtures().start();
		tracker.close();
	}

	private Bundle fixtures() {
		return Arrays.stream(context.getBundles()).filter(b -> FIXTURES.equals(b.getSymbolicName())).findFirst()
				.orElseThrow();
	}

	@Test
	void eachKindIsFoundThroughTheRegistry() throws Exception {
		for (Class<?> type : List.of(DataConnector.class, SegmentationStrategy.class, LifecycleModel.class,
				ReportTemplate.class)) {
			assertTrue(context.getServiceReferences(type.getName(), null).length > 0, type.getSimpleName());
		}
		assertEquals(List.of("fixture-connector", "fixture-strategy", "fixture-model", "fixture-template"),
				catalog.services().stream().filter(e -> e.bundle().equals(FIXTURES)).map(ServiceEntry::id).toList());
		ServiceEntry strategy = catalog.services(ServiceKind.STRATEGY).stream()
				.filter(e -> e.id().equals("fixture-strategy")).findFirst().orElseThrow();
		assertEquals(fixtures().getVersion().toString(), strategy.bundleVersion());
		assertTrue(catalog.find(ServiceKind.MODEL, LifecycleModel.class, "fixture-model").isPresent());
	}

	@Test
	void servicesGoWhenTheirBundleStopsAndComeBackWhenItStarts() throws Exception {
		CountDownLatch changed = new CountDownLatch(4);
		Runnable listener = changed::countDown;
		catalog.addListener(listener);
		try {
			fixtures().stop();
			assertTrue(changed.await(10, TimeUnit.SECONDS), "the catalog heard of four services leaving");
			assertTrue(catalog.services().stream().noneMatch(e -> e.bundle().equals(FIXTURES)));
			assertTrue(catalog.find(ServiceKind.CONNECTOR, DataConnector.class, "fixture-connector").isEmpty());

			fixtures().start();
			long deadline = System.currentTimeMillis() + 10_000;
			while (catalog.services().stream().filter(e -> e.bundle().equals(FIXTURES)).count() < 4
					&& System.currentTimeMillis() < deadline) {
				Thread.sleep(20);
			}
			assertEquals(4, catalog.services().stream().filter(e -> e.bundle().equals(FIXTURES)).count());
		} finally {
			catalog.removeListener(listener);
		}
	}
}
