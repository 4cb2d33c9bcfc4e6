package io.custops.core.data;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The facts of a workspace in the columnar form analyses run on. Customers have dense indexes
 * {@code 0 … customerCount()-1}; the orders of customer {@code c} are the rows
 * {@code orderOffsets()[c] … orderOffsets()[c+1]-1}, in time order (ties in input order), and
 * likewise for events. Times are seconds since 1970-01-01T00:00 of the workspace's local time
 * (time-zone offsets are applied on import), so {@code Math.floorDiv(t, 86400)} is the local
 * epoch day. Amounts are exact, in hundredths of the shop's currency.
 *
 * <p>The arrays are shared, not copied: callers must not modify them. A dataset is immutable
 * and safe to read from several threads. "As of D" filtering is the analyses' business: a
 * dataset holds everything that was imported.
 */
public final class CustomerDataset {

	public static final int SECONDS_PER_DAY = 86_400;

	final ZoneId zone;
	final String[] customerIds;
	final Map<String, Integer> indexById;
	final Map<String, DictionaryColumn> attributes;
	final List<String> tagNames;
	final int[] tagOffsets;
	final int[] tagIds;

	final int[] orderOffsets;
	final long[] orderTime;
	final int[] orderDay;
	final long[] orderAmount;
	final byte[] orderStatus;
	final int[] orderQuantity;
	final int[] orderUsageDays;
	final DictionaryColumn orderChannel;

	final int[] eventOffsets;
	final long[] eventTime;
	final int[] eventType;
	final List<String> eventTypeNames;
	final int[] eventSession;
	final DictionaryColumn eventChannel;

	CustomerDataset(CustomerDatasetBuilder.Parts p) {
		this.zone = p.zone;
		this.customerIds = p.customerIds;
		this.indexById = p.indexById;
		this.attributes = Collections.unmodifiableMap(p.attributes);
		this.tagNames = List.copyOf(p.tagNames);
		this.tagOffsets = p.tagOffsets;
		this.tagIds = p.tagIds;
		this.orderOffsets = p.orderOffsets;
		this.orderTime = p.orderTime;
		this.orderDay = new int[p.orderTime.length];
		for (int i = 0; i < orderDay.length; i++) {
			orderDay[i] = (int) Math.floorDiv(orderTime[i], SECONDS_PER_DAY);
		}
		this.orderAmount = p.orderAmount;
		this.orderStatus = p.orderStatus;
		this.orderQuantity = p.orderQuantity;
		this.orderUsageDays = p.orderUsageDays;
		this.orderChannel = p.orderChannel;
		this.eventOffsets = p.eventOffsets;
		this.eventTime = p.eventTime;
		this.eventType = p.eventType;
		this.eventTypeNames = List.copyOf(p.eventTypeNames);
		this.eventSession = p.eventSession;
		this.eventChannel = p.eventChannel;
	}

	public static CustomerDatasetBuilder builder(ZoneId zone) {
		return new CustomerDatasetBuilder(zone);
	}

	/** An empty dataset. */
	public static CustomerDataset empty() {
		return builder(ZoneOffset.UTC).build();
	}

	/** The workspace time zone in which local times were taken. */
	public ZoneId zone() {
		return zone;
	}

	public int customerCount() {
		return customerIds.length;
	}

	public String customerId(int index) {
		return customerIds[index];
	}

	/** The dense index of a customer, or {@code -1}. */
	public int indexOf(String customerId) {
		Integer index = indexById.get(customerId);
		return index == null ? -1 : index;
	}

	public Set<String> attributeNames() {
		return attributes.keySet();
	}

	/** A customer attribute (province, gender, channel, member_level, extra columns…), or {@code null}. */
	public DictionaryColumn attribute(String name) {
		return attributes.get(name);
	}

	/** Names of the manual tags customers carry (stored in the workspace). */
	public List<String> tagNames() {
		return tagNames;
	}

	/** Customer {@code c} carries the tags {@code tagIds()[tagOffsets()[c]] … tagIds()[tagOffsets()[c+1]-1]}. */
	public int[] tagOffsets() {
		return tagOffsets;
	}

	/** Indexes into {@link #tagNames()}, sorted and distinct per customer. */
	public int[] tagIds() {
		return tagIds;
	}

	public int orderCount() {
		return orderTime.length;
	}

	public int[] orderOffsets() {
		return orderOffsets;
	}

	public long[] orderTime() {
		return orderTime;
	}

	/** Local epoch day of each order. */
	public int[] orderDay() {
		return orderDay;
	}

	/** Amount of each order in hundredths. */
	public long[] orderAmount() {
		return orderAmount;
	}

	/** {@link OrderStatus#code()} of each order. */
	public byte[] orderStatus() {
		return orderStatus;
	}

	/** Quantity of each order (1 when the source did not say). */
	public int[] orderQuantity() {
		return orderQuantity;
	}

	/** Usage days of the product of each order (0 when unknown). */
	public int[] orderUsageDays() {
		return orderUsageDays;
	}

	public DictionaryColumn orderChannel() {
		return orderChannel;
	}

	public int eventCount() {
		return eventTime.length;
	}

	public int[] eventOffsets() {
		return eventOffsets;
	}

	public long[] eventTime() {
		return eventTime;
	}

	/** Index into {@link #eventTypeNames()} of each event. */
	public int[] eventType() {
		return eventType;
	}

	public List<String> eventTypeNames() {
		return eventTypeNames;
	}

	/** Session of each event: a dataset-wide number, {@code -1} when the source had none. */
	public int[] eventSession() {
		return eventSession;
	}

	public DictionaryColumn eventChannel() {
		return eventChannel;
	}

	/** The local epoch day of a date, for "as of" comparisons with {@link #orderDay()}. */
	public static int epochDay(LocalDate date) {
		return Math.toIntExact(date.toEpochDay());
	}

	/** Seconds of a local date-time, as stored in {@link #orderTime()} and {@link #eventTime()}. */
	public static long localSeconds(LocalDateTime time) {
		return time.toEpochSecond(ZoneOffset.UTC);
	}

	/** Rough heap size of the columns, for the workbench's status line and the benchmarks. */
	public long estimatedBytes() {
		long bytes = (long) customerIds.length * 56;
		bytes += (long) orderTime.length * (8 + 4 + 8 + 1 + 4 + 4 + 4);
		bytes += (long) eventTime.length * (8 + 4 + 4 + 4);
		for (DictionaryColumn column : attributes.values()) {
			bytes += column.size() * 4L;
		}
		return bytes;
	}

}
