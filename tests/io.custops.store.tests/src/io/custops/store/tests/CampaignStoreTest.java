package io.custops.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.custops.core.data.FactKind;
import io.custops.store.AuditEntry;
import io.custops.store.CampaignMember;
import io.custops.store.CampaignMember.Group;
import io.custops.store.CampaignRecord;

/** Campaigns created from a target and imported ones, read back alike; the audit log. */
class CampaignStoreTest extends WorkspaceFixture {


	private static CampaignRecord draft(String id, LocalDate start, LocalDate end, String cost, String margin) {
		return CampaignRecord.toCreate(id, "Spring SMS", start, end, new BigDecimal(cost), new BigDecimal(margin),
				"coupon 10 off 99", "strategy:rfm=at_risk", Map.of("scoring", "fixed"), LocalDate.of(2026, 3, 1),
				new BigDecimal("0.2"), 42L);
	}

	private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);
	private static final LocalDate MARCH_31 = LocalDate.of(2026, 3, 31);

	@Test
	void aCreatedCampaignReadsBackWithItsMembersTargetAndSeed() throws Exception {
		Instant before = Instant.now().minusSeconds(1);
		List<CampaignMember> members = List.of(new CampaignMember("c3", Group.TREATMENT, "at_risk"),
				new CampaignMember("c1", Group.TREATMENT, "at_risk"), new CampaignMember("c2", Group.CONTROL, "at_risk"),
				new CampaignMember("c10", Group.TREATMENT, null));
		CampaignRecord stored = ws.campaigns().create(draft("k1", MARCH_1, MARCH_31, "40", "0.35"), members);

		assertEquals("k1", stored.id());
		assertEquals(new BigDecimal("40.00"), stored.cost());
		assertEquals(new BigDecimal("0.35"), stored.margin());
		assertEquals("created", stored.origin());
		assertEquals("strategy:rfm=at_risk", stored.target());
		assertEquals("strategy:rfm=at_risk", stored.segment());
		assertEquals(Map.of("scoring", "fixed"), stored.targetParameters());
		assertEquals(MARCH_1, stored.asOf());
		assertEquals(new BigDecimal("0.2"), stored.controlShare());
		assertEquals(42L, stored.seed());
		assertEquals(3, stored.treatmentSize());
		assertEquals(1, stored.controlSize());
		assertTrue(stored.hasControl());
		assertFalse(stored.created().isBefore(before));
		assertEquals(System.getProperty("user.name"), stored.createdBy().substring(0, stored.createdBy().indexOf('@')));

		// members come back in customer id order, with their group and segment
		assertEquals(List.of(new CampaignMember("c1", Group.TREATMENT, "at_risk"),
				new CampaignMember("c10", Group.TREATMENT, null), new CampaignMember("c2", Group.CONTROL, "at_risk"),
				new CampaignMember("c3", Group.TREATMENT, "at_risk")), ws.campaigns().members("k1"));
		assertEquals(List.of(), ws.campaigns().members("nope"));
		assertTrue(ws.campaigns().get("nope").isEmpty());

		// the creation is in the audit log
		List<AuditEntry> audit = ws.audit().entries("k1");
		assertEquals(1, audit.size());
		assertEquals("campaign-create", audit.get(0).action());
		assertEquals(4L, audit.get(0).rows());
		assertEquals("3", audit.get(0).details().get("treatment"));
		assertEquals("42", audit.get(0).details().get("seed"));
		assertNull(audit.get(0).masked());

		// it survives the workspace being closed
		ws.close();
		ws = Stores.manager().open(dir);
		assertEquals(stored, ws.campaigns().get("k1").orElseThrow());
		assertEquals(4, ws.campaigns().members("k1").size());
		assertEquals(4L, ws.info().counts().get(FactKind.CAMPAIGN_MEMBERS));
	}

	@Test
	void importedAndCreatedCampaignsAreListedByStartThenId() throws Exception {
		Stores.load(ws, FactKind.CAMPAIGNS, "campaign_id,name,start,end,cost,margin,segment",
				"imp,Imported,2026-02-01,2026-02-28,12.5,30%,vip", "zzz,Later,2026-04-01,2026-04-02,0,,");
		Stores.load(ws, FactKind.CAMPAIGN_MEMBERS, "campaign_id,customer_id,group", "imp,a,treatment", "imp,b,对照组",
				"imp,c,treatment");
		ws.campaigns().create(draft("aaa", MARCH_1, MARCH_31, "1", "1"),
				List.of(new CampaignMember("a", Group.TREATMENT, null)));
		List<CampaignRecord> all = ws.campaigns().list();
		assertEquals(List.of("imp", "aaa", "zzz"), all.stream().map(CampaignRecord::id).toList());
		CampaignRecord imported = all.get(0);
		assertEquals("imported", imported.origin());
		assertEquals("vip", imported.segment());
		assertNull(imported.target());
		assertNull(imported.seed());
		assertNull(imported.created());
		assertEquals(new BigDecimal("0.3"), imported.margin());
		assertEquals(new BigDecimal("12.50"), imported.cost());
		assertEquals(2, imported.treatmentSize());
		assertEquals(1, imported.controlSize());
		assertEquals(new BigDecimal("1"), all.get(2).margin(), "an imported campaign without margin has margin 1");
		assertEquals(0, all.get(2).treatmentSize());
		assertEquals(Group.CONTROL, ws.campaigns().members("imp").get(1).group());
	}

	@Test
	void badCampaignsAreRefusedAndNothingIsStored() throws Exception {
		List<CampaignMember> one = List.of(new CampaignMember("a", Group.TREATMENT, null));
		ws.campaigns().create(draft("k1", MARCH_1, MARCH_31, "1", "1"), one);
		assertEquals("campaign 'k1' exists already",
				assertThrows(IllegalArgumentException.class,
						() -> ws.campaigns().create(draft("k1", MARCH_1, MARCH_31, "1", "1"), one)).getMessage());
		assertEquals("campaign 'k2': the end 2026-02-28 is before the start 2026-03-01",
				assertThrows(IllegalArgumentException.class, () -> ws.campaigns()
						.create(draft("k2", MARCH_1, LocalDate.of(2026, 2, 28), "1", "1"), one)).getMessage());
		assertTrue(assertThrows(IllegalArgumentException.class,
				() -> ws.campaigns().create(draft("k2", MARCH_1, MARCH_31, "-1", "1"), one)).getMessage()
				.contains("the cost -1 is not an amount of zero or more"));
		assertTrue(assertThrows(IllegalArgumentException.class,
				() -> ws.campaigns().create(draft("k2", MARCH_1, MARCH_31, "1.005", "1"), one)).getMessage()
				.contains("at most 2 decimals"));
		assertTrue(assertThrows(IllegalArgumentException.class,
				() -> ws.campaigns().create(draft("k2", MARCH_1, MARCH_31, "1", "1.5"), one)).getMessage()
				.contains("the margin 1.5 is not a ratio in [0, 1]"));
		assertEquals("campaign 'k2' has no members in its treatment group",
				assertThrows(IllegalArgumentException.class, () -> ws.campaigns().create(
						draft("k2", MARCH_1, MARCH_31, "1", "1"), List.of(new CampaignMember("a", Group.CONTROL, null))))
						.getMessage());
		assertEquals("campaign 'k2' has no members in its treatment group", assertThrows(
				IllegalArgumentException.class, () -> ws.campaigns().create(draft("k2", MARCH_1, MARCH_31, "1", "1"),
						List.of())).getMessage());
		assertEquals("campaign 'k2': customer a is listed twice",
				assertThrows(IllegalArgumentException.class,
						() -> ws.campaigns().create(draft("k2", MARCH_1, MARCH_31, "1", "1"), List.of(
								new CampaignMember("a", Group.TREATMENT, null), new CampaignMember("a", Group.CONTROL, null))))
						.getMessage());
		assertEquals(List.of("k1"), ws.campaigns().list().stream().map(CampaignRecord::id).toList());
		assertEquals(1L, ws.info().counts().get(FactKind.CAMPAIGN_MEMBERS));
	}

	@Test
	void aLargeCampaignIsStoredWhole() throws Exception {
		List<CampaignMember> members = new java.util.ArrayList<>();
		for (int i = 0; i < 45_000; i++) {
			members.add(new CampaignMember(String.format("c%06d", i), i % 5 == 0 ? Group.CONTROL : Group.TREATMENT,
					"s" + i % 3));
		}
		CampaignRecord r = ws.campaigns().create(draft("big", MARCH_1, MARCH_31, "999.99", "0.4"), members);
		assertEquals(36_000, r.treatmentSize());
		assertEquals(9_000, r.controlSize());
		assertEquals(members, ws.campaigns().members("big"));
	}

	@Test
	void theAuditLogRecordsWhoWhenWhatAndWhetherMasked() throws Exception {
		Instant before = Instant.now().minusSeconds(1);
		AuditEntry first = ws.audit().record(new AuditEntry.Action("target-list-export", "k1", "/tmp/k1.csv", true,
				120L, Map.of("format", "csv", "group", "treatment")));
		AuditEntry second = ws.audit().record(
				new AuditEntry.Action("target-list-export", "k1", "/tmp/k1.xlsx", false, 120L, Map.of("format", "xlsx")));
		ws.audit().record(new AuditEntry.Action("other", null, null, null, null, null));
		assertTrue(second.seq() > first.seq());
		assertEquals(System.getProperty("user.name"), first.user());
		assertEquals(ProcessHandle.current().pid(), first.pid());
		assertFalse(first.at().isBefore(before));
		assertEquals(Boolean.TRUE, first.masked());
		assertEquals(Boolean.FALSE, second.masked());
		assertEquals("/tmp/k1.xlsx", second.file());
		assertEquals(Map.of("format", "csv", "group", "treatment"), first.details());
		assertEquals(List.of(first, second), ws.audit().entries("k1"));
		assertEquals(3, ws.audit().entries(null).size());
		assertEquals(List.of(), ws.audit().entries("k9"));
		assertThrows(IllegalArgumentException.class,
				() -> ws.audit().record(new AuditEntry.Action(" ", null, null, null, null, null)));
	}
}
