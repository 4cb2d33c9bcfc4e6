package io.custops.engine.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.core.data.DictionaryColumn;
import io.custops.core.param.ParameterException;
import io.custops.core.param.Parameters;
import io.custops.core.spi.CustomerAnalysis;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.Label;
import io.custops.core.spi.ServiceKind;
import io.custops.engine.Analyses;

/**
 * A breakdown of customers into groups: by a customer attribute, by the labels of any
 * strategy or model, or (funnels only) by the channel of an event. Customer {@code c} belongs
 * to the groups {@code ids[offsets[c]] … ids[offsets[c+1]-1]} (several for multi-label
 * analyses such as tags); a customer in no group falls in the {@code (none)} group.
 */
final class Grouping {

	/** Name of the group of customers without a value or label. */
	static final String NONE = "(none)";

	/** The event-channel breakdown's keyword. */
	static final String CHANNEL = "channel";

	/** Short names for the built-in analyses most often used to break down by. */
	static final Map<String, String> ALIASES = Map.of("tier", "tiers", "segment", "rfm", "stage", "stages");

	/** What the user asked for, resolved: {@code channel}, {@code attribute:province}, {@code strategy:tiers}… */
	final String by;
	/** Group names in display order; the last one is {@link #NONE}. */
	final List<String> names;
	/** Whether the group comes from the event matched at the first step (channel), not from the customer. */
	final boolean perEvent;
	/** Per-event channel codes, when {@link #perEvent}. */
	final int[] eventCodes;
	final int[] offsets;
	final int[] ids;
	/** True when groups come from an analysis: shown in its label order, not by size. */
	final boolean labelOrder;

	private Grouping(String by, List<String> names, boolean perEvent, int[] eventCodes, int[] offsets, int[] ids,
			boolean labelOrder) {
		this.by = by;
		this.names = names;
		this.perEvent = perEvent;
		this.eventCodes = eventCodes;
		this.offsets = offsets;
		this.ids = ids;
		this.labelOrder = labelOrder;
	}

	int none() {
		return names.size() - 1;
	}

	/**
	 * Resolves a breakdown: {@code channel} (when events are grouped), {@code attribute:NAME},
	 * {@code strategy:ID}, {@code model:ID}, or a bare name tried as a customer attribute, then
	 * as an alias ({@code tier}, {@code segment}, {@code stage}), then as any strategy or model id.
	 *
	 * @param key              the parameter key, for messages
	 * @param analysisParameters the raw parameters for the analysis ({@code breakdown.*})
	 * @throws ParameterException naming the breakdown when it is none of these
	 */
	static Grouping resolve(String key, String spec, boolean channelAllowed, Map<String, String> analysisParameters,
			CustomerDataset data, LocalDate asOf, Analyses analyses, ProgressMonitor monitor) {
		String s = spec.trim();
		if (channelAllowed && s.equals(CHANNEL)) {
			return ofEventChannel(data);
		}
		if (s.startsWith("attribute:")) {
			String name = s.substring("attribute:".length());
			DictionaryColumn column = data.attribute(name);
			if (column == null) {
				throw new ParameterException(key, "the dataset has no customer attribute '" + name
						+ "'; attributes: " + String.join(", ", data.attributeNames()));
			}
			return ofAttribute(name, column);
		}
		CustomerAnalysis analysis;
		try {
			if (s.startsWith("strategy:")) {
				analysis = analyses.find(ServiceKind.STRATEGY, s.substring("strategy:".length()));
			} else if (s.startsWith("model:")) {
				analysis = analyses.find(ServiceKind.MODEL, s.substring("model:".length()));
			} else {
				DictionaryColumn column = data.attribute(s);
				if (column != null) {
					return ofAttribute(s, column);
				}
				analysis = analyses.find(ALIASES.getOrDefault(s, s));
			}
		} catch (NoSuchElementException e) {
			throw new ParameterException(key, "'" + s + "' is neither " + (channelAllowed ? "'channel', " : "")
					+ "a customer attribute (" + String.join(", ", data.attributeNames())
					+ ") nor an installed strategy or model: " + e.getMessage());
		}
		Parameters parameters = analyses.resolve(analysis, analysisParameters);
		CustomerClassification result = analyses.run(analysis, data, asOf, parameters, monitor);
		return ofClassification(analysis.id(), result);
	}

	private static Grouping ofEventChannel(CustomerDataset data) {
		DictionaryColumn channel = data.eventChannel();
		return new Grouping(CHANNEL, withNone(channel.dictionary()), true, channel.codes(), null, null, false);
	}

	private static Grouping ofAttribute(String name, DictionaryColumn column) {
		int n = column.size();
		int[] offsets = new int[n + 1];
		int[] ids = new int[n];
		int k = 0;
		for (int c = 0; c < n; c++) {
			int code = column.code(c);
			if (code >= 0) {
				ids[k++] = code;
			}
			offsets[c + 1] = k;
		}
		return new Grouping("attribute:" + name, withNone(column.dictionary()), false, null, offsets, ids, false);
	}

	private static Grouping ofClassification(String id, CustomerClassification result) {
		int n = result.customerCount();
		int[] offsets = new int[n + 1];
		int[] ids;
		if (result.isMultiLabel()) {
			int total = 0;
			for (int c = 0; c < n; c++) {
				total += result.labelIndexesOf(c).length;
			}
			ids = new int[total];
			int k = 0;
			for (int c = 0; c < n; c++) {
				for (int label : result.labelIndexesOf(c)) {
					ids[k++] = label;
				}
				offsets[c + 1] = k;
			}
		} else {
			int[] labels = result.labelIndexes();
			ids = new int[n];
			int k = 0;
			for (int c = 0; c < n; c++) {
				if (labels[c] >= 0) {
					ids[k++] = labels[c];
				}
				offsets[c + 1] = k;
			}
		}
		return new Grouping(id, withNone(result.labels().stream().map(Label::id).toList()), false, null, offsets,
				ids, true);
	}

	private static List<String> withNone(List<String> names) {
		return java.util.stream.Stream.concat(names.stream(), java.util.stream.Stream.of(NONE)).toList();
	}
}
