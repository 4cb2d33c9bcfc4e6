package io.custops.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.core.data.FactKind;
import io.custops.core.param.ParameterSpec;
import io.custops.core.param.ParameterType;
import io.custops.core.spi.ConnectorException;
import io.custops.core.spi.DataConnector;

/**
 * An open workspace, held exclusively by this process until {@link #close()}. Imports check
 * every value of every connector the same way (docs/formats.md), commit whole or not at all,
 * and keep rejected rows in a rejects file under {@code DIR/rejects/}.
 *
 * <p>Methods are thread-safe; imports and other writes run one at a time.
 */
@ProviderType
public interface Workspace extends AutoCloseable {

	/**
	 * Parameters of every import, handled by the workspace itself (taken out before the
	 * connector's parameters are checked).
	 */
	List<ParameterSpec> IMPORT_PARAMETERS = List.of(
			ParameterSpec.builder("maxRejects", ParameterType.INTEGER).defaultValue("1000").min(-1)
					.label("Maximum rejected rows", "最多拒绝行数")
					.description(
							"The import is aborted and undone when more rows than this are rejected; 0 tolerates none, -1 any number.",
							"被拒绝的行数超过此值时，导入中止并全部撤销；0 表示不容许任何拒绝，-1 表示不限。")
					.build(),
			ParameterSpec.builder("lines", ParameterType.BOOLEAN).defaultValue("false")
					.label("Rows are order lines", "每行为订单明细")
					.description(
							"Orders only: rows sharing an order_id are lines of one order (amounts and quantities are added up); otherwise a repeated order_id with other values is rejected.",
							"仅订单：订单号相同的行属于同一订单的明细（金额、数量相加）；否则订单号重复且内容不同的行被拒绝。")
					.build());

	Path directory();

	/** The time zone in which times are kept; times with an offset are converted to it on import. */
	ZoneId zone();

	/**
	 * Sets the workspace zone. Only before the first order or event is imported: stored times
	 * are local times of the zone they were imported in.
	 *
	 * @throws WorkspaceException when orders or events are already held in another zone
	 */
	void setZone(ZoneId zone) throws WorkspaceException;

	/**
	 * Reads a source through a connector and stores its rows, all or nothing.
	 *
	 * @param rawParams the user's {@code key=value} parameters: the workspace's own
	 *                  ({@link #IMPORT_PARAMETERS}) and the connector's
	 * @throws io.custops.core.param.ParameterException for an unknown or ill-typed parameter (names it)
	 * @throws ConnectorException  for a problem with the whole source; nothing is stored
	 * @throws TooManyRejectsException when more rows than {@code maxRejects} were rejected
	 *                             (nothing is stored, the rejects file is kept)
	 * @throws WorkspaceException  when the connector does not read this kind or needs a file that
	 *                             was not given, or the workspace cannot be written
	 * @throws java.util.concurrent.CancellationException when the monitor cancelled; nothing is stored
	 */
	ImportResult importFacts(DataConnector connector, FactKind kind, Optional<Path> file, Map<String, String> rawParams,
			ProgressMonitor monitor) throws WorkspaceException, ConnectorException;

	/**
	 * Everything imported, in the columnar form analyses read: customers (with their attributes
	 * and manual tags), orders and events. Loaded from the columnar copy beside the database
	 * (rebuilt first when it is missing or out of date); the same instance is returned until
	 * the workspace changes.
	 */
	CustomerDataset dataset() throws WorkspaceException;

	WorkspaceInfo info() throws WorkspaceException;

	/**
	 * An order as it is stored: its canonical fields that have a value (docs/formats.md), as
	 * text — amounts as plain decimals, times as ISO local date-times — plus {@code line_count};
	 * empty when the workspace has no order of that id.
	 */
	Optional<Map<String, String>> order(String orderId) throws WorkspaceException;

	/**
	 * Gives a customer a manual tag; returns false when it already had it. Many tags at once:
	 * import kind {@code tags} ({@link #importFacts}).
	 *
	 * @throws IllegalArgumentException for an invalid customer id or tag (a tag is one word without
	 *                                  spaces, {@code ;}, {@code ,} or quotes, at most 200 characters)
	 */
	boolean addTag(String customerId, String tag) throws WorkspaceException;

	/**
	 * Takes a manual tag from a customer; returns false when it did not have it.
	 *
	 * @throws IllegalArgumentException for an invalid customer id or tag
	 */
	boolean removeTag(String customerId, String tag) throws WorkspaceException;

	/** Customers per manual tag, by tag name. */
	java.util.SortedMap<String, Long> tagCounts() throws WorkspaceException;

	/** The campaigns held in the workspace, imported or created, with their members. */
	CampaignStore campaigns();

	/** The sources the analyses can run inside (SQL pushdown), registered in this workspace. */
	SourceStore sources();

	/** The playbooks of this workspace (scheduled targets) and their runs. */
	PlaybookStore playbooks();

	/** The audit log: target lists exported (masked or not), campaigns created and deleted, personal data revealed in the workbench. */
	AuditLog audit();

	/**
	 * A new connection to the workspace database (campaigns, schedules and report runs of later
	 * features live there). The caller closes it. Connections are invalidated when an import
	 * fails (the database is reopened to undo it) and when the workspace closes; what they write
	 * while an import runs is undone with that import if it fails, so write between imports.
	 */
	Connection connection() throws WorkspaceException;

	/** Closes the database and releases the lock. */
	@Override
	void close();
}
