package io.custops.engine.internal;

import java.util.List;

import io.custops.core.data.CustomerDataset;
import io.custops.core.param.ParameterException;

/** Event type names to the dataset's type indexes; an unknown name is an error naming it. */
final class EventTypeNames {

	private EventTypeNames() {
	}

	static int index(CustomerDataset data, String key, String name) {
		int index = data.eventTypeNames().indexOf(name.trim());
		if (index < 0) {
			throw new ParameterException(key, "unknown event type '" + name + "'; known types: "
					+ String.join(", ", data.eventTypeNames()));
		}
		return index;
	}

	static int[] indexes(CustomerDataset data, String key, List<String> names) {
		int[] indexes = new int[names.size()];
		for (int i = 0; i < indexes.length; i++) {
			indexes[i] = index(data, key, names.get(i));
		}
		return indexes;
	}
}
