package io.custops.engine;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.custops.core.spi.BlockSink;
import io.custops.core.spi.RecordSink;
import io.custops.core.spi.RowBlock;

/**
 * Counts the rows a connector hands on, for {@link ServiceGuard#read}'s watch (written by the
 * connector's thread only). A sink that takes blocks stays one, so the connector still hands
 * it blocks.
 */
class CountingSink implements RecordSink {

	private final RecordSink sink;
	final AtomicLong rows;
	/**
	 * What the sink itself threw (the workspace ending the import: too many rejects, a refused
	 * file, a full disk): the caller's own trouble, never the connector's fault.
	 */
	volatile RuntimeException sinkFailure;

	static CountingSink of(RecordSink sink, AtomicLong rows) {
		return sink instanceof BlockSink blocks ? new Blocks(blocks, rows) : new CountingSink(sink, rows);
	}

	private CountingSink(RecordSink sink, AtomicLong rows) {
		this.sink = sink;
		this.rows = rows;
	}

	@Override
	public void accept(long line, Map<String, String> fields, String raw) {
		rows.lazySet(rows.get() + 1);
		try {
			sink.accept(line, fields, raw);
		} catch (RuntimeException e) {
			throw failed(e);
		}
	}

	@Override
	public void accept(long line, Map<String, String> fields, Map<String, String> sourceValues, String raw) {
		rows.lazySet(rows.get() + 1);
		try {
			sink.accept(line, fields, sourceValues, raw);
		} catch (RuntimeException e) {
			throw failed(e);
		}
	}

	@Override
	public void sourceColumns(Map<String, String> columnOfField) {
		// the workspace names the source's columns in its reasons: pass them on
		sink.sourceColumns(columnOfField);
	}

	@Override
	public void reject(long line, String field, String reason, String raw) {
		rows.lazySet(rows.get() + 1);
		try {
			sink.reject(line, field, reason, raw);
		} catch (RuntimeException e) {
			throw failed(e);
		}
	}

	@Override
	public void note(String message) {
		sink.note(message);
	}

	final RuntimeException failed(RuntimeException e) {
		if (sinkFailure == null) {
			sinkFailure = e;
		}
		return e;
	}

	private static final class Blocks extends CountingSink implements BlockSink {
		private final BlockSink blocks;

		Blocks(BlockSink blocks, AtomicLong rows) {
			super(blocks, rows);
			this.blocks = blocks;
		}

		@Override
		public RowBlock accept(RowBlock block) {
			rows.lazySet(rows.get() + block.rows());
			try {
				return blocks.accept(block);
			} catch (RuntimeException e) {
				throw failed(e);
			}
		}
	}
}
