package io.custops.segmentation.tags.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.jexl3.JexlContext;

import io.custops.core.data.CustomerDataset;
import io.custops.core.data.DictionaryColumn;
import io.custops.segmentation.rfm.RfmValues;

/**
 * The names a rule reads, resolved for one customer at a time: the RFM values, then the
 * dataset's attributes (an attribute named like an RFM value is hidden by it). Values are
 * read on demand, so a rule pays only for the names it uses.
 */
final class CustomerContext implements JexlContext {

	private static final List<String> RFM_NAMES = List.of("recency_days", "frequency", "monetary", "r", "f", "m");

	private final Map<String, Integer> slots = new HashMap<>();
	private final List<String> names = new ArrayList<>(RFM_NAMES);
	private final DictionaryColumn[] attributes;
	private RfmValues rfm;

	/** The customer whose values {@link #get} returns. */
	int customer;

	CustomerContext(CustomerDataset data) {
		for (int i = 0; i < RFM_NAMES.size(); i++) {
			slots.put(RFM_NAMES.get(i), i);
		}
		List<DictionaryColumn> columns = new ArrayList<>();
		for (String name : data.attributeNames()) {
			if (!slots.containsKey(name)) {
				slots.put(name, RFM_NAMES.size() + columns.size());
				names.add(name);
				columns.add(data.attribute(name));
			}
		}
		attributes = columns.toArray(DictionaryColumn[]::new);
	}

	static boolean isRfm(String name) {
		return RFM_NAMES.contains(name);
	}

	void rfm(RfmValues values) {
		this.rfm = values;
	}

	List<String> names() {
		return names;
	}

	@Override
	public boolean has(String name) {
		return slots.containsKey(name);
	}

	/**
	 * An RFM value ({@code null} for recency and scores of a customer without a paid order;
	 * frequency and monetary are then 0), or an attribute's text ({@code null} when missing).
	 */
	@Override
	public Object get(String name) {
		Integer slot = slots.get(name);
		if (slot == null) {
			return null;
		}
		int c = customer;
		return switch (slot) {
		case 0 -> rfm.isScored(c) ? (Object) rfm.recencyDays()[c] : null;
		case 1 -> rfm.frequency()[c];
		case 2 -> BigDecimal.valueOf(rfm.monetaryCents()[c], 2);
		case 3 -> rfm.isScored(c) ? (Object) (int) rfm.rScores()[c] : null;
		case 4 -> rfm.isScored(c) ? (Object) (int) rfm.fScores()[c] : null;
		case 5 -> rfm.isScored(c) ? (Object) (int) rfm.mScores()[c] : null;
		default -> attributes[slot - RFM_NAMES.size()].value(c);
		};
	}

	@Override
	public void set(String name, Object value) {
		throw new UnsupportedOperationException("rules cannot assign '" + name + "'");
	}
}
