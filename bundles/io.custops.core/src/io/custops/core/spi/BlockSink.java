package io.custops.core.spi;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A {@link RecordSink} that also takes rows a {@link RowBlock} at a time. A connector that can
 * fill blocks checks for it ({@code sink instanceof BlockSink}) and otherwise hands rows one by
 * one; both ways give the same import: the same rows stored, rejected and counted.
 */
@ProviderType
public interface BlockSink extends RecordSink {

	/**
	 * Takes every row of a block, in order, as if each had been handed to {@link #accept} or
	 * {@link #reject}. The block belongs to the sink from then on.
	 *
	 * @return an empty block with the same fields for the connector to fill next (a recycled one,
	 *         so that reading a big file does not allocate a buffer per block)
	 */
	RowBlock accept(RowBlock block);
}
