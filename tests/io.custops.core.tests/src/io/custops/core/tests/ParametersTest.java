package io.custops.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.custops.core.param.ParameterException;
import io.custops.core.param.ParameterSpec;
import io.custops.core.param.ParameterType;
import io.custops.core.param.Parameters;

class ParametersTest {

	private static final List<ParameterSpec> SPECS = List.of(
			ParameterSpec.builder("windowDays", ParameterType.INTEGER).defaultValue("365").min(0).build(),
			ParameterSpec.builder("basis", ParameterType.CHOICE).choices("spend", "orders").defaultValue("spend").build(),
			ParameterSpec.builder("control", ParameterType.PERCENT).defaultValue("20%").build(),
			ParameterSpec.builder("window", ParameterType.DURATION).build(),
			ParameterSpec.builder("from", ParameterType.DATE).build(),
			ParameterSpec.builder("margin", ParameterType.DECIMAL).build(),
			ParameterSpec.builder("map.*", ParameterType.STRING).build());

	@Test
	void defaultsAreFilledIn() {
		Parameters p = Parameters.resolve(SPECS, Map.of());
		assertEquals(365, p.integer("windowDays"));
		assertEquals("spend", p.string("basis"));
		assertEquals(0, new BigDecimal("0.20").compareTo(p.decimal("control")));
		assertEquals(Map.of("windowDays", "365", "basis", "spend", "control", "20%"), p.asText());
	}

	@Test
	void valuesAreReadByType() {
		Parameters p = Parameters.resolve(SPECS, Map.of("window", "7d", "from", "2026-06-30", "margin", "0.35",
				"basis", "ORDERS", "map.customer_id", "CustomerID", "control", "0.1"));
		assertEquals(Duration.ofDays(7), p.duration("window"));
		assertEquals(LocalDate.of(2026, 6, 30), p.date("from"));
		assertEquals(new BigDecimal("0.35"), p.decimal("margin"));
		assertEquals("orders", p.string("basis"));
		assertEquals(Map.of("customer_id", "CustomerID"), p.family("map"));
		assertEquals(new BigDecimal("0.1"), p.decimal("control"));
	}

	@Test
	void unknownKeyIsNamed() {
		ParameterException e = assertThrows(ParameterException.class,
				() -> Parameters.resolve(SPECS, Map.of("windowDay", "30")));
		assertEquals("windowDay", e.key());
		assertTrue(e.getMessage().contains("unknown"), e.getMessage());
	}

	@Test
	void illTypedValueIsNamed() {
		ParameterException e = assertThrows(ParameterException.class,
				() -> Parameters.resolve(SPECS, Map.of("windowDays", "thirty")));
		assertEquals("windowDays", e.key());
		assertTrue(e.getMessage().contains("whole number"), e.getMessage());
		assertThrows(ParameterException.class, () -> Parameters.resolve(SPECS, Map.of("windowDays", "-1")));
		assertThrows(ParameterException.class, () -> Parameters.resolve(SPECS, Map.of("basis", "visits")));
		assertThrows(ParameterException.class, () -> Parameters.resolve(SPECS, Map.of("from", "30/06/2026")));
		assertThrows(ParameterException.class, () -> Parameters.resolve(SPECS, Map.of("window", "7x")));
	}

	@Test
	void requiredParameterMustBeGiven() {
		List<ParameterSpec> specs = List.of(ParameterSpec.builder("campaign", ParameterType.STRING).required().build());
		assertEquals("campaign", assertThrows(ParameterException.class, () -> Parameters.resolve(specs, Map.of())).key());
	}

	@Test
	void badDefaultFailsAtDeclaration() {
		assertThrows(ParameterException.class,
				() -> ParameterSpec.builder("n", ParameterType.INTEGER).defaultValue("many").build());
	}

	@Test
	void secretsAreUsableButNeverShown() {
		List<ParameterSpec> specs = List.of(ParameterSpec.builder("user", ParameterType.STRING).build(),
				ParameterSpec.builder("password", ParameterType.STRING).secret().build());
		Parameters p = Parameters.resolve(specs, Map.of("user", "shop", "password", "s3cret!"));
		assertEquals("s3cret!", p.string("password"));
		assertEquals(Map.of("user", "shop", "password", Parameters.MASK), p.asText());
		assertTrue(!p.toString().contains("s3cret"), p.toString());
		assertTrue(specs.get(1).secret() && !specs.get(0).secret());
	}
}
