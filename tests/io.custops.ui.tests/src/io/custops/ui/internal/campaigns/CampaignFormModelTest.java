package io.custops.ui.internal.campaigns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

import io.custops.campaign.Playbooks;
import io.custops.core.ProgressMonitor;
import io.custops.core.data.FactKind;
import io.custops.core.spi.DataConnector;
import io.custops.engine.Analyses;
import io.custops.engine.AnalysisInputException;
import io.custops.engine.CampaignPlan;
import io.custops.engine.FunnelAnalysis;
import io.custops.store.CampaignRecord;
import io.custops.store.PlaybookRecord;
import io.custops.store.Workspace;
import io.custops.store.WorkspaceManager;

/** The Campaigns part's form and Playbooks section without a display, over a small shop. */
class CampaignFormModelTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 5, 10);

	@TempDir
	Path dir;

	private static <T> T service(Class<T> type) throws InterruptedException {
		BundleContext context = FrameworkUtil.getBundle(CampaignFormModelTest.class).getBundleContext();
		ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
		tracker.open();
		T service = tracker.waitForService(20_000);
		assertNotNull(service, type.getName());
		return service;
	}

	private Workspace shop() throws Exception {
		Workspace ws = service(WorkspaceManager.class).open(dir.resolve("ws"));
		ws.setZone(ZoneId.of("Asia/Shanghai"));
		service(DataConnector.class);
		BundleContext context = FrameworkUtil.getBundle(CampaignFormModelTest.class).getBundleContext();
		DataConnector csv = null;
		for (ServiceReference<DataConnector> ref : context.getServiceReferences(DataConnector.class, null)) {
			if (context.getService(ref).id().equals("csv")) {
				csv = context.getService(ref);
			}
		}
		assertNotNull(csv, "the csv connector");
		Path customers = Files.writeString(dir.resolve("c.csv"), """
				customer_id,name,phone,province,city
				a,张三,13812345678,浙江,杭州
				b,李四,13900001111,上海,上海
				c,王五,13700001111,浙江,宁波
				d,赵六,13600001111,江苏,南京
				""", StandardCharsets.UTF_8);
		Path orders = Files.writeString(dir.resolve("o.csv"), """
				order_id,customer_id,order_time,amount,status
				a1,a,2026-05-08 10:00:00,10.00,unpaid
				b1,b,2026-05-09 10:00:00,10.00,unpaid
				c1,c,2026-04-01 10:00:00,10.00,paid
				d1,d,2026-04-02 10:00:00,10.00,paid
				""", StandardCharsets.UTF_8);
		Path tags = Files.writeString(dir.resolve("t.csv"), "customer_id,tags\na,vip\nb,vip\n", StandardCharsets.UTF_8);
		ws.importFacts(csv, FactKind.CUSTOMERS, Optional.of(customers), Map.of(), ProgressMonitor.NULL);
		ws.importFacts(csv, FactKind.ORDERS, Optional.of(orders), Map.of(), ProgressMonitor.NULL);
		ws.importFacts(csv, FactKind.TAGS, Optional.of(tags), Map.of(), ProgressMonitor.NULL);
		return ws;
	}

	private static CampaignFormModel form(String id, CampaignFormModel.TargetKind kind, String value) {
		CampaignFormModel m = new CampaignFormModel();
		m.id = id;
		m.name = "Care " + id;
		m.start = "2030-01-01";
		m.end = "2030-01-14";
		m.cost = "10";
		m.margin = "35%";
		m.targetKind = kind;
		m.targetValue = value;
		m.control = "";
		return m;
	}

	@Test
	void eachBadFieldIsNamed() {
		CampaignFormModel m = new CampaignFormModel();
		m.start = "2030-1-1";
		m.end = "2030-01-01";
		m.cost = "1.234";
		m.margin = "120%";
		m.control = "100%";
		m.seed = "x";
		List<String> fields = m.problems().stream().map(CampaignFormModel.Problem::field).toList();
		assertEquals(List.of("id", "name", "start", "cost", "margin", "control", "seed", "target"), fields);
		m.start = "2030-01-02";
		assertTrue(m.problems().stream().anyMatch(p -> p.message().equals("the end 2030-01-01 is before the start 2030-01-02")));
		assertEquals("stage:dormant", form("x", CampaignFormModel.TargetKind.STAGE, "dormant").spec());
		assertEquals("strategy:rfm=at_risk", form("x", CampaignFormModel.TargetKind.STRATEGY, "rfm=at_risk").spec());
		assertEquals("tag:vip", form("x", CampaignFormModel.TargetKind.TAG, " vip ").spec());
		assertEquals("file:/tmp/l.csv", form("x", CampaignFormModel.TargetKind.FILE, "/tmp/l.csv").spec());
	}

	@Test
	void thePowerCalculationGivesTheControlGroup() {
		// 5 % → 7 %, power 0.8, alpha 0.05: (1.95996·√(2·0.06·0.94) + 0.84162·√(0.05·0.95 + 0.07·0.93))² / 0.02²
		// = (0.658266 + 0.282414)² / 0.0004 = 2212.2 → 2213 per arm
		CampaignPlan small = CampaignFormModel.plan(0.05, 0.02, 2000);
		assertEquals(2213, small.membersPerArm());
		assertFalse(small.detectable());
		assertTrue(CampaignFormModel.describePlan(small, false).startsWith("target of 2000 is too small: needs 4426;"));
		CampaignPlan big = CampaignFormModel.plan(0.05, 0.02, 20_000);
		assertTrue(big.detectable());
		assertEquals("target of 20000: hold out at least " + big.controlMembers() + " ("
				+ big.controlShare().movePointRight(2).stripTrailingZeros().toPlainString() + "%)",
				CampaignFormModel.describePlan(big, false));
		assertTrue(CampaignFormModel.describePlan(big, true).startsWith("目标 20000 人：对照组至少"));
	}

	@Test
	void createEditDeleteAndExportByTheRulesOfCampaignCreate() throws Exception {
		Analyses analyses = service(Analyses.class);
		FunnelAnalysis funnels = service(FunnelAnalysis.class);
		try (Workspace ws = shop()) {
			var data = ws.dataset();
			CampaignFormModel m = form("care", CampaignFormModel.TargetKind.TAG, "vip");
			CampaignRecord created = m.save(ws, data, analyses, funnels, TODAY);
			assertEquals(2, created.treatmentSize(), "a and b carry vip");
			assertEquals(0, created.controlSize());
			assertEquals("tag:vip", created.target());
			assertEquals(new BigDecimal("0.35"), created.margin());
			assertEquals("campaign 'care' exists already in the workspace", assertThrows(AnalysisInputException.class,
					() -> form("care", CampaignFormModel.TargetKind.TAG, "vip").save(ws, data, analyses, funnels, TODAY))
					.getMessage());

			// edited before it starts: the same id, a new target and a control group
			CampaignFormModel edit = new CampaignFormModel();
			edit.edit(created, TODAY);
			assertEquals(CampaignFormModel.TargetKind.TAG, edit.targetKind);
			assertEquals("vip", edit.targetValue);
			Path list = Files.writeString(dir.resolve("list.csv"), "customer_id\na\nb\nc\nd\n");
			edit.targetKind = CampaignFormModel.TargetKind.FILE;
			edit.targetValue = list.toString();
			edit.control = "50%";
			edit.seed = "9";
			edit.cost = "12.50";
			CampaignRecord saved = edit.save(ws, data, analyses, funnels, TODAY);
			assertEquals("care", saved.id());
			assertEquals(2, saved.treatmentSize());
			assertEquals(2, saved.controlSize());
			assertEquals(9L, saved.seed());
			assertEquals(new BigDecimal("12.50"), ws.campaigns().get("care").orElseThrow().cost());
			assertTrue(ws.audit().entries("care").stream().anyMatch(e -> e.action().equals("campaign-delete")));

			// a bad new target leaves the old campaign as it was
			edit.targetKind = CampaignFormModel.TargetKind.TAG;
			edit.targetValue = "gold";
			assertThrows(AnalysisInputException.class, () -> edit.save(ws, data, analyses, funnels, TODAY));
			assertEquals(4, ws.campaigns().members("care").size());

			// started: no more editing
			assertTrue(assertThrows(AnalysisInputException.class, () -> new CampaignFormModel()
					.edit(saved, LocalDate.of(2030, 1, 1))).getMessage().contains("started on 2030-01-01"));

			Path out = dir.resolve("care.csv");
			var exported = CampaignFormModel.export(ws, data, "care", out);
			assertTrue(exported.masked());
			assertEquals(2, exported.rows());
			assertTrue(Files.readString(out).contains("****"));

			CampaignFormModel.delete(ws, "care");
			assertTrue(ws.campaigns().get("care").isEmpty());
			assertEquals("no campaign 'care' in the workspace", assertThrows(AnalysisInputException.class,
					() -> CampaignFormModel.delete(ws, "care")).getMessage());
		}
	}

	@Test
	void thePlaybooksSectionShowsLastAndNextRuns() throws Exception {
		Analyses analyses = service(Analyses.class);
		FunnelAnalysis funnels = service(FunnelAnalysis.class);
		try (Workspace ws = shop()) {
			PlaybookRecord p = new PlaybookRecord("nag", "0 9 * * 1", "unpaid:48h", Map.of(), true, null,
					new BigDecimal("0.10"), BigDecimal.ONE, 7, dir.resolve("lists").toString(), "csv", 1, "run", null, null,
					null, null);
			Playbooks.add(ws, p, java.time.LocalDateTime.parse("2026-05-03T12:00").atZone(ws.zone()).toInstant());
			assertEquals(List.of(new CampaignFormModel.PlaybookRow("nag", "0 9 * * 1", "unpaid:48h (only new)", "", "",
					"2026-05-04 09:00")), CampaignFormModel.playbooks(ws, false));
			// a and b: unpaid orders on May 8 and 9, in the 48 hours before May 10
			Playbooks.run(ws, analyses, funnels, "nag", null,
					java.time.LocalDateTime.parse("2026-05-10T08:00").atZone(ws.zone()).toInstant(), "manual");
			assertEquals(new CampaignFormModel.PlaybookRow("nag", "0 9 * * 1", "unpaid:48h（仅新客户）", "2026-05-10（名单 2 人）",
					"ok", "2026-05-04 09:00"), CampaignFormModel.playbooks(ws, true).get(0));
		}
	}
}
