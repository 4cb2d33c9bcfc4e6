package io.custops.campaign.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import io.custops.campaign.Playbooks;
import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.core.data.FactKind;
import io.custops.core.data.OrderStatus;
import io.custops.core.spi.DataConnector;
import io.custops.engine.CampaignRoi;
import io.custops.engine.ControlGroups;
import io.custops.report.schedule.RunStatus;
import io.custops.report.schedule.ScheduleException;
import io.custops.report.schedule.ScheduleRun;
import io.custops.report.schedule.ScheduledJobs;
import io.custops.report.schedule.Scheduler;
import io.custops.store.CampaignMember;
import io.custops.store.CampaignRecord;
import io.custops.store.PlaybookRecord;
import io.custops.store.PlaybookRun;
import io.custops.store.Workspace;
import io.custops.store.WorkspaceManager;

/**
 * Playbooks run by the report scheduler (found through the service registry, as the playbook
 * jobs it runs): eight simulated weeks on the demo shop, and the ways a run can fail.
 */
class PlaybooksTest {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@TempDir
	Path dir;

	private static PlaybookRecord playbook(String id, String cron, String target, boolean onlyNew, String control,
			String costPerMember, Path out, long seed) {
		return new PlaybookRecord(id, cron, target, Map.of(), onlyNew, control == null ? null : new BigDecimal(control),
				new BigDecimal(costPerMember), new BigDecimal("0.4"), 7, out.toString(), "csv", seed, "run", null, null,
				null, null);
	}

	private static Instant at(String localDateTime) {
		return java.time.LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
	}

	private static DataConnector demo() throws Exception {
		BundleContext context = FrameworkUtil.getBundle(PlaybooksTest.class).getBundleContext();
		Shop.service(DataConnector.class);
		for (ServiceReference<DataConnector> ref : context.getServiceReferences(DataConnector.class, null)) {
			DataConnector c = context.getService(ref);
			if (c.id().equals("demo")) {
				return c;
			}
		}
		throw new AssertionError("no demo connector registered");
	}

	/**
	 * The rule of second-purchase, worked out here over the raw columns: exactly one paid order
	 * before the date, 7 to 30 days before it.
	 */
	private static Set<String> oneTimeBuyers(CustomerDataset data, LocalDate date) {
		int d = CustomerDataset.epochDay(date);
		Set<String> out = new HashSet<>();
		for (int c = 0; c < data.customerCount(); c++) {
			List<Integer> paidDays = new ArrayList<>();
			for (int o = data.orderOffsets()[c]; o < data.orderOffsets()[c + 1]; o++) {
				if (data.orderStatus()[o] == OrderStatus.PAID.code() && data.orderDay()[o] < d) {
					paidDays.add(data.orderDay()[o]);
				}
			}
			if (paidDays.size() == 1 && d - paidDays.get(0) >= 7 && d - paidDays.get(0) <= 30) {
				out.add(data.customerId(c));
			}
		}
		return out;
	}

	@Test
	void aWeeklyPlaybookOverEightWeeksTargetsNobodyTwice() throws Exception {
		Scheduler scheduler = Shop.service(Scheduler.class);
		ScheduledJobs jobs = Shop.service(ScheduledJobs.class);
		assertEquals(Playbooks.KIND, jobs.kind(), "the playbook jobs are registered for the scheduler");
		CampaignRoi roi = Shop.service(CampaignRoi.class);
		Path out = dir.resolve("lists");
		try (Workspace ws = Shop.service(WorkspaceManager.class).open(dir.resolve("ws"))) {
			ws.setZone(ZONE);
			DataConnector demo = demo();
			for (FactKind kind : List.of(FactKind.CUSTOMERS, FactKind.ORDERS, FactKind.EVENTS)) {
				ws.importFacts(demo, kind, Optional.empty(), Map.of("customers", "3000", "end", "2026-06-30", "years",
						"1"), ProgressMonitor.NULL);
			}
			CustomerDataset data = ws.dataset();
			// Mondays at 09:00, from Sunday May 3: due May 4, 11, …, June 22
			Playbooks.add(ws, playbook("second", "0 9 * * 1", "second-purchase", true, "0.1", "0.15", out, 77),
					at("2026-05-03T12:00"));
			Map<String, String> firstRunOf = new HashMap<>();
			BigDecimal totalCost = BigDecimal.ZERO;
			for (int week = 0; week < 8; week++) {
				LocalDate monday = LocalDate.of(2026, 5, 4).plusWeeks(week);
				List<ScheduleRun> runs = scheduler.runDue(ws, at(monday + "T09:05"));
				List<ScheduleRun> mine = runs.stream().filter(r -> r.scheduleId().equals("playbook:second")).toList();
				assertEquals(1, mine.size(), "week " + week + ": " + runs);
				ScheduleRun run = mine.get(0);
				assertEquals(RunStatus.OK, run.status(), run.error());
				assertEquals("due", run.trigger());
				assertTrue(scheduler.runDue(ws, at(monday + "T09:06")).stream()
						.noneMatch(r -> r.scheduleId().equals("playbook:second")), "a due time runs once");

				PlaybookRun recorded = ws.playbooks().runs("second", 1).get(0);
				assertEquals(monday, recorded.runDate());
				Set<String> expected = oneTimeBuyers(data, monday);
				assertEquals(expected.size(), recorded.targeted(), "week " + week);
				expected.removeAll(firstRunOf.keySet());
				assertEquals(recorded.targeted() - expected.size(), recorded.excluded());
				if (expected.isEmpty()) {
					assertNull(recorded.campaignId());
					continue;
				}
				String campaignId = "second-" + monday;
				assertEquals(campaignId, recorded.campaignId());
				CampaignRecord campaign = ws.campaigns().get(campaignId).orElseThrow();
				List<CampaignMember> members = ws.campaigns().members(campaignId);
				Set<String> ids = new HashSet<>();
				for (CampaignMember m : members) {
					ids.add(m.customerId());
					String earlier = firstRunOf.putIfAbsent(m.customerId(), campaignId);
					assertNull(earlier, m.customerId() + " was targeted by " + earlier + " and again by " + campaignId);
				}
				assertEquals(expected, ids, "week " + week + ": the new one-time buyers");
				// the control split: round(10 %) held out, the split of the run's seed
				int[] targets = ids.stream().mapToInt(data::indexOf).sorted().toArray();
				ControlGroups.Split split = ControlGroups.split(targets, new BigDecimal("0.1"),
						Playbooks.runSeed(77, monday));
				assertEquals(new BigDecimal("0.1").multiply(BigDecimal.valueOf(targets.length))
						.setScale(0, java.math.RoundingMode.HALF_UP).max(BigDecimal.ONE).intValue(), campaign.controlSize());
				assertArrayEquals(split.control(), members.stream().filter(m -> m.group() == CampaignMember.Group.CONTROL)
						.mapToInt(m -> data.indexOf(m.customerId())).sorted().toArray());
				assertEquals(Playbooks.runSeed(77, monday), campaign.seed());
				assertEquals(monday, campaign.start());
				assertEquals(monday.plusDays(6), campaign.end());
				assertEquals(monday, campaign.asOf());
				BigDecimal cost = new BigDecimal("0.15").multiply(BigDecimal.valueOf(campaign.treatmentSize())).setScale(2);
				assertEquals(cost, campaign.cost());
				totalCost = totalCost.add(cost);
				// the list: treated members only, masked, nothing half-written beside it
				Path list = out.resolve(campaignId + ".csv");
				assertEquals(list.toString(), recorded.file());
				List<String> lines = Files.readAllLines(list);
				assertEquals(campaign.treatmentSize() + 1, lines.size());
				assertTrue(lines.stream().skip(1).allMatch(l -> l.contains(",treatment,second-purchase")), lines.get(1));
			}
			try (Stream<Path> files = Files.list(out)) {
				assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".part")));
			}
			assertTrue(firstRunOf.size() > 100, "the demo shop has one-time buyers every week: " + firstRunOf.size());

			// ROI per run and in total, from the campaigns the runs recorded
			Playbooks.History history = Playbooks.history(ws, roi, "second", 0);
			assertEquals(8, history.runs().size());
			BigDecimal profit = BigDecimal.ZERO;
			for (Playbooks.RunRoi r : history.runs()) {
				if (r.run().campaignId() != null) {
					assertNotNull(r.figures(), r.roiError());
					assertTrue(r.figures().incremental(), "each run has a control group");
					assertEquals(ws.campaigns().get(r.run().campaignId()).orElseThrow().cost(), r.figures().cost());
					profit = profit.add(r.figures().incrementalProfit());
				}
			}
			assertEquals(0, totalCost.compareTo(history.cost()));
			assertEquals(0, profit.compareTo(history.incrementalProfit()));
			assertEquals(profit.subtract(totalCost).divide(totalCost, 4, java.math.RoundingMode.HALF_UP), history.roi());
		}
	}

	@Test
	void withoutOnlyNewTheWeeksOverlap() throws Exception {
		Scheduler scheduler = Shop.service(Scheduler.class);
		try (Workspace ws = Shop.service(WorkspaceManager.class).open(dir.resolve("ws"))) {
			ws.setZone(ZONE);
			DataConnector demo = demo();
			for (FactKind kind : List.of(FactKind.CUSTOMERS, FactKind.ORDERS)) {
				ws.importFacts(demo, kind, Optional.empty(), Map.of("customers", "3000", "end", "2026-06-30", "years",
						"1"), ProgressMonitor.NULL);
			}
			Playbooks.add(ws, playbook("all", "0 9 * * 1", "second-purchase", false, null, "0", dir.resolve("o"), 1),
					at("2026-05-03T12:00"));
			scheduler.runDue(ws, at("2026-05-04T09:05"));
			scheduler.runDue(ws, at("2026-05-11T09:05"));
			Set<String> first = new HashSet<>();
			ws.campaigns().members("all-2026-05-04").forEach(m -> first.add(m.customerId()));
			long again = ws.campaigns().members("all-2026-05-11").stream().filter(m -> first.contains(m.customerId()))
					.count();
			// bought 7–30 days before May 4 and still once: 7–30 days before May 11 for 17 of those 24 days
			assertTrue(again > 0, "a one-time buyer stays in the window for three weeks");
			assertEquals(0, ws.playbooks().runs("all", 1).get(0).excluded());
		}
	}

	@Test
	void aFailedRunLeavesNoCampaignAndNoList() throws Exception {
		Scheduler scheduler = Shop.service(Scheduler.class);
		try (Workspace ws = BehaviourShop.open(dir.resolve("ws"))) {
			Path notAFolder = Files.writeString(dir.resolve("file"), "x");
			Playbooks.add(ws, playbook("nag", "@daily", "unpaid:48h", false, null, "0.05", notAFolder, 5),
					at("2026-05-01T00:00"));
			ScheduleRun run = scheduler.runNow(ws, Playbooks.KIND, "nag", at("2026-05-10T08:00"));
			assertEquals(RunStatus.FAILED, run.status());
			assertTrue(run.error().contains("file"), run.error());
			assertTrue(ws.campaigns().get("nag-2026-05-10").isEmpty(), "the campaign was taken back");
			PlaybookRun recorded = ws.playbooks().runs("nag", 1).get(0);
			assertEquals("failed", recorded.status());
			assertNull(recorded.campaignId());
			assertEquals(0, recorded.treatment());
			assertEquals(6, recorded.targeted(), "c1, c5, u1, u3, u5, u6 (BehaviourTargetsTest)");
			assertTrue(ws.audit().entries("nag-2026-05-10").stream().anyMatch(e -> e.action().equals("campaign-delete")));

			// a run the playbook made already is refused, not doubled
			Path folder = dir.resolve("lists");
			ws.playbooks().remove("nag");
			Playbooks.add(ws, playbook("nag", "@daily", "unpaid:48h", false, null, "0.05", folder, 5),
					at("2026-05-01T00:00"));
			assertEquals(RunStatus.OK, scheduler.runNow(ws, Playbooks.KIND, "nag", at("2026-05-10T08:00")).status());
			assertEquals(new BigDecimal("0.30"), ws.campaigns().get("nag-2026-05-10").orElseThrow().cost(), "6 × 0.05");
			ScheduleRun again = scheduler.runNow(ws, Playbooks.KIND, "nag", at("2026-05-10T20:00"));
			assertEquals(RunStatus.FAILED, again.status());
			assertTrue(again.error().contains("campaign 'nag-2026-05-10' exists already"), again.error());
			try (Stream<Path> files = Files.list(folder)) {
				assertEquals(List.of("nag-2026-05-10.csv"), files.map(f -> f.getFileName().toString()).toList());
			}

			// never twice at once: a claim held by this process refuses a second run
			String owner = "pid " + ProcessHandle.current().pid() + " on " + InetAddress.getLocalHost().getHostName();
			assertTrue(ws.playbooks().claim("nag", owner, Instant.now(), Instant.now().plusSeconds(600)));
			ScheduleException busy = assertThrows(ScheduleException.class,
					() -> scheduler.runNow(ws, Playbooks.KIND, "nag", at("2026-05-11T08:00")));
			assertTrue(busy.getMessage().contains("playbook 'nag' is running now"), busy.getMessage());
			ws.playbooks().release("nag", owner, null);
			assertEquals(RunStatus.OK, scheduler.runNow(ws, Playbooks.KIND, "nag", at("2026-05-11T08:00")).status());
		}
	}

	@Test
	void badDefinitionsAreRefusedNamingTheField() throws Exception {
		try (Workspace ws = BehaviourShop.open(dir.resolve("ws"))) {
			Path out = dir.resolve("o");
			assertTrue(assertThrows(RuntimeException.class, () -> Playbooks.add(ws,
					playbook("p", "0 9 * *", "unpaid", false, null, "0", out, 1), Instant.now())).getMessage()
					.contains("has 4 fields"));
			assertEquals("target 'unpaid &': position 9: a target is missing: found nothing after '&'",
					assertThrows(RuntimeException.class, () -> Playbooks.add(ws, playbook("p", "@daily", "unpaid &",
							false, null, "0", out, 1), Instant.now())).getMessage());
			assertTrue(assertThrows(RuntimeException.class, () -> Playbooks.add(ws, playbook("p", "@daily", "unpaid",
					false, "1", "0", out, 1), Instant.now())).getMessage().contains("the control share 1 is not a ratio"));
			assertTrue(assertThrows(RuntimeException.class, () -> Playbooks.add(ws, playbook("p", "@daily", "unpaid",
					false, null, "0.001", out, 1), Instant.now())).getMessage().contains("the cost per member 0.001"));
			Playbooks.add(ws, playbook("p", "@daily", "unpaid", false, null, "0", out, 1), Instant.now());
			assertTrue(assertThrows(RuntimeException.class, () -> Playbooks.add(ws, playbook("p", "@daily", "unpaid",
					false, null, "0", out, 1), Instant.now())).getMessage().contains("a playbook 'p' exists already"));
			assertFalse(ws.playbooks().list().isEmpty());
		}
	}
}
