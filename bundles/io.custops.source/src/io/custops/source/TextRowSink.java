package io.custops.source;

import java.io.IOException;

/** Receives the rows of a shared analysis's query (conversion counts, ROI sums) as text, one at a time. */
@FunctionalInterface
public interface TextRowSink {

	/** @param values the row's columns as text, null for NULL; reused between calls */
	void row(String[] values) throws IOException;
}
