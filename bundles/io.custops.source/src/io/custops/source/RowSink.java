package io.custops.source;

import java.io.IOException;

/** Receives the rows of a pushed-down analysis as they arrive, one at a time. */
@FunctionalInterface
public interface RowSink {

	/**
	 * @param label  the label id, or null for a customer counted but not classified
	 * @param values the analysis's columns as text, in order ("" for none); reused between calls
	 */
	void row(String customerId, String label, String[] values) throws IOException;
}
