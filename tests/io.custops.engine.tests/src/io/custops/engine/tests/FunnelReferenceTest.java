package io.custops.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.custops.core.data.CustomerDatasetBuilder;
import io.custops.core.data.CustomerDataset;
import io.custops.engine.FunnelAnalysis;
import io.custops.engine.FunnelResult;
import io.custops.engine.FunnelResult.Group;

/**
 * The funnel on a random dataset (fixed seed) against a plain reference written from the
 * definition: greedy matching on objects, medians by sorting. Catches what hand-made cases
 * miss in the primitive-array code (selection of medians, groups laid out by counting).
 */
class FunnelReferenceTest {

	private static final String[] TYPES = { "view", "cart", "order", "search" };
	private static final String[] STEPS = { "view", "cart", "order" };

	record Event(long time, String type) {
	}

	@Test
	void matchesTheReferenceOnRandomData() {
		SplittableRandom random = new SplittableRandom(20261123);
		CustomerDatasetBuilder builder = CustomerDataset.builder(ZoneOffset.UTC);
		Map<String, List<Event>> events = new HashMap<>();
		Map<String, String> region = new HashMap<>();
		int customers = 3000;
		for (int c = 0; c < customers; c++) {
			String id = "r" + c;
			String r = "region" + random.nextInt(4);
			builder.attribute(id, "region", r);
			region.put(id, r);
			List<Event> list = new ArrayList<>();
			long t = 1_700_000_000L;
			for (int e = random.nextInt(12); e > 0; e--) {
				// few distinct gaps: many equal durations, as in real data
				t += random.nextInt(5) * 30L;
				Event event = new Event(t, TYPES[random.nextInt(TYPES.length)]);
				list.add(event);
				builder.event(id, event.time(), event.type(), null, null);
			}
			events.put(id, list);
		}
		CustomerDataset data = builder.build();
		FunnelResult result = Engine.service(FunnelAnalysis.class).run(data,
				Map.of("steps", String.join(",", STEPS), "breakdown", "region"), null);

		Map<String, long[]> reachedByGroup = new HashMap<>();
		Map<String, List<List<Long>>> deltasByGroup = new HashMap<>();
		for (String group : List.of("", "region0", "region1", "region2", "region3")) {
			reachedByGroup.put(group, new long[STEPS.length]);
			List<List<Long>> deltas = new ArrayList<>();
			for (int k = 0; k < STEPS.length; k++) {
				deltas.add(new ArrayList<>());
			}
			deltasByGroup.put(group, deltas);
		}
		for (Map.Entry<String, List<Event>> customer : events.entrySet()) {
			int k = 0;
			long previous = 0;
			for (Event event : customer.getValue()) {
				if (k < STEPS.length && event.type().equals(STEPS[k])) {
					for (String group : List.of("", region.get(customer.getKey()))) {
						reachedByGroup.get(group)[k]++;
						if (k > 0) {
							deltasByGroup.get(group).get(k).add(event.time() - previous);
						}
					}
					previous = event.time();
					k++;
				}
			}
		}
		assertEquals(Arrays.stream(reachedByGroup.get("")).boxed().toList(),
				result.steps().stream().map(s -> s.customers()).toList());
		assertEquals(medians(deltasByGroup.get("")),
				result.steps().stream().map(s -> s.medianSecondsFromPrevious()).toList());
		assertEquals(4, result.groups().size());
		for (Group group : result.groups()) {
			assertEquals(Arrays.stream(reachedByGroup.get(group.group())).boxed().toList(),
					group.steps().stream().map(s -> s.customers()).toList(), group.group());
			assertEquals(medians(deltasByGroup.get(group.group())),
					group.steps().stream().map(s -> s.medianSecondsFromPrevious()).toList(), group.group());
		}
	}

	private static List<BigDecimal> medians(List<List<Long>> deltas) {
		List<BigDecimal> medians = new ArrayList<>();
		medians.add(null);
		for (int k = 1; k < deltas.size(); k++) {
			List<Long> sorted = deltas.get(k).stream().sorted().toList();
			int n = sorted.size();
			if (n == 0) {
				medians.add(null);
			} else if (n % 2 == 1) {
				medians.add(BigDecimal.valueOf(sorted.get(n / 2)));
			} else {
				BigDecimal mean = BigDecimal.valueOf(sorted.get(n / 2 - 1) + sorted.get(n / 2)).divide(BigDecimal.valueOf(2));
				medians.add(mean.scale() > 0 ? mean.setScale(1) : mean);
			}
		}
		return medians;
	}
}
