package io.custops.core.spi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of a {@link CustomerAnalysis}: each customer's label (or none), per-customer
 * columns, and a summary of the run (fitted parameters, a log-likelihood, a series) whose
 * values are JSON-like: numbers, texts, booleans, lists and maps of them.
 */
public final class CustomerClassification {

	/** Label index of a customer the analysis did not classify. */
	public static final int UNCLASSIFIED = -1;

	private final List<Label> labels;
	private final int[] labelOfCustomer;
	private final int[] memberOffsets;
	private final int[] memberLabels;
	private final List<ResultColumn> columns;
	private final Map<String, Object> summary;

	/** One label (or none) per customer: segments, tiers, stages. */
	public CustomerClassification(List<Label> labels, int[] labelOfCustomer, List<ResultColumn> columns,
			Map<String, Object> summary) {
		this(labels, labelOfCustomer, null, null, columns, summary);
	}

	private CustomerClassification(List<Label> labels, int[] labelOfCustomer, int[] memberOffsets,
			int[] memberLabels, List<ResultColumn> columns, Map<String, Object> summary) {
		this.labels = List.copyOf(labels);
		this.labelOfCustomer = Objects.requireNonNull(labelOfCustomer, "labelOfCustomer");
		this.memberOffsets = memberOffsets;
		this.memberLabels = memberLabels;
		this.columns = List.copyOf(columns);
		this.summary = new LinkedHashMap<>(summary);
		for (ResultColumn column : this.columns) {
			if (column.size() != labelOfCustomer.length) {
				throw new IllegalArgumentException("column '" + column.name() + "' has " + column.size()
						+ " values for " + labelOfCustomer.length + " customers");
			}
		}
	}

	/**
	 * Any number of labels per customer (tags): customer {@code c} carries the labels
	 * {@code labelIds[labelOffsets[c]] … labelIds[labelOffsets[c+1]-1]}. {@link #labelIndexes()}
	 * then gives each customer's first label.
	 */
	public static CustomerClassification multiLabel(List<Label> labels, int[] labelOffsets, int[] labelIds,
			List<ResultColumn> columns, Map<String, Object> summary) {
		int customers = labelOffsets.length - 1;
		int[] first = new int[customers];
		for (int c = 0; c < customers; c++) {
			first[c] = labelOffsets[c + 1] > labelOffsets[c] ? labelIds[labelOffsets[c]] : UNCLASSIFIED;
		}
		return new CustomerClassification(labels, first, labelOffsets, labelIds, columns, summary);
	}

	/**
	 * What is wrong with this result for a dataset of {@code customers} customers, or
	 * {@code null}: one label entry per customer, each label index {@link #UNCLASSIFIED} or
	 * one of {@link #labels()}. A caller checks a plugin's result with it before using it.
	 */
	public String problem(int customers) {
		if (labelOfCustomer.length != customers) {
			return "returned labels for " + labelOfCustomer.length + " customers, but the data hold " + customers;
		}
		int n = labels.size();
		if (memberOffsets == null) {
			for (int c = 0; c < labelOfCustomer.length; c++) {
				int index = labelOfCustomer[c];
				if (index < UNCLASSIFIED || index >= n) {
					return "returned the label index " + index + " for customer #" + c + ", but declares " + n
							+ (n == 1 ? " label" : " labels") + " (indexes 0 to " + (n - 1) + ", or -1 for none)";
				}
			}
			return null;
		}
		if (memberOffsets.length != customers + 1 || memberOffsets[0] != 0
				|| memberOffsets[customers] > memberLabels.length) {
			return "returned label offsets that do not fit " + customers + " customers";
		}
		for (int c = 0; c < customers; c++) {
			if (memberOffsets[c + 1] < memberOffsets[c]) {
				return "returned label offsets that go backwards at customer #" + c;
			}
			for (int i = memberOffsets[c]; i < memberOffsets[c + 1]; i++) {
				if (memberLabels[i] < 0 || memberLabels[i] >= n) {
					return "returned the label index " + memberLabels[i] + " for customer #" + c + ", but declares " + n
							+ (n == 1 ? " label" : " labels");
				}
			}
		}
		return null;
	}

	/** Whether a customer may carry several labels ({@link #multiLabel}). */
	public boolean isMultiLabel() {
		return memberOffsets != null;
	}

	/** The indexes of all labels of a customer, in label order for multi-label results. */
	public int[] labelIndexesOf(int customer) {
		if (memberOffsets == null) {
			int index = labelOfCustomer[customer];
			return index < 0 ? new int[0] : new int[] { index };
		}
		return java.util.Arrays.copyOfRange(memberLabels, memberOffsets[customer], memberOffsets[customer + 1]);
	}

	/** The labels in the order the analysis declares (lowest tier first, funnel order…). */
	public List<Label> labels() {
		return labels;
	}

	public int customerCount() {
		return labelOfCustomer.length;
	}

	/** Index into {@link #labels()} of each customer, {@link #UNCLASSIFIED} when none. Do not modify. */
	public int[] labelIndexes() {
		return labelOfCustomer;
	}

	public Optional<Label> labelOf(int customer) {
		int index = labelOfCustomer[customer];
		return index < 0 ? Optional.empty() : Optional.of(labels.get(index));
	}

	public List<ResultColumn> columns() {
		return columns;
	}

	public Optional<ResultColumn> column(String name) {
		return columns.stream().filter(c -> c.name().equals(name)).findFirst();
	}

	public Map<String, Object> summary() {
		return summary;
	}

	/** Customers per label id, in label order, including labels nobody has (per tag for multi-label results). */
	public Map<String, Long> counts() {
		long[] counts = new long[labels.size()];
		for (int index : memberOffsets == null ? labelOfCustomer : memberLabels) {
			if (index >= 0) {
				counts[index]++;
			}
		}
		Map<String, Long> result = new LinkedHashMap<>();
		for (int i = 0; i < counts.length; i++) {
			result.put(labels.get(i).id(), counts[i]);
		}
		return result;
	}
}
