package io.custops.campaign;

import java.util.Map;

/**
 * The customers a target selected, as ascending dataset indexes, each with the segment it was
 * in (a label, several separated by {@code ;}, or null).
 *
 * @param spec        the target as written, with a list file's path made absolute
 * @param parameters  the parameters of the target's analysis, as given
 * @param description what was selected, for messages
 */
public record Target(String spec, Map<String, String> parameters, int[] customers, String[] segments,
		String description) {

	public int size() {
		return customers.length;
	}

	/** The segment of the customer with a dataset index, or null when the customer was not selected. */
	public String segmentOf(int customer) {
		int i = java.util.Arrays.binarySearch(customers, customer);
		return i < 0 ? null : segments[i];
	}
}
