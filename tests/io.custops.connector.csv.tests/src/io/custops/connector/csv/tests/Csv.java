package io.custops.connector.csv.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.FactKind;
import io.custops.core.spi.DataConnector;
import io.custops.store.ImportResult;
import io.custops.store.Workspace;
import io.custops.store.WorkspaceManager;

/** The csv connector and the workspace, both from the service registry. */
final class Csv {

	private Csv() {
	}

	static DataConnector connector() throws Exception {
		BundleContext context = FrameworkUtil.getBundle(Csv.class).getBundleContext();
		ServiceTracker<DataConnector, DataConnector> tracker = new ServiceTracker<>(context, DataConnector.class, null);
		tracker.open();
		tracker.waitForService(10_000);
		for (ServiceReference<DataConnector> ref : tracker.getServiceReferences()) {
			DataConnector c = context.getService(ref);
			if ("csv".equals(c.id())) {
				return c;
			}
		}
		throw new AssertionError("no DataConnector with id csv is registered");
	}

	static WorkspaceManager manager() throws Exception {
		BundleContext context = FrameworkUtil.getBundle(Csv.class).getBundleContext();
		ServiceTracker<WorkspaceManager, WorkspaceManager> tracker = new ServiceTracker<>(context,
				WorkspaceManager.class, null);
		tracker.open();
		WorkspaceManager manager = tracker.waitForService(10_000);
		assertNotNull(manager);
		return manager;
	}

	static Path write(Path dir, String name, String text, Charset charset) throws IOException {
		Path file = dir.resolve(name);
		Files.write(file, text.getBytes(charset));
		return file;
	}

	static Path write(Path dir, String name, String text) throws IOException {
		return write(dir, name, text, StandardCharsets.UTF_8);
	}

	static ImportResult load(Workspace ws, FactKind kind, Path file, Map<String, String> params) throws Exception {
		return ws.importFacts(connector(), kind, Optional.of(file), params, ProgressMonitor.NULL);
	}

	/** The rejects file as records {line, field, reason, raw}, in line order. */
	static List<String[]> rejects(ImportResult r) throws IOException {
		List<String[]> records = new ArrayList<>();
		for (String[] record : rejectRecords(r)) {
			records.add(java.util.Arrays.copyOf(record, 4));
		}
		return records;
	}

	/** The rejects file as records {line, field, reason, raw, reason_zh}, in line order. */
	static List<String[]> rejectRecords(ImportResult r) throws IOException {
		assertNotNull(r.rejectsFile(), "rows were rejected");
		List<String[]> records = parse(Files.readString(r.rejectsFile(), StandardCharsets.UTF_8));
		records.remove(0);
		records.sort(Comparator.comparingLong(p -> Long.parseLong(p[0])));
		return records;
	}

	/** A small RFC 4180 reader (to check the rejects file independently of the connector). */
	static List<String[]> parse(String text) {
		List<String[]> records = new ArrayList<>();
		List<String> fields = new ArrayList<>();
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
				// the \n ends the record
			} else if (c == '\n') {
				fields.add(f.toString());
				f.setLength(0);
				records.add(fields.toArray(String[]::new));
				fields.clear();
			} else {
				f.append(c);
			}
		}
		if (!fields.isEmpty() || f.length() > 0) {
			fields.add(f.toString());
			records.add(fields.toArray(String[]::new));
		}
		return records;
	}
}
