package io.custops.cli.internal;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * What a command says when it fails for a reason it did not foresee: plain words, never a Java
 * class name, a stack trace or a library's raw text (those with {@code -Dcustops.debug=true}).
 */
final class Failures {

	private Failures() {
	}

	/** The sentence for a failure of a command on {@code workspace} (may be null). */
	static String describe(Throwable failure, Path workspace) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof OutOfMemoryError) {
				return heap();
			}
			if (diskFull(t)) {
				return "no space left on the device" + (workspace == null ? "" : " of " + workspace)
						+ ": free some space and run the command again (nothing of this run was kept)";
			}
		}
		for (Throwable t = failure; t != null; t = t.getCause()) {
			String own = plain(t);
			if (own != null) {
				return own;
			}
		}
		return "an unexpected internal error; run with CUSTOPS_VMARGS=-Dcustops.debug=true to see where";
	}

	/** Whether {@code t} is the file system running out of space, as Java reports it in its several ways. */
	static boolean diskFull(Throwable t) {
		String m = t.getMessage();
		if (m == null) {
			return false;
		}
		return m.contains("No space left on device") || m.contains("Disk quota exceeded")
				|| (t instanceof InternalError && m.contains("unsafe memory access"));
	}

	static String heap() {
		long max = Runtime.getRuntime().maxMemory();
		long gb = Math.max(1, (max + (1L << 29)) >> 30);
		return "the Java heap (" + gb + " GB) ran out: this workspace needs more memory: start with CUSTOPS_HEAP="
				+ (gb * 2) + "g or use a source";
	}

	/** A message of our own, or a file system's in plain words; null for a bare or foreign text. */
	private static String plain(Throwable t) {
		if (t instanceof NoSuchFileException e) {
			return e.getFile() + ": no such file or folder";
		}
		if (t instanceof AccessDeniedException e) {
			return e.getFile() + ": permission denied";
		}
		if (t instanceof FileSystemException e && e.getReason() != null) {
			return (e.getFile() == null ? "" : e.getFile() + ": ") + e.getReason();
		}
		String m = t.getMessage();
		if (m == null || m.isBlank()) {
			return null;
		}
		if (t.getClass().getName().startsWith("io.custops.")) {
			return m;
		}
		if (t instanceof java.io.IOException || t instanceof IllegalArgumentException || t instanceof IllegalStateException) {
			return m.length() > 300 ? m.substring(0, 300) + "…" : m;
		}
		return null;
	}
}
