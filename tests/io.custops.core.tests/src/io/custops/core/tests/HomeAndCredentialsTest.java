package io.custops.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import io.custops.core.CustopsHome;
import io.custops.core.param.Parameters;

/** The one home of issue 22, and a password written into a value never kept in the clear. */
class HomeAndCredentialsTest {

	private static UnaryOperator<String> of(Map<String, String> m) {
		return m::get;
	}

	@Test
	void oneHomeTheShellsHomeBeforeTheJvmsGuess() {
		UnaryOperator<String> jvm = of(Map.of("user.home", "/jvm/home"));
		assertEquals(Path.of("/shell/home/.custops"), CustopsHome.resolve(jvm, of(Map.of("HOME", "/shell/home"))));
		assertEquals(Path.of("/jvm/home/.custops"), CustopsHome.resolve(jvm, of(Map.of())), "only without $HOME");
		assertEquals(Path.of("/state"), CustopsHome.resolve(jvm, of(Map.of("HOME", "/shell/home", "CUSTOPS_HOME", "/state"))));
		assertEquals(Path.of("/prop"), CustopsHome.resolve(of(Map.of("custops.home", "/prop", "user.home", "/jvm/home")),
				of(Map.of("CUSTOPS_HOME", "/state"))), "the script hands its home over as -Dcustops.home");
		assertEquals(Path.of("/state/workspace"), CustopsHome.defaultWorkspace(jvm, of(Map.of("CUSTOPS_HOME", "/state"))),
				"the default workspace follows the home");
		assertEquals(Path.of("/ws"), CustopsHome.defaultWorkspace(jvm, of(Map.of("CUSTOPS_HOME", "/state", "CUSTOPS_WORKSPACE", "/ws"))));
	}

	@Test
	void passwordsWrittenIntoUrlsAreMasked() {
		assertEquals("jdbc:postgresql://h:5432/shop?user=u&password=***&ssl=true",
				Parameters.withoutCredentials("jdbc:postgresql://h:5432/shop?user=u&password=hunter2&ssl=true"));
		assertEquals("jdbc:hsqldb:file:/data/shop;user=SA;password=***",
				Parameters.withoutCredentials("jdbc:hsqldb:file:/data/shop;user=SA;password=hunter2"));
		assertEquals("jdbc:hsqldb:file:/data/shop;PASSWORD=***;ifexists=true",
				Parameters.withoutCredentials("jdbc:hsqldb:file:/data/shop;PASSWORD=hunter2;ifexists=true"));
		assertEquals("jdbc:postgresql://u:***@h:5432/shop", Parameters.withoutCredentials("jdbc:postgresql://u:hunter2@h:5432/shop"));
		assertEquals("jdbc:sqlserver://h;pwd=***", Parameters.withoutCredentials("jdbc:sqlserver://h;pwd=hunter2"));
		assertEquals("jdbc:postgresql://h:5432/shop", Parameters.withoutCredentials("jdbc:postgresql://h:5432/shop"),
				"a port is no password");
		assertEquals("/data/orders.csv", Parameters.withoutCredentials("/data/orders.csv"));
	}
}
