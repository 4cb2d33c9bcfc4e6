package io.custops.store.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.FactKind;
import io.custops.store.ImportResult;
import io.custops.store.Workspace;
import io.custops.store.WorkspaceManager;

/** The store as the tests reach it: the WorkspaceManager service from the OSGi registry. */
final class Stores {

	private Stores() {
	}

	static WorkspaceManager manager() throws InterruptedException {
		BundleContext context = FrameworkUtil.getBundle(Stores.class).getBundleContext();
		ServiceTracker<WorkspaceManager, WorkspaceManager> tracker = new ServiceTracker<>(context,
				WorkspaceManager.class, null);
		tracker.open();
		WorkspaceManager manager = tracker.waitForService(10_000);
		assertNotNull(manager, "the store bundle registers a WorkspaceManager through DS");
		return manager;
	}

	static ImportResult load(Workspace ws, FactKind kind, Map<String, String> params, String... lines)
			throws Exception {
		return ws.importFacts(new RowsConnector(lines), kind, Optional.empty(), params, ProgressMonitor.NULL);
	}

	static ImportResult load(Workspace ws, FactKind kind, String... lines) throws Exception {
		return load(ws, kind, Map.of(), lines);
	}

	/**
	 * The rejects file's rows after the header, as lines of their first four columns (line, field,
	 * reason, raw); {@link #rejectRecords} has every column, {@code reason_zh} too.
	 */
	static List<String> rejects(ImportResult result) throws IOException {
		StringBuilder text = new StringBuilder();
		for (List<String> record : rejectRecords(result)) {
			for (int i = 0; i < 4; i++) {
				text.append(i == 0 ? "" : ",").append(quote(record.get(i)));
			}
			text.append("\r\n");
		}
		return new java.io.BufferedReader(new java.io.StringReader(text.toString())).lines().toList();
	}

	private static String quote(String v) {
		boolean needs = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
				|| (!v.isEmpty() && (v.charAt(0) == ' ' || v.charAt(v.length() - 1) == ' '));
		return needs ? '"' + v.replace("\"", "\"\"") + '"' : v;
	}

	/** The rejects file as records (RFC 4180), the header first. */
	static List<List<String>> rejectFile(ImportResult result) throws IOException {
		assertNotNull(result.rejectsFile(), "a rejects file was written");
		String text = Files.readString(result.rejectsFile(), StandardCharsets.UTF_8);
		List<List<String>> records = new java.util.ArrayList<>();
		List<String> fields = new java.util.ArrayList<>();
		StringBuilder f = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					f.append('"');
					i++;
				} else if (c == '"') {
					quoted = false;
				} else {
					f.append(c);
				}
			} else if (c == '"') {
				quoted = true;
			} else if (c == ',') {
				fields.add(f.toString());
				f.setLength(0);
			} else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
				fields.add(f.toString());
				f.setLength(0);
				records.add(fields);
				fields = new java.util.ArrayList<>();
				i++;
			} else {
				f.append(c);
			}
		}
		if (!fields.isEmpty() || f.length() > 0) {
			fields.add(f.toString());
			records.add(fields);
		}
		return records;
	}

	/** The rejects file's records after the header, every column. */
	static List<List<String>> rejectRecords(ImportResult result) throws IOException {
		List<List<String>> all = rejectFile(result);
		return all.subList(1, all.size());
	}

	static Path tempDir(String prefix) throws IOException {
		return Files.createTempDirectory("custops-" + prefix);
	}
}
