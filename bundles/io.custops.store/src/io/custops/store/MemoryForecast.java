package io.custops.store;

import java.util.Locale;
import java.util.Optional;

import io.custops.core.data.FactKind;

/**
 * How much Java heap the in-memory analyses of a workspace need, forecast from its row counts,
 * and whether that fits the heap of this JVM. Checked before a workspace's facts are loaded and
 * after an import, so that the user reads "this workspace needs about N GB; use a source"
 * before the heap runs out, not after.
 *
 * <p>The bytes per row are the peak heap of loading a workspace and running an analysis on it
 * (segment, lifecycle, funnel), checked against {@code benchmarks/run.sh pushdown}
 * (benchmarks/README.md, issue 21): the dataset's columns and the copies a load makes while it
 * groups the rows by customer.
 *
 * @param neededBytes the forecast peak heap of an analysis
 * @param heapBytes   the heap it is compared with: {@link #heap()} unless given
 */
public record MemoryForecast(long customers, long orders, long events, long neededBytes, long heapBytes) {

	// Twice what the dataset keeps (123, 33 and 21 B): while a load groups the rows by customer it
	// holds the columns as read and their permuted copies at once, and that is the peak.
	/** Heap per customer (id text, index, attributes' codes). */
	public static final int BYTES_PER_CUSTOMER = 246;
	/** Heap per order (its columns, and the load's copies while grouping). */
	public static final int BYTES_PER_ORDER = 66;
	/** Heap per behaviour event. */
	public static final int BYTES_PER_EVENT = 42;
	/** What the framework, the services and the analysis's own small arrays take whatever the data. */
	public static final long BASE_BYTES = 96L << 20;
	/**
	 * The share of the heap a forecast may take before it warns: beyond it the collector spends
	 * most of its time collecting, or the next import tips it over.
	 */
	public static final double WARN_SHARE = 0.8;
	/**
	 * A system property that replaces {@link Runtime#maxMemory()} as the heap compared with (bytes,
	 * or with a k/m/g suffix): for tests, which cannot start a JVM of a small heap per case.
	 */
	public static final String HEAP_PROPERTY = "custops.memory.heap";

	/** The forecast for a workspace, from its summary (customers, orders and events held). */
	public static MemoryForecast of(WorkspaceInfo info) {
		return of(info.counts().getOrDefault(FactKind.CUSTOMERS, 0L), info.counts().getOrDefault(FactKind.ORDERS, 0L),
				info.counts().getOrDefault(FactKind.EVENTS, 0L));
	}

	/** The forecast for these counts against this JVM's heap. */
	public static MemoryForecast of(long customers, long orders, long events) {
		return of(customers, orders, events, heap());
	}

	/** The forecast for these counts against the given heap. */
	public static MemoryForecast of(long customers, long orders, long events, long heapBytes) {
		long needed = BASE_BYTES + customers * BYTES_PER_CUSTOMER + orders * BYTES_PER_ORDER + events * BYTES_PER_EVENT;
		return new MemoryForecast(customers, orders, events, needed, heapBytes);
	}

	/** The heap analyses run in: {@link #HEAP_PROPERTY} when set, else {@link Runtime#maxMemory()}. */
	public static long heap() {
		String given = System.getProperty(HEAP_PROPERTY);
		if (given != null && !given.isBlank()) {
			String t = given.trim().toLowerCase(Locale.ROOT);
			long factor = switch (t.charAt(t.length() - 1)) {
			case 'k' -> 1L << 10;
			case 'm' -> 1L << 20;
			case 'g' -> 1L << 30;
			default -> 1;
			};
			try {
				return Long.parseLong(factor == 1 ? t : t.substring(0, t.length() - 1)) * factor;
			} catch (NumberFormatException e) {
				// not a size: the real heap
			}
		}
		return Runtime.getRuntime().maxMemory();
	}

	/**
	 * The number of orders of a shop of this shape (customers and events per order) at which the
	 * forecast reaches the whole heap: where the in-memory path runs out.
	 */
	public static long ordersFitting(long heapBytes, double customersPerOrder, double eventsPerOrder) {
		double perOrder = BYTES_PER_ORDER + customersPerOrder * BYTES_PER_CUSTOMER + eventsPerOrder * BYTES_PER_EVENT;
		return (long) Math.max(0, (heapBytes - BASE_BYTES) / perOrder);
	}

	/** Whether the forecast stays within {@link #WARN_SHARE} of the heap. */
	public boolean fits() {
		return neededBytes <= heapBytes * WARN_SHARE;
	}

	/** The warning in plain words when it does not fit, in English. */
	public Optional<String> warning() {
		if (fits()) {
			return Optional.empty();
		}
		return Optional.of(String.format(Locale.ROOT,
				"this workspace needs about %s of memory for its analyses%s, %s the Java heap of %s; use a source"
						+ " (./custops source add, docs/warehouse.md) or start with CUSTOPS_HEAP=%s",
				size(neededBytes), counts(false), neededBytes > heapBytes ? "more than" : "close to", size(heapBytes),
				suggestedHeap()));
	}

	/** The same warning in Chinese. */
	public Optional<String> warningZh() {
		if (fits()) {
			return Optional.empty();
		}
		return Optional.of(String.format(Locale.ROOT,
				"此工作区的分析约需 %s 内存%s，%s Java 堆 %s；请改用数据源"
						+ "（./custops source add，见 docs/warehouse.md），或以 CUSTOPS_HEAP=%s 启动",
				size(neededBytes), counts(true), neededBytes > heapBytes ? "超出" : "接近", size(heapBytes),
				suggestedHeap()));
	}

	/** " (2,000,000 customers, 20,000,000 orders)": the kinds held, none when empty (customers only as imported). */
	private String counts(boolean zh) {
		java.util.List<String> parts = new java.util.ArrayList<>();
		long[] n = { customers, orders, events };
		String[][] names = { { "customers", "客户" }, { "orders", "订单" }, { "events", "行为事件" } };
		for (int i = 0; i < n.length; i++) {
			if (n[i] > 0) {
				parts.add(zh ? names[i][1] + String.format(Locale.ROOT, " %,d", n[i])
						: String.format(Locale.ROOT, "%,d ", n[i]) + names[i][0]);
			}
		}
		if (parts.isEmpty()) {
			return "";
		}
		return zh ? "（" + String.join("、", parts) + "）" : " (" + String.join(", ", parts) + ")";
	}

	/** A heap in whole gigabytes within which the forecast fits, as CUSTOPS_HEAP takes it. */
	String suggestedHeap() {
		long gb = (long) Math.ceil(neededBytes / WARN_SHARE / (1L << 30));
		return Math.max(1, gb) + "g";
	}

	/** A size as "5.2 GB", "740 MB" or "12 KB" (rounded up: a forecast should not look smaller than it is). */
	static String size(long bytes) {
		if (bytes >= 1L << 30) {
			return String.format(Locale.ROOT, "%.1f GB", Math.ceil(bytes * 10.0 / (1L << 30)) / 10);
		}
		if (bytes >= 1L << 20) {
			return (long) Math.ceil(bytes / (double) (1L << 20)) + " MB";
		}
		return (long) Math.ceil(bytes / 1024.0) + " KB";
	}
}
