package io.custops.store.tests;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.custops.core.LocalizedText;
import io.custops.core.ProgressMonitor;
import io.custops.core.data.FactKind;
import io.custops.core.spi.DataConnector;
import io.custops.core.spi.ImportRequest;
import io.custops.core.spi.RecordSink;
import io.custops.store.Workspace;
import io.custops.store.WorkspaceManager;

/**
 * Run in a separate JVM by the tests (plain class path, no OSGi), to hold a workspace or to be
 * killed in the middle of an import:
 * <ul>
 * <li>{@code hold DIR}: opens the workspace, prints {@code opened}, waits for stdin to close;</li>
 * <li>{@code import DIR ROWS}: imports ROWS generated orders, printing {@code committed N}
 * after each chunk, then {@code done}.</li>
 * </ul>
 */
public final class ChildMain {

	private ChildMain() {
	}

	public static void main(String[] args) throws Exception {
		PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
		WorkspaceManager manager = (WorkspaceManager) Class.forName("io.custops.store.internal.HsqlWorkspaceManager")
				.getConstructor().newInstance();
		try (Workspace ws = manager.open(Path.of(args[1]))) {
			out.println("opened");
			if (args[0].equals("hold")) {
				while (System.in.read() >= 0) {
					// wait until the parent closes our stdin
				}
				return;
			}
			long rows = Long.parseLong(args[2]);
			long[] committed = { 0 };
			ws.importFacts(new Generator(rows), FactKind.ORDERS, Optional.empty(), Map.of(), new ProgressMonitor() {
				@Override
				public void worked(long work) {
					committed[0] += work;
					out.println("committed " + committed[0]);
				}
			});
			out.println("done");
		}
	}

	/** Orders g0, g1, … of 100 customers. */
	static final class Generator implements DataConnector {
		private final long rows;

		Generator(long rows) {
			this.rows = rows;
		}

		@Override
		public String id() {
			return "generator";
		}

		@Override
		public LocalizedText name() {
			return LocalizedText.of("generated orders");
		}

		@Override
		public Set<FactKind> supportedKinds() {
			return Set.of(FactKind.ORDERS);
		}

		@Override
		public boolean needsFile() {
			return false;
		}

		@Override
		public void read(ImportRequest request, RecordSink sink) {
			for (long i = 0; i < rows; i++) {
				String id = "g" + i;
				sink.accept(i + 2, Map.of("order_id", id, "customer_id", "c" + (i % 100), "order_time",
						"2026-03-01 12:00:00", "amount", "1.00", "status", "paid"), id);
			}
		}
	}
}
