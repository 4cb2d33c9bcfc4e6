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
 * definition: every chain of events tried on objects, medians by sorting. Catches what hand-made cases
 * miss in the primitive-array code (selection of medians, groups laid out by counting).
 */
class FunnelReferenceTest {

	private static final String[] TYPES = { "view", "cart", "order", "search" };
	private static final String[] STEPS = { "view", "cart", "order" };

	record Event(long time, String type) {
	}

	@Test
	void matchesTheReferenceOnRandomData() {
		for (String order : List.of("ordered", "strict")) {
			matchesTheReference(order);
		}
	}

	private void matchesTheReference(String order) {
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
				// few distinct gaps, many in the same second, now and then one past the one-hour window
				t += random.nextInt(8) == 0 ? 1800L * random.nextInt(4) : random.nextInt(5) * 30L;
				Event event = new Event(t, TYPES[random.nextInt(TYPES.length)]);
				list.add(event);
				builder.event(id, event.time(), event.type(), null, null);
			}
			events.put(id, list);
		}
		CustomerDataset data = builder.build();
		FunnelResult result = Engine.service(FunnelAnalysis.class).run(data,
				Map.of("steps", String.join(",", STEPS), "breakdown", "region", "window", "1h", "order", order), null);

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
			List<Event> chain = best(customer.getValue(), order.equals("strict"));
			for (int k = 0; k < chain.size(); k++) {
				for (String group : List.of("", region.get(customer.getKey()))) {
					reachedByGroup.get(group)[k]++;
					if (k > 0) {
						deltasByGroup.get(group).get(k).add(chain.get(k).time() - chain.get(k - 1).time());
					}
				}
			}
		}
		assertEquals(Arrays.stream(reachedByGroup.get("")).boxed().toList(),
				result.steps().stream().map(s -> s.customers()).toList(), order);
		assertEquals(medians(deltasByGroup.get("")),
				result.steps().stream().map(s -> s.medianSecondsFromPrevious()).toList(), order);
		assertEquals(4, result.groups().size());
		for (Group group : result.groups()) {
			assertEquals(Arrays.stream(reachedByGroup.get(group.group())).boxed().toList(),
					group.steps().stream().map(s -> s.customers()).toList(), group.group());
			assertEquals(medians(deltasByGroup.get(group.group())),
					group.steps().stream().map(s -> s.medianSecondsFromPrevious()).toList(), group.group());
		}
	}

	/**
	 * The definition, by brute force: events in time order, those of one second in step order;
	 * every chain of events matching the steps in that order within an hour of its first (strict:
	 * next to each other); the deepest, and of those the one whose last event comes first, then
	 * whose earlier events come as late as possible (the latest occurrence that still converts).
	 */
	private static List<Event> best(List<Event> raw, boolean strict) {
		List<Event> sorted = new ArrayList<>(raw);
		List<String> steps = List.of(STEPS);
		sorted.sort(java.util.Comparator.comparingLong(Event::time).thenComparingInt(e -> {
			int k = steps.indexOf(e.type());
			return k < 0 ? STEPS.length : k;
		}));
		List<int[]> chains = new ArrayList<>();
		extend(sorted, strict, new int[0], chains);
		int[] best = new int[0];
		for (int[] chain : chains) {
			if (better(chain, best)) {
				best = chain;
			}
		}
		List<Event> result = new ArrayList<>();
		for (int i : best) {
			result.add(sorted.get(i));
		}
		return result;
	}

	private static void extend(List<Event> sorted, boolean strict, int[] chain, List<int[]> chains) {
		int k = chain.length;
		if (k > 0) {
			chains.add(chain);
		}
		if (k == STEPS.length) {
			return;
		}
		int from = k == 0 ? 0 : chain[k - 1] + 1;
		int to = strict && k > 0 ? Math.min(from + 1, sorted.size()) : sorted.size();
		for (int i = from; i < to; i++) {
			Event e = sorted.get(i);
			if (e.type().equals(STEPS[k]) && (k == 0 || e.time() - sorted.get(chain[0]).time() <= 3600)) {
				int[] next = Arrays.copyOf(chain, k + 1);
				next[k] = i;
				extend(sorted, strict, next, chains);
			}
		}
	}

	private static boolean better(int[] a, int[] b) {
		if (a.length != b.length) {
			return a.length > b.length;
		}
		int last = a.length - 1;
		if (a[last] != b[last]) {
			return a[last] < b[last];
		}
		for (int k = last - 1; k >= 0; k--) {
			if (a[k] != b[k]) {
				return a[k] > b[k];
			}
		}
		return false;
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
