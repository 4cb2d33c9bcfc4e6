package io.custops.core.data;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Collects facts in any order and builds a {@link CustomerDataset}: customers get dense
 * indexes in order of first appearance, orders and events are grouped per customer by a
 * counting sort and ordered by time within a customer (stable: ties keep input order).
 */
public final class CustomerDatasetBuilder {

	private final ZoneId zone;
	private final List<String> customerIds = new ArrayList<>();
	private final Map<String, Integer> indexById = new HashMap<>();
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
			index = customerIds.size();
			customerIds.add(customerId);
			indexById.put(customerId, index);
		}
		return index;
	}

	/** Sets an attribute of a customer (adds the customer when new). */
	public CustomerDatasetBuilder attribute(String customerId, String name, String value) {
		int index = customer(customerId);
		attributes.computeIfAbsent(name, n -> new Dictionary()).set(index, value);
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

	public CustomerDataset build() {
		int n = customerIds.size();
		Parts p = new Parts();
		p.zone = zone;
		p.customerIds = customerIds.toArray(String[]::new);
		p.indexById = new HashMap<>(indexById);
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

		int[] orderPerm = groupByCustomer(orderCustomer, orderTime, n);
		p.orderOffsets = offsets(orderCustomer, n);
		p.orderTime = orderTime.permute(orderPerm);
		p.orderAmount = orderAmount.permute(orderPerm);
		p.orderStatus = orderStatus.permute(orderPerm);
		p.orderQuantity = orderQuantity.permute(orderPerm);
		p.orderUsageDays = orderUsageDays.permute(orderPerm);
		p.orderChannel = orderChannel.column(orderTime.size, orderPerm);

		int[] eventPerm = groupByCustomer(eventCustomer, eventTime, n);
		p.eventOffsets = offsets(eventCustomer, n);
		p.eventTime = eventTime.permute(eventPerm);
		p.eventType = eventType.permute(eventPerm);
		p.eventTypeNames = eventTypes.values;
		p.eventSession = eventSession.permute(eventPerm);
		p.eventChannel = eventChannel.column(eventTime.size, eventPerm);
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

	/** Counting sort by customer (stable), then insertion sort by time inside each customer's run. */
	private static int[] groupByCustomer(IntList customer, LongList time, int n) {
		int[] offsets = offsets(customer, n);
		int[] next = Arrays.copyOf(offsets, n);
		int[] perm = new int[customer.size];
		for (int i = 0; i < customer.size; i++) {
			perm[next[customer.data[i]]++] = i;
		}
		long[] t = time.data;
		for (int c = 0; c < n; c++) {
			for (int i = offsets[c] + 1; i < offsets[c + 1]; i++) {
				int row = perm[i];
				int j = i - 1;
				while (j >= offsets[c] && t[perm[j]] > t[row]) {
					perm[j + 1] = perm[j];
					j--;
				}
				perm[j + 1] = row;
			}
		}
		return perm;
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
			int code = value == null || value.isEmpty() ? -1 : code(value);
			while (rowCodes.size <= row) {
				rowCodes.add(-1);
			}
			rowCodes.data[row] = code;
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
