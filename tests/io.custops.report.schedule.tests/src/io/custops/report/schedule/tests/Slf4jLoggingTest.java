package io.custops.report.schedule.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * cron-utils logs through slf4j. The runtime does not start a service-loader extender, so slf4j
 * must find its java.util.logging provider through the io.custops.logging.slf4j fragment;
 * without it slf4j falls back to its no-operation logger and the scheduler's warnings are lost.
 */
class Slf4jLoggingTest {

	@Test
	void slf4jMessagesReachJavaUtilLogging() {
		String name = "io.custops.report.schedule.tests.slf4j";
		java.util.logging.Logger julLogger = java.util.logging.Logger.getLogger(name);
		List<LogRecord> seen = new ArrayList<>();
		Handler handler = new Handler() {
			@Override
			public void publish(LogRecord r) {
				seen.add(r);
			}

			@Override
			public void flush() {
			}

			@Override
			public void close() {
			}
		};
		julLogger.addHandler(handler);
		try {
			LoggerFactory.getLogger(name).warn("next run of {} skipped", "weekly-roi");
		} finally {
			julLogger.removeHandler(handler);
		}
		assertEquals(1, seen.size(), "the slf4j warning did not reach java.util.logging");
		assertEquals(Level.WARNING, seen.get(0).getLevel());
		assertEquals("next run of weekly-roi skipped", seen.get(0).getMessage());
	}
}
