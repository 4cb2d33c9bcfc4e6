package io.custops.ui.internal.views;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.Label;
import io.custops.core.spi.ResultColumn;

/**
 * What the Lifecycle part shows of a stage model's run, without widgets: customers per stage in
 * the model's order and the activity split ({@code activity} column: active, silent, sleeping,
 * lost). Made from an in-memory classification, or while a source's rows stream by
 * ({@link #streaming}: a counter per stage and per activity value, nothing per customer).
 */
public final class StageFigures {

	/** The order the activity values are shown in; others follow in the order met. */
	static final List<String> ACTIVITY_ORDER = List.of("active", "silent", "sleeping", "lost");

	private final List<Label> labels;
	private final long[] counts;
	private final boolean hasActivity;
	private final Map<String, Long> activity = new LinkedHashMap<>();
	private long customers;

	private StageFigures(List<Label> labels, boolean hasActivity) {
		this.labels = List.copyOf(labels);
		this.counts = new long[labels.size()];
		this.hasActivity = hasActivity;
	}

	/** The figures of an in-memory run. */
	public static StageFigures of(CustomerClassification r) {
		Optional<ResultColumn> act = r.column("activity");
		StageFigures figures = new StageFigures(r.labels(), act.isPresent());
		Map<String, Long> counts = r.counts();
		for (int i = 0; i < r.labels().size(); i++) {
			figures.counts[i] = counts.getOrDefault(r.labels().get(i).id(), 0L);
		}
		if (act.isPresent()) {
			for (int c = 0; c < r.customerCount(); c++) {
				figures.addActivity(act.get().format(c));
			}
		}
		figures.customers = r.customerCount();
		return figures;
	}

	/** Figures made while rows stream by. */
	public static Streaming streaming(List<Label> labels, List<String> columns) {
		return new Streaming(labels, columns);
	}

	/** Adds rows as they arrive; holds nothing per customer. */
	public static final class Streaming {
		private final StageFigures figures;
		private final Map<String, Integer> labelIndex = new HashMap<>();
		private final int activity;

		Streaming(List<Label> labels, List<String> columns) {
			activity = columns.indexOf("activity");
			figures = new StageFigures(labels, activity >= 0);
			for (int i = 0; i < labels.size(); i++) {
				labelIndex.put(labels.get(i).id(), i);
			}
		}

		public void row(String label, String[] values) {
			Integer l = label == null ? null : labelIndex.get(label);
			if (l != null) {
				figures.counts[l]++;
			}
			if (activity >= 0) {
				figures.addActivity(values[activity]);
			}
		}

		public StageFigures done(long customers) {
			figures.customers = customers;
			return figures;
		}
	}

	private void addActivity(String value) {
		if (value != null && !value.isEmpty()) {
			activity.merge(value, 1L, Long::sum);
		}
	}

	public List<Label> labels() {
		return labels;
	}

	/** Customers per stage, in the model's order. */
	public long[] counts() {
		return counts.clone();
	}

	/** Customers in a stage. */
	public long total() {
		long sum = 0;
		for (long n : counts) {
			sum += n;
		}
		return sum;
	}

	/** Customers of the dataset or the source. */
	public long customers() {
		return customers;
	}

	public boolean hasActivity() {
		return hasActivity;
	}

	/** Activity value → customers, in {@link #ACTIVITY_ORDER} first. */
	public Map<String, Long> activity() {
		List<String> keys = new ArrayList<>(activity.keySet());
		keys.sort((a, b) -> Integer.compare(rank(a), rank(b)));
		Map<String, Long> sorted = new LinkedHashMap<>();
		keys.forEach(k -> sorted.put(k, activity.get(k)));
		return sorted;
	}

	private static int rank(String value) {
		int i = ACTIVITY_ORDER.indexOf(value);
		return i < 0 ? ACTIVITY_ORDER.size() : i;
	}
}
