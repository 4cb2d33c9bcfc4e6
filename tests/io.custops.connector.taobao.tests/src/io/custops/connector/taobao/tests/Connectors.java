package io.custops.connector.taobao.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import io.custops.core.data.FactKind;
import io.custops.core.param.Parameters;
import io.custops.core.spi.ConnectorException;
import io.custops.core.spi.DataConnector;
import io.custops.core.spi.ImportRequest;
import io.custops.core.spi.RecordSink;

/** Finds connectors the way the workbench does (the service registry) and collects what they read. */
final class Connectors {

	private Connectors() {
	}

	static DataConnector find(String id, String bundle) throws Exception {
		BundleContext context = FrameworkUtil.getBundle(Connectors.class).getBundleContext();
		Arrays.stream(context.getBundles()).filter(b -> bundle.equals(b.getSymbolicName())).findFirst()
				.orElseThrow(() -> new AssertionError(bundle + " is not installed")).start(Bundle.START_ACTIVATION_POLICY);
		ServiceTracker<DataConnector, DataConnector> tracker = new ServiceTracker<>(context, DataConnector.class, null);
		tracker.open();
		try {
			long deadline = System.currentTimeMillis() + 10_000;
			while (System.currentTimeMillis() < deadline) {
				for (DataConnector c : tracker.getTracked().values()) {
					if (c.id().equals(id)) {
						return c;
					}
				}
				Thread.sleep(20);
			}
		} finally {
			tracker.close();
		}
		return fail("no DataConnector with id '" + id + "' in the service registry");
	}

	/** What a connector handed over: accepted rows and rejects, in order. */
	static final class Collected implements RecordSink {
		record Row(long line, Map<String, String> fields, String raw) {
			String get(String field) {
				return fields.get(field);
			}
		}

		record Reject(long line, String field, String reason, String raw) {
		}

		final List<Row> rows = new ArrayList<>();
		final List<Reject> rejects = new ArrayList<>();

		/** The source's column of each canonical field, as the connector told it. */
		Map<String, String> sourceColumns = Map.of();
		/** Per line, the source's text of the fields the connector converted. */
		final Map<Long, Map<String, String>> sourceValues = new java.util.HashMap<>();
		final List<String> notes = new ArrayList<>();

		@Override
		public void accept(long line, Map<String, String> fields, String raw) {
			rows.add(new Row(line, Map.copyOf(fields), raw));
		}

		@Override
		public void accept(long line, Map<String, String> fields, Map<String, String> source, String raw) {
			accept(line, fields, raw);
			if (source != null && !source.isEmpty()) {
				sourceValues.put(line, Map.copyOf(source));
			}
		}

		@Override
		public void sourceColumns(Map<String, String> columnOfField) {
			sourceColumns = Map.copyOf(columnOfField);
		}

		@Override
		public void note(String message) {
			notes.add(message);
		}

		@Override
		public void reject(long line, String field, String reason, String raw) {
			rejects.add(new Reject(line, field, reason, raw));
		}

		Row line(long line) {
			return rows.stream().filter(r -> r.line() == line).findFirst()
					.orElseThrow(() -> new AssertionError("no accepted row at line " + line));
		}

		List<Long> rejectedLines() {
			return rejects.stream().map(Reject::line).toList();
		}
	}

	static Collected read(DataConnector connector, FactKind kind, Path file, Map<String, String> params)
			throws ConnectorException {
		return read(connector, kind, file, params, ZoneId.of("Asia/Shanghai"));
	}

	/** As {@link #read}, into a workspace of {@code zone}. */
	static Collected read(DataConnector connector, FactKind kind, Path file, Map<String, String> params, ZoneId zone)
			throws ConnectorException {
		Collected sink = new Collected();
		connector.read(new ImportRequest(kind, Optional.ofNullable(file), Parameters.resolve(connector.parameters(), params),
				zone, null), sink);
		return sink;
	}
}
