package io.custops.core.data;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Collects facts in any order and builds a {@link CustomerDataset}: customers get dense
 * indexes in order of first appearance, orders and events are grouped per customer by a
 * counting sort and ordered by time within a customer (stable: ties keep input order).
 */
public final class CustomerDatasetBuilder {

	private static final int STATUSES = OrderStatus.values().length;

	private final ZoneId zone;
	private final List<String> customerIds = new ArrayList<>();
	private Map<String, Integer> indexById = new HashMap<>();
	/** Whether a built dataset holds {@link #indexById}: it is copied before the next new customer. */
	private boolean indexByIdShared;
	private final Map<String, Dictionary> attributes = new LinkedHashMap<>();

	private final Dictionary tags = new Dictionary();
	private final java.util.List<java.util.BitSet> tagsOfCustomer = new ArrayList<>();

	private final IntList orderCustomer = new IntList();
	private final LongList orderTime = new LongList();
	private final LongList orderAmount = new LongList();
	private final ByteList orderStatus = new ByteList();
	private final IntList orderQuantity = new IntList();
	private final IntList orderUsageDays = new IntList();
	private final Dictionary orderChannel = new Dictionary();

	private final IntList eventCustomer = new IntList();
	private final LongList eventTime = new LongList();
	private final IntList eventType = new IntList();
	private final Dictionary eventTypes = new Dictionary();
	private final IntList eventSession = new IntList();
	private final Dictionary sessions = new Dictionary();
	private final Dictionary eventChannel = new Dictionary();

	CustomerDatasetBuilder(ZoneId zone) {
		this.zone = Objects.requireNonNull(zone, "zone");
		for (String type : EventTypes.STANDARD) {
			eventTypes.code(type);
		}
	}

	/** The dense index of a customer, adding the customer when new. */
	public int customer(String customerId) {
		Integer index = indexById.get(customerId);
		if (index == null) {
			if (indexByIdShared) {
				indexById = new HashMap<>(indexById);
				indexByIdShared = false;
			}
			index = customerIds.size();
			customerIds.add(customerId);
			indexById.put(customerId, index);
		}
		return index;
	}

	/**
	 * The dense indexes of customers, adding those that are new: for loaders that hold a
	 * dictionary of customer ids (the index table is sized for them at once).
	 */
	public int[] customers(List<String> customerIds) {
		if (this.customerIds.isEmpty() && !indexByIdShared) {
			indexById = HashMap.newHashMap(customerIds.size());
		}
		int[] index = new int[customerIds.size()];
		for (int i = 0; i < index.length; i++) {
			index[i] = customer(customerIds.get(i));
		}
		return index;
	}

	/** Sets an attribute of a customer (adds the customer when new). */
	public CustomerDatasetBuilder attribute(String customerId, String name, String value) {
		int index = customer(customerId);
		attributes.computeIfAbsent(name, n -> new Dictionary()).set(index, value);
		return this;
	}

	/**
	 * Sets one attribute of many customers at once, as a columnar store holds it: customer
	 * {@code customer[i]} (a dense index) gets {@code values.get(code[i])}; a code of -1 leaves
	 * the customer's value as it is, an empty value is none. An attribute no customer has a code
	 * of is not added.
	 */
	public CustomerDatasetBuilder attribute(String name, int rows, int[] customer, int[] code, List<String> values) {
		checkCustomers(customer, rows);
		if (!attributes.containsKey(name) && Arrays.stream(code, 0, rows).allMatch(c -> c < 0)) {
			return this;
		}
		Dictionary dictionary = attributes.computeIfAbsent(name, n -> new Dictionary());
		int[] mine = dictionary.codes(values);
		dictionary.pad(customerIds.size());
		int[] rowCodes = dictionary.rowCodes.data;
		for (int i = 0; i < rows; i++) {
			int c = code[i];
			if (c >= 0) {
				rowCodes[customer[i]] = mine[c];
			}
		}
		return this;
	}

	/** Gives a customer a manual tag (adds the customer when new); repeated tags are kept once. */
	public CustomerDatasetBuilder tag(String customerId, String tag) {
		int index = customer(customerId);
		while (tagsOfCustomer.size() <= index) {
			tagsOfCustomer.add(null);
		}
		java.util.BitSet set = tagsOfCustomer.get(index);
		if (set == null) {
			set = new java.util.BitSet();
			tagsOfCustomer.set(index, set);
		}
		set.set(tags.code(tag));
		return this;
	}

	/**
	 * Adds an order.
	 *
	 * @param localSeconds see {@link CustomerDataset#localSeconds(java.time.LocalDateTime)}
	 * @param amountCents  the amount in hundredths
	 * @param quantity     1 when unknown
	 * @param usageDays    0 when unknown
	 * @param channel      may be null
	 */
	public CustomerDatasetBuilder order(String customerId, long localSeconds, long amountCents, OrderStatus status,
			int quantity, int usageDays, String channel) {
		return order(customer(customerId), localSeconds, amountCents, status, quantity, usageDays, channel);
	}

	/**
	 * Adds an order of the customer with a dense index {@link #customer(String)} returned: for
	 * loaders that resolve each customer once rather than once per order.
	 */
	public CustomerDatasetBuilder order(int customer, long localSeconds, long amountCents, OrderStatus status,
			int quantity, int usageDays, String channel) {
		Objects.checkIndex(customer, customerIds.size());
		orderCustomer.add(customer);
		orderTime.add(localSeconds);
		orderAmount.add(amountCents);
		orderStatus.add(status.code());
		orderQuantity.add(quantity);
		orderUsageDays.add(usageDays);
		orderChannel.set(orderTime.size - 1, channel);
		return this;
	}

	/** Adds an event; session and channel may be null. */
	public CustomerDatasetBuilder event(String customerId, long localSeconds, String type, String session,
			String channel) {
		return event(customer(customerId), localSeconds, type, session, channel);
	}

	/** Adds an event of the customer with a dense index {@link #customer(String)} returned. */
	public CustomerDatasetBuilder event(int customer, long localSeconds, String type, String session, String channel) {
		Objects.checkIndex(customer, customerIds.size());
		eventCustomer.add(customer);
		eventTime.add(localSeconds);
		eventType.add(eventTypes.code(type));
		eventSession.add(session == null ? -1 : sessions.code(session));
		eventChannel.set(eventTime.size - 1, channel);
		return this;
	}

	/**
	 * Orders given a column at a time, as a columnar store holds them: order {@code i} of
	 * {@code rows} is {@code customer[i]}, {@code localSeconds[i]} and so on. Arrays may be longer
	 * than {@code rows}.
	 *
	 * @param customer     dense indexes {@link #customer(String)} returned
	 * @param status       {@link OrderStatus#code()}s
	 * @param quantity     1 when unknown
	 * @param usageDays    0 when unknown
	 * @param channel      indexes into {@code channelNames}, -1 for none
	 * @param channelNames the channels' names; an empty one counts as none
	 */
	public record OrderColumns(int rows, int[] customer, long[] localSeconds, long[] amountCents, byte[] status,
			int[] quantity, int[] usageDays, int[] channel, List<String> channelNames) {
	}

	/**
	 * Events given a column at a time (see {@link OrderColumns}).
	 *
	 * @param type    indexes into {@code typeNames}
	 * @param session indexes into {@code sessionNames}, -1 for none; an empty name counts as none
	 * @param channel indexes into {@code channelNames}, -1 for none; an empty name counts as none
	 */
	public record EventColumns(int rows, int[] customer, long[] localSeconds, int[] type, List<String> typeNames,
			int[] session, List<String> sessionNames, int[] channel, List<String> channelNames) {
	}

	/**
	 * Adds orders a column at a time: for loaders of millions of orders, which would otherwise
	 * go through {@link #order(int, long, long, OrderStatus, int, int, String)} one by one. The
	 * builder takes the arrays over (the first such call keeps them without a copy, and rewrites
	 * {@code channel} in place): the caller must not use them afterwards.
	 */
	public CustomerDatasetBuilder orders(OrderColumns columns) {
		int rows = columns.rows();
		checkCustomers(columns.customer(), rows);
		byte[] status = columns.status();
		for (int i = 0; i < rows; i++) {
			Objects.checkIndex(status[i], STATUSES);
		}
		int[] channel = orderChannel.recode(columns.channel(), rows, columns.channelNames());
		orderChannel.pad(orderTime.size);
		orderCustomer.append(columns.customer(), rows);
		orderTime.append(columns.localSeconds(), rows);
		orderAmount.append(columns.amountCents(), rows);
		orderStatus.append(status, rows);
		orderQuantity.append(columns.quantity(), rows);
		orderUsageDays.append(columns.usageDays(), rows);
		orderChannel.rowCodes.append(channel, rows);
		return this;
	}

	/** Adds events a column at a time; the builder takes the arrays over (see {@link #orders(OrderColumns)}). */
	public CustomerDatasetBuilder events(EventColumns columns) {
		int rows = columns.rows();
		checkCustomers(columns.customer(), rows);
		int[] type = columns.type();
		int[] typeCode = new int[columns.typeNames().size()];
		for (int k = 0; k < typeCode.length; k++) {
			typeCode[k] = eventTypes.code(columns.typeNames().get(k));
		}
		for (int i = 0; i < rows; i++) {
			type[i] = typeCode[Objects.checkIndex(type[i], typeCode.length)];
		}
		int[] session = sessions.recode(columns.session(), rows, columns.sessionNames());
		int[] channel = eventChannel.recode(columns.channel(), rows, columns.channelNames());
		eventChannel.pad(eventTime.size);
		eventCustomer.append(columns.customer(), rows);
		eventTime.append(columns.localSeconds(), rows);
		eventType.append(type, rows);
		eventSession.append(session, rows);
		eventChannel.rowCodes.append(channel, rows);
		return this;
	}

	private void checkCustomers(int[] customer, int rows) {
		int n = customerIds.size();
		for (int i = 0; i < rows; i++) {
			Objects.checkIndex(customer[i], n);
		}
	}

	public CustomerDataset build() {
		int n = customerIds.size();
		Parts p = new Parts();
		p.zone = zone;
		p.customerIds = customerIds.toArray(String[]::new);
		p.indexById = indexById; // never changed by the dataset; copied here before a change (customer())
		indexByIdShared = true;
		p.attributes = new LinkedHashMap<>();
		attributes.forEach((name, dict) -> p.attributes.put(name, dict.column(n)));

		p.tagNames = tags.values;
		p.tagOffsets = new int[n + 1];
		IntList tagIds = new IntList();
		for (int c = 0; c < n; c++) {
			java.util.BitSet set = c < tagsOfCustomer.size() ? tagsOfCustomer.get(c) : null;
			if (set != null) {
				set.stream().forEach(tagIds::add);
			}
			p.tagOffsets[c + 1] = tagIds.size;
		}
		p.tagIds = Arrays.copyOf(tagIds.data, tagIds.size);

		p.orderOffsets = offsets(orderCustomer, n);
		p.orderTime = new long[orderTime.size];
		int[] orderPerm = groupByCustomer(orderCustomer, orderTime, p.orderOffsets, p.orderTime);
		// two of the columns on a second core: each permutation is a random read per row
		ForkJoinTask<?> amountAndStatus = ForkJoinPool.commonPool().submit(() -> {
			p.orderAmount = orderAmount.permute(orderPerm);
			p.orderStatus = orderStatus.permute(orderPerm);
		});
		p.orderQuantity = orderQuantity.permute(orderPerm);
		p.orderUsageDays = orderUsageDays.permute(orderPerm);
		p.orderChannel = orderChannel.column(orderTime.size, orderPerm);
		amountAndStatus.join();

		p.eventOffsets = offsets(eventCustomer, n);
		p.eventTime = new long[eventTime.size];
		int[] eventPerm = groupByCustomer(eventCustomer, eventTime, p.eventOffsets, p.eventTime);
		ForkJoinTask<?> session = ForkJoinPool.commonPool().submit(() -> {
			p.eventSession = eventSession.permute(eventPerm);
		});
		p.eventType = eventType.permute(eventPerm);
		p.eventTypeNames = eventTypes.values;
		p.eventChannel = eventChannel.column(eventTime.size, eventPerm);
		session.join();
		return new CustomerDataset(p);
	}

	private static int[] offsets(IntList customer, int n) {
		int[] offsets = new int[n + 1];
		for (int i = 0; i < customer.size; i++) {
			offsets[customer.data[i] + 1]++;
		}
		for (int c = 0; c < n; c++) {
			offsets[c + 1] += offsets[c];
		}
		return offsets;
	}

	/**
	 * Counting sort by customer (stable), then by time inside each customer's run; returns the
	 * permutation and leaves the times in their new order in {@code sortedTime}. The times move
	 * with the rows, so that ordering a run reads neighbouring memory, not the whole column.
	 */
	private static int[] groupByCustomer(IntList customer, LongList time, int[] offsets, long[] sortedTime) {
		int[] next = Arrays.copyOf(offsets, offsets.length - 1);
		int[] perm = new int[customer.size];
		int[] c = customer.data;
		long[] t = time.data;
		for (int i = 0; i < customer.size; i++) {
			int at = next[c[i]]++;
			perm[at] = i;
			sortedTime[at] = t[i];
		}
		long[] timeScratch = null;
		int[] permScratch = null;
		for (int k = 0; k + 1 < offsets.length; k++) {
			int from = offsets[k];
			int to = offsets[k + 1];
			if (to - from <= INSERTION_SORT_MAX) {
				insertionSort(sortedTime, perm, from, to);
			} else if (!sorted(sortedTime, from, to)) {
				if (timeScratch == null || timeScratch.length < to - from) {
					timeScratch = new long[to - from];
					permScratch = new int[to - from];
				}
				mergeSort(sortedTime, perm, from, to, timeScratch, permScratch);
			}
		}
		return perm;
	}

	/** Runs up to this long are ordered by insertion; longer ones (a customer with many orders) by merging. */
	private static final int INSERTION_SORT_MAX = 32;

	private static void insertionSort(long[] time, int[] perm, int from, int to) {
		for (int i = from + 1; i < to; i++) {
			long t = time[i];
			if (time[i - 1] <= t) {
				continue;
			}
			int row = perm[i];
			int j = i - 1;
			while (j >= from && time[j] > t) {
				time[j + 1] = time[j];
				perm[j + 1] = perm[j];
				j--;
			}
			time[j + 1] = t;
			perm[j + 1] = row;
		}
	}

	private static boolean sorted(long[] time, int from, int to) {
		for (int i = from + 1; i < to; i++) {
			if (time[i - 1] > time[i]) {
				return false;
			}
		}
		return true;
	}

	/** A stable bottom-up merge sort of [from, to) by time, the permutation moving along. */
	private static void mergeSort(long[] time, int[] perm, int from, int to, long[] timeScratch, int[] permScratch) {
		for (int i = from; i < to; i += INSERTION_SORT_MAX) {
			insertionSort(time, perm, i, Math.min(i + INSERTION_SORT_MAX, to));
		}
		long[] srcTime = time;
		int[] srcPerm = perm;
		long[] dstTime = timeScratch;
		int[] dstPerm = permScratch;
		int srcBase = from;
		int dstBase = 0;
		int n = to - from;
		for (int width = INSERTION_SORT_MAX; width < n; width *= 2) {
			for (int lo = 0; lo < n; lo += 2 * width) {
				int mid = Math.min(lo + width, n);
				int hi = Math.min(lo + 2 * width, n);
				int a = lo;
				int b = mid;
				for (int out = lo; out < hi; out++) {
					// ties take the left run first: stable
					if (b >= hi || a < mid && srcTime[srcBase + a] <= srcTime[srcBase + b]) {
						dstTime[dstBase + out] = srcTime[srcBase + a];
						dstPerm[dstBase + out] = srcPerm[srcBase + a++];
					} else {
						dstTime[dstBase + out] = srcTime[srcBase + b];
						dstPerm[dstBase + out] = srcPerm[srcBase + b++];
					}
				}
			}
			long[] swapTime = srcTime;
			srcTime = dstTime;
			dstTime = swapTime;
			int[] swapPerm = srcPerm;
			srcPerm = dstPerm;
			dstPerm = swapPerm;
			int swapBase = srcBase;
			srcBase = dstBase;
			dstBase = swapBase;
		}
		if (srcTime != time) {
			System.arraycopy(srcTime, srcBase, time, from, n);
			System.arraycopy(srcPerm, srcBase, perm, from, n);
		}
	}

	static final class Parts {
		ZoneId zone;
		String[] customerIds;
		Map<String, Integer> indexById;
		Map<String, DictionaryColumn> attributes;
		List<String> tagNames;
		int[] tagOffsets;
		int[] tagIds;
		int[] orderOffsets;
		long[] orderTime;
		long[] orderAmount;
		byte[] orderStatus;
		int[] orderQuantity;
		int[] orderUsageDays;
		DictionaryColumn orderChannel;
		int[] eventOffsets;
		long[] eventTime;
		int[] eventType;
		List<String> eventTypeNames;
		int[] eventSession;
		DictionaryColumn eventChannel;
	}

	private static final class Dictionary {
		final List<String> values = new ArrayList<>();
		final Map<String, Integer> codes = new HashMap<>();
		final IntList rowCodes = new IntList();

		int code(String value) {
			Integer code = codes.get(value);
			if (code == null) {
				code = values.size();
				values.add(value);
				codes.put(value, code);
			}
			return code;
		}

		void set(int row, String value) {
			int code = codeOrNone(value);
			pad(row + 1);
			rowCodes.data[row] = code;
		}

		/** The value's code, adding it when new; -1 for a null or empty value (none). */
		int codeOrNone(String value) {
			return value == null || value.isEmpty() ? -1 : code(value);
		}

		/** Rewrites codes into {@code names} as this dictionary's codes, in place; -1 and empty names become -1. */
		int[] recode(int[] codes, int rows, List<String> names) {
			int[] mine = codes(names);
			for (int i = 0; i < rows; i++) {
				int code = codes[i];
				codes[i] = code < 0 ? -1 : mine[code];
			}
			return codes;
		}

		/** This dictionary's code of each name, adding the new ones; -1 for a null or empty name. */
		int[] codes(List<String> names) {
			int[] mine = new int[names.size()];
			for (int k = 0; k < mine.length; k++) {
				mine[k] = codeOrNone(names.get(k));
			}
			return mine;
		}

		/** Gives rows before {@code rows} that were never set their -1, so that rows can be appended after them. */
		void pad(int rows) {
			while (rowCodes.size < rows) {
				rowCodes.add(-1);
			}
		}

		DictionaryColumn column(int rows) {
			int[] codes = Arrays.copyOf(rowCodes.data, rows);
			Arrays.fill(codes, Math.min(rowCodes.size, rows), rows, -1);
			return new DictionaryColumn(codes, values);
		}

		DictionaryColumn column(int rows, int[] perm) {
			int[] codes = new int[rows];
			for (int i = 0; i < rows; i++) {
				int src = perm[i];
				codes[i] = src < rowCodes.size ? rowCodes.data[src] : -1;
			}
			return new DictionaryColumn(codes, values);
		}
	}

	private static final class IntList {
		int[] data = new int[16];
		int size;

		/** Appends the first {@code rows} values; the first append into an empty list keeps the array itself. */
		void append(int[] values, int rows) {
			if (size == 0 && values.length >= rows) {
				data = values;
				size = rows;
				return;
			}
			if (size + rows > data.length) {
				data = Arrays.copyOf(data, Math.max(size + rows, size * 2));
			}
			System.arraycopy(values, 0, data, size, rows);
			size += rows;
		}

		void add(int v) {
			if (size == data.length) {
				data = Arrays.copyOf(data, size * 2);
			}
			data[size++] = v;
		}

		int[] permute(int[] perm) {
			int[] out = new int[size];
			for (int i = 0; i < size; i++) {
				out[i] = data[perm[i]];
			}
			return out;
		}
	}

	private static final class LongList {
		long[] data = new long[16];
		int size;

		/** Appends the first {@code rows} values; the first append into an empty list keeps the array itself. */
		void append(long[] values, int rows) {
			if (size == 0 && values.length >= rows) {
				data = values;
				size = rows;
				return;
			}
			if (size + rows > data.length) {
				data = Arrays.copyOf(data, Math.max(size + rows, size * 2));
			}
			System.arraycopy(values, 0, data, size, rows);
			size += rows;
		}

		void add(long v) {
			if (size == data.length) {
				data = Arrays.copyOf(data, size * 2);
			}
			data[size++] = v;
		}

		long[] permute(int[] perm) {
			long[] out = new long[size];
			for (int i = 0; i < size; i++) {
				out[i] = data[perm[i]];
			}
			return out;
		}
	}

	private static final class ByteList {
		byte[] data = new byte[16];
		int size;

		/** Appends the first {@code rows} values; the first append into an empty list keeps the array itself. */
		void append(byte[] values, int rows) {
			if (size == 0 && values.length >= rows) {
				data = values;
				size = rows;
				return;
			}
			if (size + rows > data.length) {
				data = Arrays.copyOf(data, Math.max(size + rows, size * 2));
			}
			System.arraycopy(values, 0, data, size, rows);
			size += rows;
		}

		void add(byte v) {
			if (size == data.length) {
				data = Arrays.copyOf(data, size * 2);
			}
			data[size++] = v;
		}

		byte[] permute(int[] perm) {
			byte[] out = new byte[size];
			for (int i = 0; i < size; i++) {
				out[i] = data[perm[i]];
			}
			return out;
		}
	}
}
