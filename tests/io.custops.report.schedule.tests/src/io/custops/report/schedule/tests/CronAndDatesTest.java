package io.custops.report.schedule.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.custops.report.schedule.CronSchedule;
import io.custops.report.schedule.OutputFolders;
import io.custops.report.schedule.RelativeDates;
import io.custops.report.schedule.ScheduleException;

/** Cron expressions (cron-utils inside OSGi), relative dates and output folder patterns. */
class CronAndDatesTest {

	private static ZonedDateTime t(String text) {
		return ZonedDateTime.parse(text);
	}

	@Test
	void cronExpressionsGiveTheNextTimeInTheZone() {
		CronSchedule mondays = CronSchedule.parse("0 8 * * MON");
		// 2026-05-14 is a Thursday
		assertEquals(t("2026-05-18T08:00+08:00[Asia/Shanghai]"), mondays.next(t("2026-05-14T10:00+08:00[Asia/Shanghai]")).orElseThrow());
		assertEquals(t("2026-05-25T08:00+08:00[Asia/Shanghai]"), mondays.next(t("2026-05-18T08:00+08:00[Asia/Shanghai]")).orElseThrow(),
				"strictly after: a time that matches gives the one after it");
		CronSchedule quarterHours = CronSchedule.parse("*/15  9-17 * * 1-5");
		assertEquals(t("2026-05-14T09:15Z[UTC]"), quarterHours.next(t("2026-05-14T09:00:01Z[UTC]")).orElseThrow());
		assertEquals(t("2026-05-15T09:00Z[UTC]"), quarterHours.next(t("2026-05-14T17:45Z[UTC]")).orElseThrow());
		assertEquals(t("2026-05-18T09:00Z[UTC]"), quarterHours.next(t("2026-05-15T17:45Z[UTC]")).orElseThrow(), "Friday to Monday");
		assertEquals(t("2026-06-01T00:00Z[UTC]"), CronSchedule.parse("@monthly").next(t("2026-05-14T00:00Z[UTC]")).orElseThrow());
		assertEquals(t("2027-01-01T00:00Z[UTC]"), CronSchedule.parse("@yearly").next(t("2026-05-14T00:00Z[UTC]")).orElseThrow());
		assertEquals(t("2026-05-17T00:00Z[UTC]"), CronSchedule.parse("@weekly").next(t("2026-05-14T00:00Z[UTC]")).orElseThrow(), "Sunday");
		assertEquals(t("2026-05-15T00:00Z[UTC]"), CronSchedule.parse("@DAILY").next(t("2026-05-14T00:00Z[UTC]")).orElseThrow());
		assertEquals(t("2026-05-14T01:00Z[UTC]"), CronSchedule.parse("@hourly").next(t("2026-05-14T00:00Z[UTC]")).orElseThrow());
		// the 31st only in months that have one
		assertEquals(t("2026-07-31T06:00Z[UTC]"), CronSchedule.parse("0 6 31 * *").next(t("2026-05-31T07:00Z[UTC]")).orElseThrow());
		assertTrue(mondays.describe(Locale.ENGLISH).toLowerCase(Locale.ROOT).contains("monday"), mondays.describe(Locale.ENGLISH));
	}

	@Test
	void schedulesAreDescribedInBothLanguages() {
		String[][] cases = { // expression, English, Chinese
				{ "0 8 * * MON", "every Monday at 08:00", "每周一 08:00" },
				{ "0 8 * * 1", "every Monday at 08:00", "每周一 08:00" },
				{ "30 7 * * 1-5", "every Monday to Friday at 07:30", "每周一至周五 07:30" },
				{ "0 9 * * MON,THU", "every Monday and Thursday at 09:00", "每周一、周四 09:00" },
				{ "0 9 * * 0", "every Sunday at 09:00", "每周日 09:00" },
				{ "0 9 * * 7", "every Sunday at 09:00", "每周日 09:00" },
				{ "@weekly", "every Sunday at 00:00", "每周日 00:00" },
				{ "@daily", "every day at 00:00", "每天 00:00" },
				{ "15 6 * * *", "every day at 06:15", "每天 06:15" },
				{ "0 7 1 * *", "on day 1 of every month at 07:00", "每月 1 日 07:00" },
				{ "@monthly", "on day 1 of every month at 00:00", "每月 1 日 00:00" },
				{ "0 0 11 11 *", "every year on 11 November at 00:00", "每年 11 月 11 日 00:00" },
				{ "@hourly", "every hour at minute 0", "每小时第 0 分钟" },
				{ "*/15 * * * *", "every 15 minutes", "每 15 分钟" },
				{ "0 */2 * * *", "every 2 hours at minute 0", "每 2 小时（第 0 分钟）" } };
		for (String[] c : cases) {
			CronSchedule cron = CronSchedule.parse(c[0]);
			assertEquals(c[1], cron.describe(Locale.ENGLISH), c[0]);
			assertEquals(c[2], cron.describe(Locale.CHINESE), c[0]);
		}
		// a shape without a short sentence: never a wrong one
		CronSchedule odd = CronSchedule.parse("0 8 1-7 * MON");
		assertEquals("按 cron 表达式「0 8 1-7 * MON」", odd.describe(Locale.CHINESE));
		assertTrue(!odd.describe(Locale.ENGLISH).isBlank(), odd.describe(Locale.ENGLISH));
	}

	@Test
	void badCronExpressionsAreRefusedSayingWhy() {
		for (String bad : new String[] { "", "0 8 * *", "0 8 * * * *", "61 * * * *", "0 25 * * *", "0 8 * * FUNDAY", "@sometimes",
				"a b c d e" }) {
			ScheduleException e = assertThrows(ScheduleException.class, () -> CronSchedule.parse(bad), bad);
			assertEquals("cron", e.field(), bad);
		}
		assertTrue(assertThrows(ScheduleException.class, () -> CronSchedule.parse("0 8 * *")).getMessage().contains("has 4 fields"));
	}

	@Test
	void relativeDatesCountFromTheDueDay() {
		LocalDate thursday = LocalDate.parse("2026-05-14");
		String[][] cases = { { "@today", "2026-05-14" }, { "@yesterday", "2026-05-13" }, { "@tomorrow", "2026-05-15" },
				{ "@today-7d", "2026-05-07" }, { "@today+1w", "2026-05-21" }, { "@today-1m", "2026-04-14" },
				{ "@today-1y", "2025-05-14" }, { "@yesterday-1d", "2026-05-12" },
				{ "@this-week.start", "2026-05-11" }, { "@last-week.start", "2026-05-04" }, { "@last-week.end", "2026-05-11" },
				{ "@last-week.last", "2026-05-10" }, { "@this-month.start", "2026-05-01" }, { "@last-month.start", "2026-04-01" },
				{ "@last-month.end", "2026-05-01" }, { "@last-month.last", "2026-04-30" }, { "@this-quarter.start", "2026-04-01" },
				{ "@last-quarter.start", "2026-01-01" }, { "@last-quarter.end", "2026-04-01" }, { "@last-quarter.last", "2026-03-31" },
				{ "@this-year.start", "2026-01-01" }, { "@last-year.start", "2025-01-01" }, { "@last-year.last", "2025-12-31" },
				{ "@LAST-MONTH.START", "2026-04-01" }, { "@@home", "@home" }, { "2026-01-01", "2026-01-01" }, { "view,cart", "view,cart" } };
		for (String[] c : cases) {
			assertEquals(c[1], RelativeDates.resolve("p", c[0], thursday), c[0]);
		}
		// January: last month and last quarter are in the year before; a Monday is its own week's start
		LocalDate january = LocalDate.parse("2026-01-05");
		assertEquals("2025-12-01", RelativeDates.resolve("p", "@last-month.start", january));
		assertEquals("2025-10-01", RelativeDates.resolve("p", "@last-quarter.start", january));
		assertEquals("2026-01-01", RelativeDates.resolve("p", "@last-quarter.end", january));
		assertEquals("2026-01-05", RelativeDates.resolve("p", "@this-week.start", january));
		assertEquals("2026-02-28", RelativeDates.resolve("p", "@today+1m", LocalDate.parse("2026-01-31")), "month ends are clamped");
		for (String bad : new String[] { "@lastmonth", "@last-month", "@today-7", "@today-7x", "@next-month.start", "@" }) {
			ScheduleException e = assertThrows(ScheduleException.class, () -> RelativeDates.resolve("from", bad, thursday), bad);
			assertEquals("from", e.field());
		}
	}

	@Test
	void outputFoldersFillTheirPlaceholders() {
		ZonedDateTime due = t("2026-05-14T08:00+08:00[Asia/Shanghai]");
		assertEquals(Path.of("/r/rfm/2026-05-14"), OutputFolders.resolve("/r/{template}/{date:yyyy-MM-dd}", due, "weekly", "rfm"));
		assertEquals(Path.of("/r/weekly-20260514-0800"), OutputFolders.resolve("/r/{schedule}-{date:yyyyMMdd-HHmm}", due, "weekly", "rfm"));
		assertEquals(Path.of("/r/2026-05-14"), OutputFolders.resolve("/r/{date}", due, "weekly", "rfm"));
		assertEquals(Path.of("/r/plain"), OutputFolders.resolve("/r/plain", due, "weekly", "rfm"));
		assertEquals("out", assertThrows(ScheduleException.class, () -> OutputFolders.check("/r/{week}")).field());
		assertEquals("out", assertThrows(ScheduleException.class, () -> OutputFolders.check("/r/{date:yyyy-MM-dd-ppp}")).field());
	}
}
