package io.custops.ui.internal.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.swt.widgets.Display;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.core.data.FactKind;
import io.custops.core.spi.DataConnector;
import io.custops.core.spi.ServiceKind;
import io.custops.source.SourceRuntime;
import io.custops.store.AuditEntry;
import io.custops.store.ImportResult;
import io.custops.store.MemoryForecast;
import io.custops.store.SourceRecord;
import io.custops.store.Workspace;
import io.custops.store.WorkspaceException;
import io.custops.store.WorkspaceInfo;
import io.custops.store.WorkspaceManager;

/**
 * The workspace the workbench holds, and its facts in memory. One owner (docs/architecture.md, principle 6):
 * the workbench opens one workspace at a time, keeps it open (a command line on the same
 * workspace is told it is in use) and closes it when switching or quitting. Opening, loading
 * and every write run in background jobs under {@link BackgroundJobs#WORKSPACE}; listeners hear
 * (on the UI thread) when the state or the dataset changes.
 */
public final class WorkbenchSession {

	public enum State {
		/** No workspace open. */
		CLOSED,
		/** Opening the workspace or loading its facts. */
		LOADING,
		/** The dataset is loaded. */
		READY,
		/** Opening or loading failed: {@link #message()} says why. */
		FAILED
	}

	/** The order in which the demo shop's kinds are imported (customers first, campaigns before members). */
	public static final List<FactKind> DEMO_ORDER = List.of(FactKind.CUSTOMERS, FactKind.ORDERS, FactKind.EVENTS,
			FactKind.CAMPAIGNS, FactKind.CAMPAIGN_MEMBERS);

	private final UiServices services;
	private final UiPreferences preferences;
	private final BackgroundJobs jobs;
	private final Display display;
	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

	private volatile Workspace workspace;
	private volatile Path directory;
	private volatile CustomerDataset dataset;
	private volatile CustomerFacts facts;
	private volatile State state = State.CLOSED;
	private volatile String message = "";
	private volatile long loadMillis = -1;
	/** The forecast of the open workspace's memory, made before its facts are loaded. */
	private volatile MemoryForecast memory;
	/** The source the analyses run inside, or null: the workspace's own data. */
	private volatile SourceRecord source;
	/** What the last check of the active source found (its tables, columns, counts, date range). */
	private volatile io.custops.source.SourceCheck sourceCheck;
	private volatile SourceRecord checkedSource;

	public WorkbenchSession(UiServices services, UiPreferences preferences, BackgroundJobs jobs, Display display) {
		this.services = services;
		this.preferences = preferences;
		this.jobs = jobs;
		this.display = display;
	}

	public UiServices services() {
		return services;
	}

	public UiPreferences preferences() {
		return preferences;
	}

	public BackgroundJobs jobs() {
		return jobs;
	}

	public Display display() {
		return display;
	}

	public State state() {
		return state;
	}

	/** Why opening failed, or what is being done. */
	public String message() {
		return message;
	}

	public Path directory() {
		return directory;
	}

	/** The open workspace, or null. */
	public Workspace workspace() {
		return workspace;
	}

	/** The loaded facts, or null before the first load. */
	public CustomerDataset dataset() {
		return dataset;
	}

	/** How long the last load of the dataset took, in milliseconds (-1 before). */
	/**
	 * "This workspace needs about N GB …; use a source" when the open workspace's facts are
	 * forecast to outgrow the heap (said before they are loaded, and after an import reloads them).
	 */
	public java.util.Optional<String> memoryWarning(boolean zh) {
		MemoryForecast m = memory;
		return m == null ? java.util.Optional.empty() : zh ? m.warningZh() : m.warning();
	}

	public long loadMillis() {
		return loadMillis;
	}

	/**
	 * The registered source the workbench analyses now, or null when it analyses the workspace's
	 * own data (the dataset). Parts that run on a source (Data, Segments, Lifecycle, Behaviour) run
	 * their analyses inside it; the others keep showing the workspace's data and say so.
	 */
	public SourceRecord source() {
		return source;
	}

	/** "dw (PostgreSQL)": the active source as the status line and the parts name it, or null. */
	public String sourceTitle() {
		SourceRecord s = source;
		return s == null ? null : title(s);
	}

	/** A source as the workbench names it: its id and its engine. */
	public static String title(SourceRecord s) {
		return s.id() + " (" + dialectName(s.url()) + ")";
	}

	/** The engine's name of a source URL: PostgreSQL, Trino, Spark SQL, DuckDB, HSQLDB (or "SQL"). */
	public static String dialectName(String url) {
		return io.custops.core.spi.SqlDialect.ofUrl(url).map(d -> switch (d) {
		case POSTGRESQL -> "PostgreSQL";
		case TRINO -> "Trino";
		case SPARK_SQL -> "Spark SQL";
		case DUCKDB -> "DuckDB";
		case HSQLDB -> "HSQLDB";
		}).orElse("SQL");
	}

	/** The sources registered in the open workspace (./custops source add). */
	public List<SourceRecord> sources() throws WorkspaceException {
		return requireWorkspace().sources().list();
	}

	/**
	 * Makes the workbench analyse a registered source of the workspace (null: back to the
	 * workspace's own data). Nothing is read here: each part runs its analyses inside the source
	 * in its own background job.
	 */
	public void useSource(SourceRecord s) {
		source = s;
		fire();
	}

	/** Opens the source of that id, registered in the workspace. */
	public SourceRecord useSource(String id) throws WorkspaceException {
		SourceRecord s = requireWorkspace().sources().get(id)
				.orElseThrow(() -> new WorkspaceException("no source '" + id + "' in the workspace (./custops source list)"));
		useSource(s);
		return s;
	}

	/**
	 * Checks the source as {@code ./custops source test} does: connects, checks every mapped column,
	 * counts the rows and reads the date range. Kept for the active source until it is checked again
	 * ({@code fresh}) or another is opened. In a background job only.
	 */
	public io.custops.source.SourceCheck checkSource(SourceRecord s, boolean fresh, ProgressMonitor monitor)
			throws Exception {
		if (!fresh && s == checkedSource && sourceCheck != null) {
			return sourceCheck;
		}
		monitor.begin("Checking source " + title(s) + ": tables, columns, rows, dates", -1);
		io.custops.source.SourceCheck check = sourceRuntime().test(s);
		sourceCheck = check;
		checkedSource = s;
		return check;
	}

	/**
	 * "As of" by default inside a source: the day after its last order or event, as for the
	 * workspace ({@link #defaultAsOf()}); today when it has none.
	 */
	public LocalDate sourceAsOf(SourceRecord s, ProgressMonitor monitor) throws Exception {
		return defaultAsOf(checkSource(s, false, monitor));
	}

	/** The day after the last order or event a check found; today when none. */
	public static LocalDate defaultAsOf(io.custops.source.SourceCheck check) {
		LocalDate last = null;
		for (io.custops.source.SourceCheck.TableCheck t : check.tables()) {
			if ((t.kind().equals("orders") || t.kind().equals("events")) && t.last() != null && t.last().length() >= 10) {
				LocalDate day = LocalDate.parse(t.last().substring(0, 10));
				if (last == null || day.isAfter(last)) {
					last = day;
				}
			}
		}
		return last == null ? LocalDate.now() : last.plusDays(1);
	}

	/** The source runtime (bundle io.custops.source), or an exception saying it is not running. */
	public SourceRuntime sourceRuntime() throws WorkspaceException {
		SourceRuntime runtime = services.sourceRuntime();
		if (runtime == null) {
			throw new WorkspaceException("the source runtime (bundle io.custops.source) is not running");
		}
		return runtime;
	}

	/** Per-customer purchase figures of the loaded dataset (computed once per dataset). */
	public CustomerFacts facts() {
		CustomerDataset d = dataset;
		CustomerFacts f = facts;
		if (d == null) {
			return null;
		}
		if (f == null || f.dataset() != d) {
			f = new CustomerFacts(d);
			facts = f;
		}
		return f;
	}

	/** The day after the last order or event: "as of" by default, so that nothing imported is in the future. */
	public LocalDate defaultAsOf() {
		CustomerFacts f = facts();
		return f == null ? LocalDate.now() : f.defaultAsOf();
	}

	/** Listeners run on the UI thread after every change of state or dataset. */
	public void addListener(Runnable listener) {
		listeners.add(listener);
	}

	public void removeListener(Runnable listener) {
		listeners.remove(listener);
	}

	private void fire() {
		if (display == null || display.isDisposed()) {
			listeners.forEach(Runnable::run);
			return;
		}
		display.asyncExec(() -> listeners.forEach(Runnable::run));
	}

	/** The workspace a bare start opens: -Dcustops.workspace, $CUSTOPS_WORKSPACE, else CUSTOPS_HOME/workspace. */
	public static Path defaultDirectory(WorkspaceManager manager) {
		String property = System.getProperty("custops.workspace");
		if (property != null && !property.isBlank()) {
			return Path.of(property).toAbsolutePath();
		}
		return manager != null ? manager.defaultDirectory() : io.custops.core.CustopsHome.defaultWorkspace();
	}

	/**
	 * Opens (creating when absent) the workspace in a directory instead of the current one, and
	 * loads its facts. A workspace held by another process is not taken: the state becomes
	 * FAILED with the owner named.
	 */
	public BackgroundJobs.Task open(Path dir, Consumer<Exception> failed) {
		state = State.LOADING;
		message = dir.toString();
		fire();
		source = null; // a source belongs to the workspace it is registered in
		return jobs.submit("Opening " + dir, BackgroundJobs.WORKSPACE, monitor -> {
			closeQuietly();
			WorkspaceManager manager = services.workspaces();
			if (manager == null) {
				throw new WorkspaceException("the workspace store (bundle io.custops.store) is not running");
			}
			boolean created = isEmptyOrMissing(dir);
			Workspace opened = manager.open(dir);
			workspace = opened;
			directory = opened.directory();
			if (created) {
				try {
					opened.setZone(preferences.timeZone());
				} catch (WorkspaceException e) {
					// a zone cannot change once facts are held; a new workspace has none
				}
			}
			load(opened, monitor);
			return null;
		}, display, ignored -> {
		}, e -> {
			state = State.FAILED;
			message = text(e);
			fire();
			if (failed != null) {
				failed.accept(e);
			}
		});
	}

	private static boolean isEmptyOrMissing(Path dir) {
		if (!Files.isDirectory(dir)) {
			return true;
		}
		try (var entries = Files.list(dir)) {
			return entries.findAny().isEmpty();
		} catch (IOException e) {
			return false;
		}
	}

	private void load(Workspace ws, ProgressMonitor monitor) throws WorkspaceException {
		state = State.LOADING;
		message = ws.directory().toString();
		fire();
		monitor.begin("Loading customers, orders and events", -1);
		memory = MemoryForecast.of(ws.info()); // before the load, which is what may run out
		fire();
		long started = System.nanoTime();
		CustomerDataset loaded = ws.dataset();
		CustomerFacts computed = new CustomerFacts(loaded);
		loadMillis = (System.nanoTime() - started) / 1_000_000;
		dataset = loaded;
		facts = computed;
		state = State.READY;
		message = "";
		fire();
	}

	/** Loads the dataset again (after an import, tags, a change by this workbench). */
	public BackgroundJobs.Task reload() {
		return jobs.submit("Loading " + directory, BackgroundJobs.WORKSPACE, monitor -> {
			Workspace ws = requireWorkspace();
			load(ws, monitor);
			return null;
		}, display, null, e -> {
			state = State.FAILED;
			message = text(e);
			fire();
		});
	}

	/** Imports facts through a connector, then reloads the dataset; the result goes to {@code done}. */
	public BackgroundJobs.Task importFacts(DataConnector connector, FactKind kind, Optional<Path> file,
			Map<String, String> params, Consumer<ImportResult> done, Consumer<Exception> failed) {
		return jobs.submit("Importing " + kind.id() + " with " + connector.id(), BackgroundJobs.WORKSPACE, monitor -> {
			Workspace ws = requireWorkspace();
			ImportResult result = ws.importFacts(connector, kind, file, params, monitor);
			load(ws, monitor);
			return result;
		}, display, done, failed);
	}

	/** Imports every kind the connector with id {@code demo} generates, then reloads. */
	public BackgroundJobs.Task importDemo(Map<String, String> params, Consumer<List<ImportResult>> done,
			Consumer<Exception> failed) {
		return jobs.submit("Importing the demo shop", BackgroundJobs.WORKSPACE, monitor -> {
			Workspace ws = requireWorkspace();
			DataConnector demo = services.catalog().find(ServiceKind.CONNECTOR, DataConnector.class, "demo")
					.orElseThrow(() -> new WorkspaceException("no connector 'demo' installed"));
			List<ImportResult> results = new java.util.ArrayList<>();
			for (FactKind kind : DEMO_ORDER) {
				if (demo.supportedKinds().contains(kind)) {
					monitor.checkCanceled();
					results.add(ws.importFacts(demo, kind, Optional.empty(), params, monitor));
				}
			}
			load(ws, monitor);
			return results;
		}, display, done, failed);
	}

	/** Gives (or takes) a manual tag to (from) customers, then reloads; {@code done} gets how many changed. */
	public BackgroundJobs.Task tag(String tag, int[] customers, boolean add, Consumer<Integer> done,
			Consumer<Exception> failed) {
		CustomerDataset d = dataset;
		return jobs.submit((add ? "Tagging " : "Untagging ") + customers.length + " customers '" + tag + "'",
				BackgroundJobs.WORKSPACE, monitor -> {
					Workspace ws = requireWorkspace();
					monitor.begin("tag " + tag, customers.length);
					int changed = 0;
					for (int c : customers) {
						monitor.checkCanceled();
						String id = d.customerId(c);
						if (add ? ws.addTag(id, tag) : ws.removeTag(id, tag)) {
							changed++;
						}
						monitor.worked(1);
					}
					load(ws, monitor);
					return changed;
				}, display, done, failed);
	}

	public WorkspaceInfo info() throws WorkspaceException {
		return requireWorkspace().info();
	}

	/** The audit log's action of a reveal of a customer's personal data in the workbench. */
	public static final String REVEAL = "personal-data-reveal";

	/**
	 * Records that personal data of a customer was shown, in the workspace's audit log
	 * ({@link Workspace#audit()}, beside target list exports): action {@value #REVEAL}, subject
	 * the customer id, the fields shown, unmasked; who, where and when are the log's. Called
	 * before the data are shown: when it fails they stay masked.
	 */
	public AuditEntry recordReveal(String customerId, List<String> fields) throws WorkspaceException {
		return requireWorkspace().audit().record(new AuditEntry.Action(REVEAL, customerId, null, false, null,
				Map.of("fields", String.join(",", fields))));
	}

	private Workspace requireWorkspace() throws WorkspaceException {
		Workspace ws = workspace;
		if (ws == null) {
			throw new WorkspaceException("no workspace is open");
		}
		return ws;
	}

	private void closeQuietly() {
		Workspace ws = workspace;
		workspace = null;
		dataset = null;
		facts = null;
		if (ws != null) {
			ws.close();
		}
	}

	/** Closes the workspace (the lock is released). */
	public void close() {
		source = null;
		closeQuietly();
		state = State.CLOSED;
	}

	/** A message for the analyst: what went wrong, without a stack trace. */
	public static String text(Throwable e) {
		if (e instanceof java.util.concurrent.CancellationException) {
			return "cancelled";
		}
		String m = e.getMessage();
		if (m == null || m.isBlank()) {
			return e.getClass().getSimpleName();
		}
		return e instanceof RuntimeException && !(e instanceof io.custops.core.param.ParameterException)
				&& !(e instanceof java.util.NoSuchElementException) && !(e instanceof IllegalArgumentException)
				&& !e.getClass().getName().startsWith("io.custops") ? e.getClass().getSimpleName() + ": " + m : m;
	}
}
