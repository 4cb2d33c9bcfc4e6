package io.custops.source.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.core.data.FactKind;
import io.custops.core.param.Parameters;
import io.custops.core.spi.CustomerAnalysis;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.DataConnector;
import io.custops.core.spi.ResultColumn;
import io.custops.core.spi.ServiceKind;
import io.custops.engine.Analyses;
import io.custops.engine.Campaign;
import io.custops.engine.CampaignRoi;
import io.custops.engine.ConversionResult;
import io.custops.engine.FunnelAnalysis;
import io.custops.engine.FunnelResult;
import io.custops.engine.PathAnalysis;
import io.custops.engine.PathResult;
import io.custops.engine.sql.PathQuery;
import io.custops.engine.sql.FunnelQuery;
import io.custops.engine.RoiResult;
import io.custops.engine.sql.RoiQuery;
import io.custops.source.Upload;
import io.custops.engine.ServiceCatalog;
import io.custops.engine.TierConversion;
import io.custops.engine.sql.ConversionQuery;
import io.custops.engine.sql.NoPushdownException;
import io.custops.source.PushdownRun;
import io.custops.source.PushdownUnsupportedException;
import io.custops.source.SourceRuntime;
import io.custops.store.Workspace;
import io.custops.store.WorkspaceManager;

/**
 * The same analyses in memory and inside each engine, on the same generated shop, compared
 * customer by customer: every label and every column's text, the customer count and the summary.
 * The shop is imported into a workspace by the csv connector (as a user would) and loaded into
 * each engine from the same files.
 */
class EqualityTest {

	static final List<LocalDate> DATES = List.of(LocalDate.of(2025, 9, 15), LocalDate.of(2026, 3, 1),
			LocalDate.of(2026, 7, 1));

	static Path work;
	static Workspace workspace;
	static CustomerDataset data;
	static List<EngineUnderTest> engines;
	static final Map<String, Long> LOAD_MILLIS = new LinkedHashMap<>();
	static final List<String> TIMINGS = new ArrayList<>();

	@BeforeAll
	static void shop() throws Exception {
		work = Files.createTempDirectory("equality");
		Shop shop = Shop.write(work);
		workspace = Services.get(WorkspaceManager.class).open(work.resolve("workspace"));
		DataConnector csv = Services.get(ServiceCatalog.class).find(ServiceKind.CONNECTOR, DataConnector.class, "csv")
				.orElseThrow();
		workspace.importFacts(csv, FactKind.CUSTOMERS, Optional.of(shop.customers), Map.of(), ProgressMonitor.NULL);
		workspace.importFacts(csv, FactKind.ORDERS, Optional.of(shop.orders), Map.of(), ProgressMonitor.NULL);
		workspace.importFacts(csv, FactKind.EVENTS, Optional.of(shop.events), Map.of(), ProgressMonitor.NULL);
		data = workspace.dataset();
		assertTrue(data.customerCount() > 19_000, "customers: " + data.customerCount());
		engines = EngineUnderTest.selected(work);
		for (EngineUnderTest engine : engines) {
			long t = System.nanoTime();
			engine.load(shop);
			LOAD_MILLIS.put(engine.name, (System.nanoTime() - t) / 1_000_000);
		}
		System.out.printf("equality shop: %d customers, %d orders, %d events; loaded %s (ms)%n", data.customerCount(),
				shop.orderRows, shop.eventRows, LOAD_MILLIS);
	}

	/**
	 * Whether the suite runs this analysis's cases: {@code CUSTOPS_TEST_ANALYSES} (a comma list of
	 * rfm, tiers, stages, conversion, roi, funnel, paths) narrows it, as CUSTOPS_TEST_ENGINES
	 * narrows the engines; unset, all run.
	 */
	static boolean selected(String analysis) {
		String list = System.getenv("CUSTOPS_TEST_ANALYSES");
		return list == null || list.isBlank() || List.of(list.strip().split("\\s*,\\s*")).contains(analysis);
	}

	/** A run's time, printed at once (the suite runs for minutes) and again in the summary. */
	static void timing(String line) {
		System.out.println(line);
		TIMINGS.add(line);
	}

	/** A case whose failure is printed when it happens, not only in the report at the end. */
	static DynamicTest live(String name, org.junit.jupiter.api.function.Executable body) {
		return DynamicTest.dynamicTest(name, () -> {
			try {
				body.execute();
			} catch (Throwable t) {
				System.out.println("FAILED " + name + ": " + t);
				throw t;
			}
		});
	}

	@AfterAll
	static void close() {
		TIMINGS.forEach(System.out::println);
		if (workspace != null) {
			workspace.close();
		}
	}

	@TestFactory
	Stream<DynamicTest> rfm() {
		// per-dimension scoring (issue 17): frequency by thresholds beside recency and monetary quintiles
		// (HSQLDB refuses by name, it has no RANK()), and everything fixed but recency
		return cases(ServiceKind.STRATEGY, "rfm", List.of(Map.of(), Map.of("segmentMap", "cn8"),
				Map.of("scoring", "fixed", "monetaryThresholds", "20,100,300,800.50"),
				Map.of("scoring.f", "fixed", "frequencyThresholds", "2,3,5,10"),
				Map.of("scoring", "fixed", "scoring.r", "quantile", "recencyThresholds", "7,30,90,400")));
	}

	@TestFactory
	Stream<DynamicTest> tiers() {
		return cases(ServiceKind.STRATEGY, "tiers",
				List.of(Map.of(), Map.of("basis", "orders", "levels", "one:1,two:2,many:4", "windowDays", "0")));
	}

	@TestFactory
	Stream<DynamicTest> stages() {
		return cases(ServiceKind.MODEL, "stages", List.of(Map.of(), Map.of("usageCycle", "true", "dormantDays", "90",
				"fanOrders", "3")));
	}

	static final LocalDate CONVERSION_FROM = LocalDate.of(2025, 9, 15);
	static final LocalDate CONVERSION_TO = LocalDate.of(2026, 7, 1);

	/** The conversion matrix, rates, entrants and series: the whole --json document, equal to the in-memory one. */
	@TestFactory
	Stream<DynamicTest> conversion() {
		List<Map.Entry<String, Map<String, String>>> runs = List.of(Map.entry("tiers", Map.of()),
				Map.entry("tiers", Map.of("period", "quarter", "basis", "orders", "levels", "one:1,two:2,many:4")),
				Map.entry("stages", Map.of("usageCycle", "true", "dormantDays", "90")), Map.entry("rfm", Map.of()));
		List<DynamicTest> tests = new ArrayList<>();
		if (!selected("conversion")) {
			return tests.stream();
		}
		for (EngineUnderTest engine : engines) {
			for (Map.Entry<String, Map<String, String>> run : runs) {
				tests.add(DynamicTest.dynamicTest(engine + " conversion " + run.getKey() + " " + run.getValue(),
						() -> compareConversion(engine, run.getKey(), run.getValue())));
			}
			tests.add(DynamicTest.dynamicTest(engine + " conversion by tags is refused by name", () -> {
				NoPushdownException refused = assertThrows(NoPushdownException.class,
						() -> Services.get(TierConversion.class).pushdown("tags", CONVERSION_FROM, CONVERSION_TO, Map.of(),
								engine.dialect, Services.get(SourceRuntime.class).tables(engine.source())));
				assertTrue(refused.getMessage().contains("tags") && refused.getMessage().contains(engine.dialect.id()),
						refused.getMessage());
			}));
		}
		return tests.stream();
	}

	static void compareConversion(EngineUnderTest engine, String analysis, Map<String, String> params) throws Exception {
		TierConversion conversion = Services.get(TierConversion.class);
		Analyses analyses = Services.get(Analyses.class);
		CustomerAnalysis strategy = analyses.find(analysis);
		Map<String, String> own = new HashMap<>(params);
		own.remove("period");
		if (!strategy.sqlPushdown().orElseThrow().supports(engine.dialect, analyses.resolve(strategy, own))) {
			NoPushdownException refused = assertThrows(NoPushdownException.class, () -> conversion.pushdown(analysis,
					CONVERSION_FROM, CONVERSION_TO, params, engine.dialect, Services.get(SourceRuntime.class).tables(engine.source())));
			assertTrue(refused.getMessage().contains(analysis) && refused.getMessage().contains(engine.dialect.id()),
					refused.getMessage());
			return;
		}
		ConversionResult memory = conversion.run(data, analysis, CONVERSION_FROM, CONVERSION_TO, params,
				ProgressMonitor.NULL);
		SourceRuntime runtime = Services.get(SourceRuntime.class);
		ConversionQuery query = conversion.pushdown(analysis, CONVERSION_FROM, CONVERSION_TO, params, engine.dialect,
				runtime.tables(engine.source()));
		long t = System.nanoTime();
		runtime.query(engine.source(), "conversion", null, query.sql(), query::accept);
		timing(String.format("%-10s %-7s %-60s %6d ms", engine, "conv", analysis + " " + params,
				(System.nanoTime() - t) / 1_000_000));
		ConversionResult pushed = query.result();
		assertTrue(memory.customers() > 1000, "members at the start: " + memory.customers());
		assertEquals(memory.toJson(), pushed.toJson());
		StringWriter a = new StringWriter();
		StringWriter b = new StringWriter();
		memory.writeCsv(a);
		pushed.writeCsv(b);
		assertEquals(a.toString(), b.toString(), "--out CSV");
	}

	/**
	 * A campaign's ROI: every figure, interval, p-value and warning of the --json document, in
	 * total and broken down, equal to the in-memory run. Members: every 5th customer treated,
	 * every 20th (offset 1) held out; segments recorded for the treated only, so that a segment
	 * has no control and another no treated member.
	 */
	@TestFactory
	Stream<DynamicTest> roi() {
		List<Map<String, String>> runs = List.of(Map.of(), Map.of("alpha", "0.1"), Map.of("breakdown", "tier"),
				Map.of("breakdown", "stages", "breakdown.dormantDays", "90"), Map.of("breakdown", "target"));
		List<DynamicTest> tests = new ArrayList<>();
		if (!selected("roi")) {
			return tests.stream();
		}
		for (EngineUnderTest engine : engines) {
			for (Map<String, String> run : runs) {
				tests.add(DynamicTest.dynamicTest(engine + " roi " + run, () -> compareRoi(engine, run)));
			}
		}
		return tests.stream();
	}

	static void compareRoi(EngineUnderTest engine, Map<String, String> params) throws Exception {
		List<Integer> treated = new ArrayList<>();
		List<Integer> held = new ArrayList<>();
		List<RoiQuery.Member> members = new ArrayList<>();
		for (int c = 0; c < data.customerCount(); c++) {
			if (c % 5 == 0) {
				treated.add(c);
				members.add(new RoiQuery.Member(data.customerId(c), false, c % 3 == 0 ? "a" : c % 3 == 1 ? "b" : null));
			} else if (c % 20 == 1) {
				held.add(c);
				members.add(new RoiQuery.Member(data.customerId(c), true, c % 40 == 1 ? "a" : "c"));
			}
		}
		LocalDate start = LocalDate.of(2026, 3, 1);
		LocalDate end = LocalDate.of(2026, 4, 15);
		BigDecimal cost = new BigDecimal("5000.00");
		BigDecimal margin = new BigDecimal("0.30");
		CampaignRoi roi = Services.get(CampaignRoi.class);
		RoiResult memory;
		if ("target".equals(params.get("breakdown"))) {
			memory = targetBreakdown(roi, treated, held, members, start, end, cost, margin);
		} else {
			memory = roi.run(data, new Campaign("eq", "equality", start, end, cost, margin,
					treated.stream().mapToInt(Integer::intValue).toArray(), held.stream().mapToInt(Integer::intValue).toArray()),
					params, ProgressMonitor.NULL);
		}
		SourceRuntime runtime = Services.get(SourceRuntime.class);
		RoiQuery query = roi.pushdown("eq", "equality", start, end, cost, margin, members, params, engine.dialect,
				runtime.tables(engine.source()));
		long t = System.nanoTime();
		runtime.query(engine.source(), "roi", query.inline() ? null : new Upload(query.create(), query.insert(), query.rows()),
				query.sql(), query::accept);
		timing(String.format("%-10s %-7s %-60s %6d ms", engine, "roi", params, (System.nanoTime() - t) / 1_000_000));
		RoiResult pushed = query.result();
		assertTrue(memory.total().treatmentResponders() > 50, "responders: " + memory.total().treatmentResponders());
		assertEquals(memory.toJson(), pushed.toJson());
	}

	/** The in-memory breakdown by recorded segments, as CampaignRois makes it: one run per segment. */
	private static RoiResult targetBreakdown(CampaignRoi roi, List<Integer> treated, List<Integer> held,
			List<RoiQuery.Member> members, LocalDate start, LocalDate end, BigDecimal cost, BigDecimal margin) {
		int[] t = treated.stream().mapToInt(Integer::intValue).toArray();
		int[] c = held.stream().mapToInt(Integer::intValue).toArray();
		Map<String, String> segmentOf = new HashMap<>();
		members.forEach(m -> segmentOf.put(m.customerId(), m.segment() == null ? "(none)" : m.segment()));
		RoiResult total = roi.run(data, new Campaign("eq", "equality", start, end, cost, margin, t, c), Map.of(),
				ProgressMonitor.NULL);
		Map<String, List<Integer>> ts = new java.util.TreeMap<>();
		Map<String, List<Integer>> cs = new java.util.TreeMap<>();
		for (int i : t) {
			ts.computeIfAbsent(segmentOf.get(data.customerId(i)), k -> new ArrayList<>()).add(i);
		}
		for (int i : c) {
			cs.computeIfAbsent(segmentOf.get(data.customerId(i)), k -> new ArrayList<>()).add(i);
		}
		List<String> names = new ArrayList<>(ts.keySet());
		cs.keySet().stream().filter(k -> !ts.containsKey(k)).forEach(names::add);
		names.sort(java.util.Comparator.<String, Boolean>comparing("(none)"::equals)
				.thenComparing(n -> -ts.getOrDefault(n, List.of()).size()).thenComparing(n -> n));
		List<RoiResult.Segment> segments = new ArrayList<>();
		for (String name : names) {
			int[] st = ts.getOrDefault(name, List.of()).stream().mapToInt(Integer::intValue).toArray();
			int[] sc = cs.getOrDefault(name, List.of()).stream().mapToInt(Integer::intValue).toArray();
			RoiResult.Figures f;
			if (st.length > 0) {
				BigDecimal share = cost.multiply(BigDecimal.valueOf(st.length)).divide(BigDecimal.valueOf(t.length),
						java.math.MathContext.DECIMAL128);
				f = roi.run(data, new Campaign("eq", "equality", start, end, share, margin, st, sc), Map.of(),
						ProgressMonitor.NULL).total();
			} else {
				RoiResult.Figures g = roi.run(data, new Campaign("eq", "equality", start, end, BigDecimal.ZERO, margin, sc,
						new int[0]), Map.of(), ProgressMonitor.NULL).total();
				BigDecimal zero = new BigDecimal("0.00");
				f = new RoiResult.Figures(true, 0, sc.length, 0, g.treatmentResponders(), zero, g.treatmentRevenue(), null,
						g.treatmentRevenuePerMember(), zero, zero, zero, zero, null, null, g.treatmentResponseRate(), null,
						null);
			}
			segments.add(new RoiResult.Segment(name, f));
		}
		Map<String, String> used = new LinkedHashMap<>(total.parameters());
		used.put("breakdown", "target");
		return new RoiResult("eq", "equality", start, end, margin, total.total(), "target", segments, used);
	}

	/** Funnels of several shapes: the whole --json document of each, equal to the in-memory run. */
	static final List<Map<String, String>> FUNNELS = List.of(Map.of("steps", "view,cart,order"),
			Map.of("steps", "visit,view,cart", "window", "7d", "stepWindow", "12h", "window.3", "1d"),
			Map.of("steps", "view,cart,order", "order", "strict"),
			Map.of("steps", "search,view,cart", "order", "any", "window", "3d", "stepWindow", "1d"),
			Map.of("steps", "cart,view,favorite", "order", "any"),
			Map.of("steps", "view,cart,pay", "window", "30d", "exclude", "favorite,review@2-3"),
			Map.of("steps", "view,cart,order", "breakdown", "channel", "dropAt", "3"),
			Map.of("steps", "view,view,cart", "breakdown", "attribute:channel", "from", "2025-03-01", "to", "2026-03-01"),
			Map.of("steps", "visit,view,view", "order", "strict", "window", "1d", "exclude", "search@1-2",
					"dropAt", "2"));

	@TestFactory
	Stream<DynamicTest> funnel() {
		List<DynamicTest> tests = new ArrayList<>();
		if (!selected("funnel")) {
			return tests.stream();
		}
		for (EngineUnderTest engine : engines) {
			for (Map<String, String> run : FUNNELS) {
				tests.add(live(engine + " funnel " + run, () -> compareFunnel(engine, run)));
			}
		}
		return tests.stream();
	}

	static void compareFunnel(EngineUnderTest engine, Map<String, String> params) throws Exception {
		FunnelAnalysis funnel = Services.get(FunnelAnalysis.class);
		SourceRuntime runtime = Services.get(SourceRuntime.class);
		if (engine.dialect == io.custops.core.spi.SqlDialect.HSQLDB) {
			NoPushdownException refused = assertThrows(NoPushdownException.class,
					() -> funnel.pushdown(params, engine.dialect, runtime.tables(engine.source())));
			assertTrue(refused.getMessage().contains("funnel") && refused.getMessage().contains(engine.dialect.id()),
					refused.getMessage());
			return;
		}
		FunnelResult memory = funnel.run(data, params, ProgressMonitor.NULL);
		FunnelQuery query = funnel.pushdown(params, engine.dialect, runtime.tables(engine.source()));
		long t = System.nanoTime();
		runtime.query(engine.source(), "funnel", null, query.sql(), query::accept);
		timing(String.format("%-10s %-7s %-60s %6d ms", engine, "funnel", params, (System.nanoTime() - t) / 1_000_000));
		FunnelResult pushed = query.result();
		assertTrue(memory.steps().get(memory.steps().size() - 1).customers() > 20, "last step: " + memory.toJson());
		assertEquals(memory.toJson(), pushed.toJson());
		if (params.containsKey("dropAt")) {
			List<String> expected = new ArrayList<>();
			for (int c : memory.dropped(Integer.parseInt(params.get("dropAt")))) {
				expected.add(data.customerId(c));
			}
			List<String> actual = new ArrayList<>();
			runtime.query(engine.source(), "funnel", null, query.droppedSql(), row -> actual.add(row[0]));
			expected.sort(null);
			assertEquals(new java.util.HashSet<>(expected), new java.util.HashSet<>(actual), "dropped customers");
			assertEquals(expected.size(), actual.size(), "dropped customers");
		}
	}

	/**
	 * Paths of several shapes: by session (auto) with the default top; by customer with an
	 * exclusion and a cut at the back; start and end anchors by customer with a cut at the front
	 * within from/to; a drop-off list (notReached). The whole --json document, equal to the in-memory run.
	 */
	static final List<Map<String, String>> PATHS = List.of(Map.of(),
			Map.of("by", "customer", "exclude", "visit,review", "maxLength", "4", "top", "15"),
			Map.of("by", "customer", "start", "view", "end", "pay", "maxLength", "3", "from", "2025-03-01", "to",
					"2026-03-01"),
			Map.of("by", "session", "start", "search", "notReached", "cart", "top", "10"));

	@TestFactory
	Stream<DynamicTest> paths() {
		List<DynamicTest> tests = new ArrayList<>();
		if (!selected("paths")) {
			return tests.stream();
		}
		for (EngineUnderTest engine : engines) {
			for (Map<String, String> run : PATHS) {
				tests.add(live(engine + " paths " + run, () -> comparePaths(engine, run)));
			}
			// the check is Java's, on the event types the query returns; the fast engines show it
			if (engine.dialect == io.custops.core.spi.SqlDialect.DUCKDB
					|| engine.dialect == io.custops.core.spi.SqlDialect.POSTGRESQL) {
				tests.add(live(engine + " paths with an unknown event type", () -> {
					Map<String, String> params = Map.of("end", "checkout");
					SourceRuntime runtime = Services.get(SourceRuntime.class);
					String memory = assertThrows(io.custops.core.param.ParameterException.class,
							() -> Services.get(PathAnalysis.class).run(data, params, ProgressMonitor.NULL)).getMessage();
					PathQuery query = Services.get(PathAnalysis.class).pushdown(params, engine.dialect,
							runtime.tables(engine.source()));
					runtime.query(engine.source(), "paths", null, query.sql(), query::accept);
					String pushed = assertThrows(io.custops.core.param.ParameterException.class, query::result).getMessage();
					assertTrue(pushed.startsWith("end: unknown event type 'checkout'") || pushed.contains("'checkout'"), pushed);
					assertEquals(memory.substring(0, memory.indexOf(';')), pushed.substring(0, pushed.indexOf(';')));
				}));
			}
		}
		return tests.stream();
	}

	static void comparePaths(EngineUnderTest engine, Map<String, String> params) throws Exception {
		PathAnalysis paths = Services.get(PathAnalysis.class);
		SourceRuntime runtime = Services.get(SourceRuntime.class);
		if (engine.dialect == io.custops.core.spi.SqlDialect.HSQLDB) {
			NoPushdownException refused = assertThrows(NoPushdownException.class,
					() -> paths.pushdown(params, engine.dialect, runtime.tables(engine.source())));
			assertTrue(refused.getMessage().contains("paths") && refused.getMessage().contains(engine.dialect.id()),
					refused.getMessage());
			return;
		}
		PathResult memory = paths.run(data, params, ProgressMonitor.NULL);
		PathQuery query = paths.pushdown(params, engine.dialect, runtime.tables(engine.source()));
		long t = System.nanoTime();
		runtime.query(engine.source(), "paths", null, query.sql(), query::accept);
		timing(String.format("%-10s %-7s %-60s %6d ms", engine, "paths", params, (System.nanoTime() - t) / 1_000_000));
		PathResult pushed = query.result();
		assertTrue(memory.units() > 200 && memory.distinctPaths() >= 10, "units: " + memory.toJson());
		assertEquals(memory.toJson(), pushed.toJson());
	}

	private Stream<DynamicTest> cases(ServiceKind kind, String id, List<Map<String, String>> paramSets) {
		List<DynamicTest> tests = new ArrayList<>();
		if (!selected(id)) {
			return tests.stream();
		}
		for (EngineUnderTest engine : engines) {
			for (Map<String, String> params : paramSets) {
				for (LocalDate asOf : DATES) {
					tests.add(DynamicTest.dynamicTest(engine + " " + id + " " + params + " as of " + asOf,
							() -> compare(engine, kind, id, params, asOf)));
				}
			}
		}
		return tests.stream();
	}

	/** label, then the column texts, per customer id: what --out would write, plus unclassified ones left out. */
	static void compare(EngineUnderTest engine, ServiceKind kind, String id, Map<String, String> raw, LocalDate asOf)
			throws Exception {
		Analyses analyses = Services.get(Analyses.class);
		CustomerAnalysis analysis = analyses.find(kind, id);
		Parameters parameters = analyses.resolve(analysis, raw);
		if (!analysis.sqlPushdown().orElseThrow().supports(engine.dialect, parameters)) {
			// refused at once, by name, before anything is read
			PushdownUnsupportedException refused = assertThrows(PushdownUnsupportedException.class,
					() -> Services.get(SourceRuntime.class).run(engine.source(), analysis, asOf, parameters,
							(customer, label, values) -> fail("a row was read")));
			assertTrue(refused.getMessage().contains(id) && refused.getMessage().contains(engine.dialect.id()),
					refused.getMessage());
			return;
		}
		CustomerClassification memory = analyses.run(analysis, data, asOf, parameters, ProgressMonitor.NULL);
		Map<String, List<String>> expected = new HashMap<>();
		int[] labels = memory.labelIndexes();
		for (int c = 0; c < data.customerCount(); c++) {
			if (labels[c] == CustomerClassification.UNCLASSIFIED) {
				continue;
			}
			List<String> row = new ArrayList<>();
			row.add(memory.labels().get(labels[c]).id());
			for (ResultColumn column : memory.columns()) {
				row.add(column.format(c));
			}
			expected.put(data.customerId(c), row);
		}

		Map<String, List<String>> actual = new HashMap<>();
		long t = System.nanoTime();
		PushdownRun run = Services.get(SourceRuntime.class).run(engine.source(), analysis, asOf, parameters,
				(customer, label, values) -> {
					if (label == null) {
						return;
					}
					List<String> row = new ArrayList<>();
					row.add(label);
					row.addAll(List.of(values));
					if (actual.put(customer, row) != null) {
						fail("customer " + customer + " twice in the result");
					}
				});
		timing(String.format("%-10s %-7s %-60s %6d ms", engine, id, raw + " " + asOf, (System.nanoTime() - t) / 1_000_000));

		assertEquals(data.customerCount(), run.counts().customers(), "customers");
		if (!expected.equals(actual)) {
			TreeSet<String> ids = new TreeSet<>(expected.keySet());
			ids.addAll(actual.keySet());
			StringBuilder diff = new StringBuilder();
			int shown = 0;
			long differ = 0;
			for (String customer : ids) {
				if (!java.util.Objects.equals(expected.get(customer), actual.get(customer))) {
					differ++;
					if (shown++ < 8) {
						diff.append("\n  ").append(customer).append(": memory ").append(expected.get(customer))
								.append(" / ").append(engine).append(' ').append(actual.get(customer));
					}
				}
			}
			fail(differ + " of " + ids.size() + " customers differ (columns " + analysis.columnNames(parameters) + "):"
					+ diff);
		}
		assertEquals(memory.counts(), Map.copyOf(run.counts().perLabel()), "counts per label");
		Map<String, Object> summary = new LinkedHashMap<>();
		memory.summary().forEach((k, v) -> summary.put(k, v instanceof Number n ? n.longValue() : v));
		Map<String, Object> pushed = new LinkedHashMap<>();
		run.summary().forEach((k, v) -> pushed.put(k, v instanceof Number n ? n.longValue() : v));
		assertEquals(summary, pushed, "summary");
	}
}
