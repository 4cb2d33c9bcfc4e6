package io.custops.report.schedule.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceRegistration;

import io.custops.core.spi.ReportTemplate;
import io.custops.core.spi.ServiceKind;
import io.custops.engine.ServiceCatalog;
import io.custops.report.ReportFormat;
import io.custops.report.schedule.MissedRuns;
import io.custops.report.schedule.RunStatus;
import io.custops.report.schedule.Schedule;
import io.custops.report.schedule.ScheduleException;
import io.custops.report.schedule.ScheduleRun;
import io.custops.report.schedule.ScheduledReport;
import io.custops.report.schedule.Scheduler;
import io.custops.store.Workspace;

/**
 * The scheduler found in the registry, on a small demo workspace, with the rfm template: due
 * times with a fixed "now", missed runs, failures, retention, claims and the background loop.
 */
class SchedulerTest {

	private static Workspace ws;
	private static Scheduler scheduler;
	private static ZoneId zone;
	private static Path out;
	private static final List<ServiceRegistration<?>> registrations = new ArrayList<>();
	private static TestTemplates.Waiting waiting;

	@BeforeAll
	static void setUp() throws Exception {
		ws = Osgi.demoWorkspace("schedules", 300, "2026-05-01");
		zone = ws.zone();
		scheduler = Osgi.service(Scheduler.class);
		out = Files.createTempDirectory("custops-scheduled");
		Osgi.await(ServiceKind.TEMPLATE, "rfm");
		ReportTemplate rfm = Osgi.service(ServiceCatalog.class).find(ServiceKind.TEMPLATE, ReportTemplate.class, "rfm").orElseThrow();
		waiting = new TestTemplates.Waiting(rfm);
		registrations.add(Osgi.context().registerService(ReportTemplate.class, new TestTemplates.Broken(), null));
		registrations.add(Osgi.context().registerService(ReportTemplate.class, waiting, null));
		Osgi.await(ServiceKind.TEMPLATE, "test-broken");
		Osgi.await(ServiceKind.TEMPLATE, "test-waiting");
	}

	@AfterAll
	static void tearDown() {
		scheduler.stop();
		registrations.forEach(ServiceRegistration::unregister);
		ws.close();
	}

	@AfterEach
	void removeSchedules() throws Exception {
		for (ScheduledReport s : scheduler.list(ws)) {
			scheduler.remove(ws, s.schedule().id());
		}
	}

	private static Instant at(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
	}

	private static Schedule daily(String id, String template, int keep, MissedRuns missed, Map<String, String> params) {
		return new Schedule(id, "0 8 * * *", template, List.of("pdf"), params,
				out.resolve(id).toString() + "/{date:yyyy-MM-dd}", keep, missed);
	}

	@Test
	void aDueTimeRunsOnceAtItsTimeAndNotAgain() throws Exception {
		scheduler.add(ws, daily("daily", "rfm", 0, MissedRuns.RUN, Map.of()), at("2026-05-10T00:00"));
		ScheduledReport listed = scheduler.get(ws, "daily").orElseThrow();
		assertEquals(at("2026-05-10T08:00"), listed.nextDue());
		assertEquals(at("2026-05-10T00:00"), listed.lastDue());

		assertEquals(List.of(), scheduler.runDue(ws, at("2026-05-10T07:59:59")), "not yet due");
		List<ScheduleRun> runs = scheduler.runDue(ws, at("2026-05-10T08:00:30"));
		assertEquals(1, runs.size());
		ScheduleRun run = runs.get(0);
		assertEquals(RunStatus.OK, run.status(), String.valueOf(run.error()));
		assertEquals("due", run.trigger());
		assertEquals(at("2026-05-10T08:00"), run.due());
		Path pdf = out.resolve("daily/2026-05-10/rfm.pdf");
		assertEquals(List.of(pdf.toString()), run.outputs());
		assertTrue(Files.size(pdf) > 10_000, "a real PDF");
		assertTrue(run.durationMillis() >= 0);
		// the render's details come with a run made now (what run-due --json prints as timings_ms)
		assertNotNull(run.made());
		assertEquals("rfm", run.made().report().templateId());
		assertEquals(pdf, run.made().report().file(ReportFormat.PDF));
		assertTrue(run.made().totalMillis() <= run.durationMillis(), run.made() + " within " + run.durationMillis());

		assertEquals(List.of(), scheduler.runDue(ws, at("2026-05-10T08:00:30")), "run-due twice in a row runs nothing more");
		assertEquals(List.of(), scheduler.runDue(ws, at("2026-05-10T23:59")));
		assertEquals(at("2026-05-11T08:00"), scheduler.get(ws, "daily").orElseThrow().nextDue());
		List<ScheduleRun> history = scheduler.history(ws, "daily", 0);
		assertEquals(1, history.size());
		assertEquals(run.runId(), history.get(0).runId());
		assertEquals(RunStatus.OK, history.get(0).status());
		assertEquals(run.outputs(), history.get(0).outputs());
		assertNull(history.get(0).error());
		assertNull(history.get(0).made(), "the history keeps no render details");
		assertNull(scheduler.get(ws, "daily").orElseThrow().claimedBy(), "the claim is released");
	}

	@Test
	void missedDueTimesRunOnceWhenTheScheduleSaysRun() throws Exception {
		scheduler.add(ws, daily("catchup", "rfm", 0, MissedRuns.RUN, Map.of()), at("2026-05-01T00:00"));
		// nothing ran from May 1 to May 10 noon: ten due times, the last one four hours ago
		List<ScheduleRun> runs = scheduler.runDue(ws, at("2026-05-10T12:00"));
		assertEquals(1, runs.size(), runs.toString());
		assertEquals(RunStatus.OK, runs.get(0).status(), String.valueOf(runs.get(0).error()));
		assertEquals("catch-up", runs.get(0).trigger());
		assertEquals(at("2026-05-10T08:00"), runs.get(0).due());
		assertTrue(Files.exists(out.resolve("catchup/2026-05-10/rfm.pdf")));
		assertEquals(List.of(), scheduler.runDue(ws, at("2026-05-10T12:00:05")));
		assertEquals(1, scheduler.history(ws, "catchup", 0).size());
	}

	@Test
	void missedDueTimesAreRecordedWhenTheScheduleSaysSkip() throws Exception {
		scheduler.add(ws, daily("skipper", "rfm", 0, MissedRuns.SKIP, Map.of()), at("2026-05-01T00:00"));
		List<ScheduleRun> runs = scheduler.runDue(ws, at("2026-05-10T12:00"));
		assertEquals(1, runs.size());
		ScheduleRun missed = runs.get(0);
		assertEquals(RunStatus.MISSED, missed.status());
		assertEquals(List.of(), missed.outputs());
		assertTrue(missed.error().contains("missed 10 due times"), missed.error());
		assertFalse(Files.exists(out.resolve("skipper")), "nothing was made");
		// the next due time is made on time
		runs = scheduler.runDue(ws, at("2026-05-11T08:03"));
		assertEquals(1, runs.size());
		assertEquals(RunStatus.OK, runs.get(0).status(), String.valueOf(runs.get(0).error()));
		assertEquals("due", runs.get(0).trigger());
		List<ScheduleRun> history = scheduler.history(ws, "skipper", 0);
		assertEquals(List.of(RunStatus.OK, RunStatus.MISSED), history.stream().map(ScheduleRun::status).toList(),
				"newest first");
		assertEquals(1, scheduler.history(ws, "skipper", 1).size(), "limit");
	}

	@Test
	void aFailingReportIsRecordedAndTheOthersRun() throws Exception {
		scheduler.add(ws, daily("a-broken", "test-broken", 0, MissedRuns.RUN, Map.of()), at("2026-05-10T00:00"));
		scheduler.add(ws, daily("b-missing", "no-such-template", 0, MissedRuns.RUN, Map.of()), at("2026-05-10T00:00"));
		scheduler.add(ws, daily("c-bad-param", "rfm", 0, MissedRuns.RUN, Map.of("scoring", "sideways")), at("2026-05-10T00:00"));
		scheduler.add(ws, daily("d-good", "rfm", 0, MissedRuns.RUN, Map.of()), at("2026-05-10T00:00"));
		List<ScheduleRun> runs = scheduler.runDue(ws, at("2026-05-10T08:01"));
		assertEquals(List.of("a-broken", "b-missing", "c-bad-param", "d-good"), runs.stream().map(ScheduleRun::scheduleId).toList());
		assertEquals(RunStatus.FAILED, runs.get(0).status());
		assertNull(runs.get(0).made(), "a failed run made nothing");
		assertTrue(runs.get(0).error().contains("broken on purpose"), runs.get(0).error());
		assertEquals(RunStatus.FAILED, runs.get(1).status());
		assertTrue(runs.get(1).error().contains("no template 'no-such-template'"), runs.get(1).error());
		assertEquals(RunStatus.FAILED, runs.get(2).status());
		assertTrue(runs.get(2).error().contains("scoring"), runs.get(2).error());
		assertEquals(RunStatus.OK, runs.get(3).status(), String.valueOf(runs.get(3).error()));
		assertTrue(Files.exists(out.resolve("d-good/2026-05-10/rfm.pdf")));
		assertFalse(Files.exists(out.resolve("a-broken/2026-05-10/test-broken.pdf")), "a failed report leaves no file");
		// a failed due time is not retried at every check: it was dealt with
		assertEquals(List.of(), scheduler.runDue(ws, at("2026-05-10T08:02")));
		assertTrue(scheduler.history(ws, "a-broken", 0).get(0).error().contains("broken on purpose"));
	}

	@Test
	void onlyTheNewestOutputsAreKept() throws Exception {
		scheduler.add(ws, daily("keep2", "rfm", 2, MissedRuns.RUN, Map.of("format", "pdf")), at("2026-05-10T00:00"));
		for (String day : List.of("2026-05-10", "2026-05-11", "2026-05-12")) {
			List<ScheduleRun> runs = scheduler.runDue(ws, at(day + "T08:00:10"));
			assertEquals(RunStatus.OK, runs.get(0).status(), String.valueOf(runs.get(0).error()));
		}
		assertFalse(Files.exists(out.resolve("keep2/2026-05-10")), "the oldest run's folder is gone");
		assertTrue(Files.exists(out.resolve("keep2/2026-05-11/rfm.pdf")));
		assertTrue(Files.exists(out.resolve("keep2/2026-05-12/rfm.pdf")));
		List<ScheduleRun> history = scheduler.history(ws, "keep2", 0);
		assertEquals(List.of(false, false, true), history.stream().map(ScheduleRun::outputsRemoved).toList());
	}

	@Test
	void relativeDatesAreResolvedOnTheDueDay() throws Exception {
		scheduler.add(ws, daily("monthly", "rfm", 0, MissedRuns.RUN, Map.of("asOf", "@last-month.end", "lang", "zh")),
				at("2026-05-10T00:00"));
		ScheduleRun run = scheduler.runDue(ws, at("2026-05-10T08:00")).get(0);
		assertEquals(RunStatus.OK, run.status(), String.valueOf(run.error()));
		String text = Pdf.text(Path.of(run.outputs().get(0)));
		assertTrue(text.contains("截至 2026-05-01"), "as of the end of April:\n" + text);
	}

	@Test
	void theSameScheduleNeverRunsTwiceAtOnce() throws Exception {
		scheduler.add(ws, daily("slow", "test-waiting", 0, MissedRuns.RUN, Map.of()), at("2026-05-10T00:00"));
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			Future<List<ScheduleRun>> first = pool.submit(() -> scheduler.runDue(ws, at("2026-05-10T08:00")));
			assertTrue(waiting.entered.await(30, TimeUnit.SECONDS), "the first run started");
			assertNotNull(scheduler.get(ws, "slow").orElseThrow().claimedBy(), "claimed while it runs");
			assertEquals(List.of(), scheduler.runDue(ws, at("2026-05-10T08:00")), "a second check does not start it again");
			ScheduleException busy = assertThrows(ScheduleException.class, () -> scheduler.runNow(ws, "slow"));
			assertTrue(busy.getMessage().contains("being made"), busy.getMessage());
			waiting.release.countDown();
			List<ScheduleRun> runs = first.get(60, TimeUnit.SECONDS);
			assertEquals(RunStatus.OK, runs.get(0).status(), String.valueOf(runs.get(0).error()));
			assertEquals(1, scheduler.history(ws, "slow", 0).size());
		} finally {
			waiting.release.countDown();
			pool.shutdownNow();
		}
	}

	@Test
	void aClaimLeftByAProcessThatDiedIsTakenOver() throws Exception {
		scheduler.add(ws, daily("orphan", "rfm", 0, MissedRuns.RUN, Map.of()), at("2026-05-10T00:00"));
		try (Connection c = ws.connection(); Statement s = c.createStatement();
				PreparedStatement ps = c.prepareStatement("UPDATE report_schedules SET claimed_by = 'pid 1 on elsewhere', lease_until = ? WHERE schedule_id = 'orphan'")) {
			ps.setObject(1, OffsetDateTime.now().plusHours(5));
			ps.executeUpdate();
			s.executeUpdate("INSERT INTO report_runs(schedule_id, template, started, status, trigger_name) VALUES('orphan', 'rfm', CURRENT_TIMESTAMP, 'running', 'due')");
		}
		List<ScheduleRun> runs = scheduler.runDue(ws, at("2026-05-10T08:00"));
		assertEquals(RunStatus.OK, runs.get(0).status(), String.valueOf(runs.get(0).error()));
		ScheduleRun interrupted = scheduler.history(ws, "orphan", 0).get(1);
		assertEquals(RunStatus.FAILED, interrupted.status());
		assertTrue(interrupted.error().contains("interrupted: pid 1 on elsewhere"), interrupted.error());
	}

	@Test
	void theBackgroundLoopCatchesUpAtStartAndStops() throws Exception {
		List<ScheduleRun> heard = new CopyOnWriteArrayList<>();
		scheduler.addListener(heard::add);
		scheduler.add(ws, new Schedule("loop", "0 6 * * *", "rfm", List.of("html"), Map.of(), out.resolve("loop").toString(),
				0, MissedRuns.RUN), Instant.now().minusSeconds(3 * 86_400));
		scheduler.start(ws);
		try {
			assertEquals(ws, scheduler.started().orElseThrow());
			for (int i = 0; i < 600 && heard.isEmpty(); i++) {
				Thread.sleep(100);
			}
			assertEquals(1, heard.size(), "one catch-up run for three missed days");
			assertEquals("catch-up", heard.get(0).trigger());
			assertTrue(Files.exists(out.resolve("loop/rfm.html")));
		} finally {
			scheduler.stop();
		}
		assertTrue(scheduler.started().isEmpty());
		scheduler.stop(); // stopping twice is harmless
	}

	@Test
	void badSchedulesAreRefusedNamingTheField() {
		assertEquals("cron", assertThrows(ScheduleException.class,
				() -> new Schedule("x", "0 8 * *", "rfm", List.of("pdf"), Map.of(), "/tmp/x", 0, MissedRuns.RUN)).field());
		assertEquals("id", assertThrows(ScheduleException.class,
				() -> new Schedule("no spaces", "0 8 * * *", "rfm", List.of("pdf"), Map.of(), "/tmp/x", 0, MissedRuns.RUN)).field());
		assertEquals("format", assertThrows(ScheduleException.class,
				() -> new Schedule("x", "0 8 * * *", "rfm", List.of("docx"), Map.of(), "/tmp/x", 0, MissedRuns.RUN)).field());
		assertEquals("out", assertThrows(ScheduleException.class,
				() -> new Schedule("x", "0 8 * * *", "rfm", List.of("pdf"), Map.of(), "/tmp/{week}", 0, MissedRuns.RUN)).field());
		assertEquals("asOf", assertThrows(ScheduleException.class,
				() -> new Schedule("x", "0 8 * * *", "rfm", List.of("pdf"), Map.of("asOf", "@lastmonth"), "/tmp/x", 0, MissedRuns.RUN)).field());
		assertEquals("keep", assertThrows(ScheduleException.class,
				() -> new Schedule("x", "0 8 * * *", "rfm", List.of("pdf"), Map.of(), "/tmp/x", -1, MissedRuns.RUN)).field());
		assertEquals("missed", assertThrows(ScheduleException.class, () -> MissedRuns.of("later")).field());
	}

	@Test
	void addingAnIdTwiceIsRefusedAndRemoveKeepsHistory() throws Exception {
		scheduler.add(ws, daily("twice", "rfm", 0, MissedRuns.RUN, Map.of()), at("2026-05-10T00:00"));
		assertEquals("id", assertThrows(ScheduleException.class,
				() -> scheduler.add(ws, daily("twice", "rfm", 0, MissedRuns.RUN, Map.of()), at("2026-05-10T00:00"))).field());
		scheduler.runDue(ws, at("2026-05-10T08:00"));
		assertTrue(scheduler.remove(ws, "twice"));
		assertFalse(scheduler.remove(ws, "twice"));
		assertTrue(scheduler.get(ws, "twice").isEmpty());
		assertEquals(1, scheduler.history(ws, "twice", 0).size(), "the history stays");
	}
}
