package io.custops.campaign;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.custops.campaign.internal.TableWriter;
import io.custops.core.data.CustomerDataset;
import io.custops.core.data.DictionaryColumn;
import io.custops.engine.AnalysisInputException;
import io.custops.store.AuditEntry;
import io.custops.store.CampaignMember;
import io.custops.store.CampaignRecord;
import io.custops.store.Workspace;
import io.custops.store.WorkspaceException;

/**
 * The target list of a campaign for SMS and coupon tools, as CSV or xlsx: {@code customer_id,
 * name, phone, province, city} (+ {@code address} when customers have one), {@code group},
 * {@code segment}; name, phone and address masked ({@link Masking}) unless asked otherwise.
 * Every export is recorded in the workspace's audit log: who, when, which file, masked or not.
 */
public final class TargetListExport {

	/** The file format, from the file name's extension. */
	public enum Format {
		CSV, XLSX;

		public static Format of(Path file) {
			String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
			if (name.endsWith(".csv")) {
				return CSV;
			}
			if (name.endsWith(".xlsx")) {
				return XLSX;
			}
			throw new AnalysisInputException("the target list " + file + " must be a .csv or an .xlsx file");
		}

		public String id() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/** Which members: the treated ones (whom the campaign contacts), the control group, or all. */
	public enum Groups {
		TREATMENT, CONTROL, ALL;

		public static Groups of(String text) {
			for (Groups g : values()) {
				if (g.name().equalsIgnoreCase(text.strip())) {
					return g;
				}
			}
			throw new AnalysisInputException("group '" + text + "' is not treatment, control or all");
		}

		public String id() {
			return name().toLowerCase(Locale.ROOT);
		}

		boolean includes(CampaignMember.Group group) {
			return this == ALL || name().equals(group.name());
		}
	}

	/** The audit log's action for an export. */
	public static final String ACTION = "target-list-export";

	/** The columns, in order; {@code address} only when customers have that attribute. */
	public static final List<String> COLUMNS = List.of("customer_id", "name", "phone", "province", "city", "address",
			"group", "segment");

	/** What was written, and its audit entry. */
	public record Result(Path file, Format format, Groups groups, boolean masked, long rows, List<String> columns,
			AuditEntry audit) {
	}

	private TargetListExport() {
	}

	/**
	 * Writes the list (all or nothing: into a temporary file moved into place) and records it.
	 *
	 * @throws AnalysisInputException for an unknown campaign, one without members in the groups
	 *                                asked for, a file that is neither .csv nor .xlsx, more rows
	 *                                than a sheet holds
	 */
	public static Result write(Workspace workspace, CustomerDataset data, String campaignId, Path out, Groups groups,
			boolean unmask) throws WorkspaceException, IOException {
		Format format = Format.of(out);
		CampaignRecord record = workspace.campaigns().get(campaignId).orElseThrow(
				() -> new AnalysisInputException("no campaign '" + campaignId + "' in the workspace"));
		List<CampaignMember> all = workspace.campaigns().members(campaignId);
		if (all.isEmpty()) {
			throw new AnalysisInputException("campaign '" + campaignId + "' has no members");
		}
		List<CampaignMember> members = all.stream().filter(m -> groups.includes(m.group())).toList();
		if (members.isEmpty()) {
			throw new AnalysisInputException("campaign '" + campaignId + "' has no " + groups.id() + " members"
					+ (groups == Groups.CONTROL ? " (it has no control group)" : ""));
		}
		if (format == Format.XLSX && members.size() > TableWriter.MAX_XLSX_ROWS) {
			throw new AnalysisInputException("campaign '" + campaignId + "' has " + members.size()
					+ " members, more than a sheet holds (" + TableWriter.MAX_XLSX_ROWS + "); export CSV instead");
		}
		DictionaryColumn address = data.attribute("address");
		List<String> columns = new ArrayList<>(COLUMNS);
		if (address == null) {
			columns.remove("address");
		}
		Path target = out.toAbsolutePath().normalize();
		Path dir = target.getParent();
		Files.createDirectories(dir);
		Path temp = Files.createTempFile(dir, "." + target.getFileName() + "-", ".part");
		boolean masked = !unmask;
		try {
			try (TableWriter writer = TableWriter.open(temp, format == Format.XLSX, record.id())) {
				writer.row(columns);
				DictionaryColumn name = data.attribute("name");
				DictionaryColumn phone = data.attribute("phone");
				DictionaryColumn province = data.attribute("province");
				DictionaryColumn city = data.attribute("city");
				List<String> row = new ArrayList<>(columns.size());
				for (CampaignMember m : members) {
					int c = data.indexOf(m.customerId());
					row.clear();
					row.add(m.customerId());
					row.add(masked ? Masking.name(value(name, c)) : value(name, c));
					row.add(masked ? Masking.phone(value(phone, c)) : value(phone, c));
					row.add(value(province, c));
					row.add(value(city, c));
					if (address != null) {
						row.add(masked ? Masking.address(value(address, c)) : value(address, c));
					}
					row.add(m.group().id());
					row.add(m.segment());
					writer.row(row);
				}
			}
			// recorded before the list appears: an export the audit log does not know cannot exist
			Map<String, String> details = new LinkedHashMap<>();
			details.put("format", format.id());
			details.put("group", groups.id());
			details.put("columns", String.join(",", columns));
			AuditEntry entry = workspace.audit().record(new AuditEntry.Action(ACTION, campaignId, target.toString(),
					masked, (long) members.size(), details));
			try {
				Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			} catch (AtomicMoveNotSupportedException e) {
				Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
			}
			return new Result(target, format, groups, masked, members.size(), List.copyOf(columns), entry);
		} finally {
			Files.deleteIfExists(temp);
		}
	}

	private static String value(DictionaryColumn column, int customer) {
		return column == null || customer < 0 ? null : column.value(customer);
	}
}
