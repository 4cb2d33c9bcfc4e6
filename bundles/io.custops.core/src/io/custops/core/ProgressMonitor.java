package io.custops.core;

/**
 * Progress and cancellation of long work (imports, analyses, reports). The workbench passes
 * one bound to a background job; the command line passes {@link #NULL}.
 */
public interface ProgressMonitor {

	ProgressMonitor NULL = new ProgressMonitor() {
	};

	default void begin(String task, long totalWork) {
	}

	default void worked(long work) {
	}

	default void done() {
	}

	default boolean isCanceled() {
		return false;
	}

	/** Throws {@link java.util.concurrent.CancellationException} when the user cancelled. */
	default void checkCanceled() {
		if (isCanceled()) {
			throw new java.util.concurrent.CancellationException("cancelled");
		}
	}
}
