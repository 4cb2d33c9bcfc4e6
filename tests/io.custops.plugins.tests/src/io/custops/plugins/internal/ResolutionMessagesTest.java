package io.custops.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The resolver's report in plain words. */
class ResolutionMessagesTest {

	@Test
	void explainsEachKindOfUnresolvedRequirement() {
		String report = """
				Could not resolve module: com.example.bad [42]
				  Unresolved requirement: Import-Package: org.nowhere; version="[2.0.0,3.0.0)"
				  Unresolved requirement: Require-Bundle: com.example.lib; bundle-version="1.2.0"
				  Unresolved requirement: Require-Capability: osgi.ee; filter:="(&(osgi.ee=JavaSE)(version>=99.0))"
				""";
		assertEquals(List.of(
				"it needs the Java package org.nowhere version [2.0.0,3.0.0), which neither the workbench nor an installed plugin provides",
				"it needs the bundle com.example.lib version 1.2.0, which is not installed",
				"it needs Java 99 (its Bundle-RequiredExecutionEnvironment), but the workbench runs on Java "
						+ Runtime.version().feature()),
				ResolutionMessages.explain(report));
	}

	@Test
	void keepsTheReportWhenItCannotTellMore() {
		assertEquals(List.of("something odd"), ResolutionMessages.explain("something odd"));
		assertEquals(List.of("it is a fragment of com.example.host, which is not installed"),
				ResolutionMessages.explain("Unresolved requirement: Fragment-Host: com.example.host"));
	}
}
