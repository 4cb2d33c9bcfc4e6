package io.custops.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

import io.custops.core.LocalizedText;
import io.custops.core.data.CustomerDataset;
import io.custops.core.param.ParameterException;
import io.custops.core.param.Parameters;
import io.custops.core.spi.AnalysisInput;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.Label;
import io.custops.core.spi.SegmentationStrategy;
import io.custops.core.spi.ServiceKind;
import io.custops.engine.Analyses;
import io.custops.engine.ServiceFailedException;
import io.custops.engine.ServiceFailure;
import io.custops.engine.ServiceFailureListener;
import io.custops.engine.ServiceGuard;

/** Services that throw or hang, called through the guard (directly and through Analyses). */
class ServiceGuardTest {

	private BundleContext context;
	private ServiceTracker<ServiceGuard, ServiceGuard> guards;
	private ServiceTracker<Analyses, Analyses> analysesTracker;
	private final List<ServiceRegistration<?>> registrations = new CopyOnWriteArrayList<>();
	private final List<ServiceFailure> heard = new CopyOnWriteArrayList<>();

	/** A strategy whose classify does what it is told. */
	private static final class Scripted implements SegmentationStrategy {
		private final String id;
		private final Runnable behaviour;

		Scripted(String id, Runnable behaviour) {
			this.id = id;
			this.behaviour = behaviour;
		}

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
			behaviour.run();
			return new CustomerClassification(labels(input.parameters()), new int[input.data().customerCount()], List.of(),
					Map.of());
		}
	}

	@BeforeEach
	void setUp() throws Exception {
		context = FrameworkUtil.getBundle(getClass()).getBundleContext();
		guards = new ServiceTracker<>(context, ServiceGuard.class, null);
		guards.open();
		analysesTracker = new ServiceTracker<>(context, Analyses.class, null);
		analysesTracker.open();
		assertNotNull(guards.waitForService(10_000));
		assertNotNull(analysesTracker.waitForService(10_000));
		registrations.add(context.registerService(ServiceFailureListener.class, heard::add, new Hashtable<>()));
	}

	@AfterEach
	void tearDown() {
		registrations.forEach(ServiceRegistration::unregister);
		guards.close();
		analysesTracker.close();
	}

	private Scripted register(Scripted s) {
		registrations.add(context.registerService(SegmentationStrategy.class, s, new Hashtable<>()));
		return s;
	}

	private static AnalysisInput input() {
		return new AnalysisInput(CustomerDataset.empty(), LocalDate.of(2026, 7, 1), Parameters.empty(), null);
	}

	@Test
	void aServiceThatThrowsIsReportedAndRefusedFromThenOn() {
		Scripted s = register(new Scripted("guard-throws", () -> {
			throw new IllegalStateException("bad data structure");
		}));
		ServiceGuard guard = guards.getService();
		ServiceFailedException e = assertThrows(ServiceFailedException.class, () -> guard.classify(s, input()));
		ServiceFailure f = e.failure();
		assertEquals(ServiceKind.STRATEGY, f.kind());
		assertEquals("guard-throws", f.serviceId());
		assertEquals("classify", f.operation());
		assertFalse(f.timedOut());
		assertFalse(f.disabled(), "registered by hand, not a DS component: nothing to disable");
		assertTrue(f.reason().startsWith("java.lang.IllegalStateException: bad data structure at "), f.reason());
		assertTrue(e.getMessage().startsWith("strategy 'guard-throws' (bundle io.custops.engine.tests) failed in classify: "),
				e.getMessage());
		assertTrue(guard.hasFailed(s));
		assertTrue(guard.failures().contains(f));
		assertEquals(List.of(f), heard.stream().filter(h -> h.serviceId().equals("guard-throws")).toList());
		ServiceFailedException again = assertThrows(ServiceFailedException.class, () -> guard.classify(s, input()));
		assertSame(f, again.failure(), "refused at once, without calling it again");
	}

	@Test
	void aServiceThatHangsIsLeftBehindAfterItsTimeLimit() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		Scripted s = register(new Scripted("guard-hangs", () -> {
			long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (release.getCount() > 0 && System.nanoTime() < end) {
				try {
					release.await(1, TimeUnit.SECONDS);
				} catch (InterruptedException e) {
					// deaf to interrupts, like a real hang
				}
			}
		}));
		ServiceGuard guard = guards.getService();
		ServiceFailedException e = assertThrows(ServiceFailedException.class,
				() -> guard.call(s, "classify", Duration.ofMillis(300), () -> s.classify(input())));
		release.countDown();
		assertTrue(e.failure().timedOut());
		assertEquals("did not finish within 0 s", e.failure().reason().replace("0.3", "0"));
		assertTrue(e.getMessage().contains("hung in classify"), e.getMessage());
	}

	@Test
	void workThatKeepsProgressingOutlivesTheLimitAndWorkThatStopsDoesNot() throws Exception {
		Scripted busy = register(new Scripted("guard-busy", () -> {
		}));
		ServiceGuard guard = guards.getService();
		java.util.concurrent.atomic.AtomicLong rows = new java.util.concurrent.atomic.AtomicLong();
		// 1.2 s of work, a row every 50 ms, against an idle limit of 300 ms: it finishes
		String done = guard.callWhileActive(busy, "read", Duration.ofMillis(300), rows::get, () -> {
			for (int i = 0; i < 24; i++) {
				Thread.sleep(50);
				rows.incrementAndGet();
			}
			return "read";
		});
		assertEquals("read", done);
		assertEquals(24, rows.get());
		assertFalse(guard.hasFailed(busy));

		Scripted stalls = register(new Scripted("guard-stalls", () -> {
		}));
		CountDownLatch release = new CountDownLatch(1);
		ServiceFailedException e = assertThrows(ServiceFailedException.class,
				() -> guard.callWhileActive(stalls, "read", Duration.ofMillis(300), rows::get, () -> {
					rows.incrementAndGet();
					release.await(30, TimeUnit.SECONDS); // no rows any more
					return null;
				}));
		release.countDown();
		assertTrue(e.failure().timedOut());
		assertTrue(e.failure().reason().startsWith("made no progress for "), e.failure().reason());
		assertTrue(e.failure().reason().contains("custops.service.timeout"), e.failure().reason());
	}

	@Test
	void theUsersMistakesPassThroughAndDisableNothing() {
		Scripted s = register(new Scripted("guard-user-error", () -> {
			throw new ParameterException("window", "must be below 365");
		}));
		ServiceGuard guard = guards.getService();
		ParameterException e = assertThrows(ParameterException.class, () -> guard.classify(s, input()));
		assertEquals("parameter 'window': must be below 365", e.getMessage());
		assertFalse(guard.hasFailed(s));
	}

	@Test
	void analysesRunThroughTheGuard() {
		Scripted s = register(new Scripted("guard-through-analyses", () -> {
			throw new UnsupportedOperationException("not yet");
		}));
		Analyses analyses = analysesTracker.getService();
		ServiceFailedException e = assertThrows(ServiceFailedException.class,
				() -> analyses.run(s, CustomerDataset.empty(), LocalDate.of(2026, 7, 1), Parameters.empty(), null));
		assertEquals("guard-through-analyses", e.failure().serviceId());
		assertTrue(guards.getService().hasFailed(s));
	}

	/** A strategy over one customer whose classify returns this label index for it. */
	private static final class BadIndex implements SegmentationStrategy {
		private final int index;

		BadIndex(int index) {
			this.index = index;
		}

		@Override
		public String id() {
			return "guard-bad-index-" + index;
		}

		@Override
		public LocalizedText name() {
			return LocalizedText.of(id());
		}

		@Override
		public List<Label> labels(Parameters parameters) {
			return List.of(Label.of("a", "A", "A"), Label.of("b", "B", "B"));
		}

		@Override
		public CustomerClassification classify(AnalysisInput input) {
			return new CustomerClassification(labels(input.parameters()), new int[] { index }, List.of(), Map.of());
		}
	}

	@Test
	void aBadLabelIndexIsRefusedNamingThePlugin() {
		io.custops.core.data.CustomerDatasetBuilder b = CustomerDataset.builder(java.time.ZoneOffset.UTC);
		b.order("C1", CustomerDataset.localSeconds(java.time.LocalDateTime.of(2026, 1, 5, 10, 0)), 100,
				io.custops.core.data.OrderStatus.PAID, 1, 0, "app");
		CustomerDataset one = b.build();
		ServiceGuard guard = guards.getService();
		for (int index : new int[] { 2, -2, 7 }) {
			BadIndex s = new BadIndex(index);
			registrations.add(context.registerService(SegmentationStrategy.class, s, new Hashtable<>()));
			ServiceFailedException e = assertThrows(ServiceFailedException.class,
					() -> guard.classify(s, new AnalysisInput(one, LocalDate.of(2026, 7, 1), Parameters.empty(), null)));
			assertEquals("strategy 'guard-bad-index-" + index + "' (bundle io.custops.engine.tests) failed in classify: returned the label index "
					+ index + " for customer #0, but declares 2 labels (indexes 0 to 1, or -1 for none)",
					e.getMessage().replaceFirst("; it .*$", ""), e.getMessage());
			assertTrue(guard.hasFailed(s));
		}
		BadIndex good = new BadIndex(1);
		registrations.add(context.registerService(SegmentationStrategy.class, good, new Hashtable<>()));
		assertEquals(1, guard.classify(good, new AnalysisInput(one, LocalDate.of(2026, 7, 1), Parameters.empty(), null))
				.labelIndexes()[0]);
	}

	@Test
	void anInputErrorOfAnAnalysisDisablesNothing() {
		Scripted s = register(new Scripted("guard-input-error", () -> {
			throw new io.custops.engine.AnalysisInputException("the workspace has no orders before 2026-07-01");
		}));
		ServiceGuard guard = guards.getService();
		assertThrows(io.custops.engine.AnalysisInputException.class, () -> guard.classify(s, input()));
		assertFalse(guard.hasFailed(s));
	}
}
