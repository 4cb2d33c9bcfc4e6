package io.custops.store.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The rejects file of one import: CSV (RFC 4180, UTF-8) with the columns
 * {@code line,field,reason,raw,reason_zh} (the reason in Chinese last, so that readers of the first four
 * columns read on), created at the first rejected row. It holds rows of the user's
 * own file, personal data included: the file is 0600 in a 0700 folder, marked personal by the
 * folder's {@value #MARKER}, and phone numbers in the reasons CustOps writes are masked (the raw
 * line is kept as it was, so that the user can mend it).
 */
final class RejectsFile implements AutoCloseable {

	/** The note in the rejects folder saying what its files hold. */
	static final String MARKER = "PERSONAL-DATA.txt";

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
		write(line, field, reason, raw, Reasons.zh(reason));
	}

	void write(long line, String field, String reason, String raw, String reasonZh) throws IOException {
		if (out == null) {
			PrivateFiles.folder(path.getParent());
			Path marker = path.getParent().resolve(MARKER);
			if (!Files.exists(marker)) {
				Files.writeString(marker, """
						The files in this folder are rows that imports rejected, copied from your own input files.
						They may hold personal data (phones, addresses, names): they are readable by you only and
						are left out of every export. Delete them once the rows are mended.
						此文件夹中的文件是导入时被拒绝的行，取自您自己的输入文件，可能含有个人信息（电话、地址、姓名）：
						仅您本人可读，不会包含在任何导出中。修正数据后请删除。
						""", StandardCharsets.UTF_8);
				PrivateFiles.restrict(marker, PrivateFiles.FILE);
			}
			if (!Files.exists(path)) {
				PrivateFiles.createFile(path);
			}
			out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
			out.write("line,field,reason,raw,reason_zh\r\n");
		}
		out.write(Long.toString(line));
		out.write(',');
		out.write(quote(field == null ? "" : field));
		out.write(',');
		out.write(quote(io.custops.core.Masking.phonesIn(reason)));
		out.write(',');
		out.write(quote(raw == null ? "" : raw));
		out.write(',');
		out.write(quote(io.custops.core.Masking.phonesIn(reasonZh == null ? "" : reasonZh)));
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
