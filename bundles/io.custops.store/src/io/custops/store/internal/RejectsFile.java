package io.custops.store.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The rejects file of one import: CSV (RFC 4180, UTF-8) with the columns
 * {@code line,field,reason,raw}, created at the first rejected row.
 */
final class RejectsFile implements AutoCloseable {

	private final Path path;
	private BufferedWriter out;

	RejectsFile(Path path) {
		this.path = path;
	}

	Path path() {
		return path;
	}

	boolean exists() {
		return out != null;
	}

	void write(long line, String field, String reason, String raw) throws IOException {
		if (out == null) {
			Files.createDirectories(path.getParent());
			out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
			out.write("line,field,reason,raw\r\n");
		}
		out.write(Long.toString(line));
		out.write(',');
		out.write(quote(field == null ? "" : field));
		out.write(',');
		out.write(quote(reason));
		out.write(',');
		out.write(quote(raw == null ? "" : raw));
		out.write("\r\n");
	}

	static String quote(String value) {
		boolean needs = false;
		for (int i = 0; i < value.length() && !needs; i++) {
			char c = value.charAt(i);
			needs = c == ',' || c == '"' || c == '\n' || c == '\r';
		}
		if (!needs && !value.isEmpty() && (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ')) {
			needs = true; // keep surrounding spaces visible to readers that trim
		}
		return needs ? '"' + value.replace("\"", "\"\"") + '"' : value;
	}

	void flush() throws IOException {
		if (out != null) {
			out.flush();
		}
	}

	@Override
	public void close() throws IOException {
		if (out != null) {
			out.close();
		}
	}

	/** Closes and deletes the file (the import failed as a whole). */
	void discard() {
		try {
			close();
			Files.deleteIfExists(path);
		} catch (IOException e) {
			// a stale rejects file is harmless
		}
	}
}
