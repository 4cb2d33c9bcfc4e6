package io.custops.store.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.custops.store.AuditEntry;
import io.custops.store.CampaignMember;
import io.custops.store.CampaignRecord;
import io.custops.store.CampaignStore;
import io.custops.store.WorkspaceException;

/** Campaigns in the {@code campaigns} and {@code campaign_members} tables. */
final class HsqlCampaignStore implements CampaignStore {

	private static final String SELECT = "SELECT c.campaign_id, c.name, c.start_date, c.end_date, c.cost, c.margin,"
			+ " c.segment, c.description, c.target, c.target_params, c.as_of, c.control_share, c.seed, c.created,"
			+ " c.created_by FROM campaigns c";

	/** Rows a members query reads at a time: a bigger result is spilled to disk by HSQLDB. */
	private static final int PAGE = 50_000;

	private final HsqlWorkspace workspace;

	/**
	 * Members and group sizes as read at {@link #cachedAt} (the workspace's change count): a
	 * report or the workbench reads the members of every campaign, again and again, and they
	 * change only with an import or a new campaign.
	 */
	private long cachedAt = -1;
	private Map<String, long[]> sizes;
	private final Map<String, List<CampaignMember>> members = new java.util.HashMap<>();

	HsqlCampaignStore(HsqlWorkspace workspace) {
		this.workspace = workspace;
	}

	@Override
	public List<CampaignRecord> list() throws WorkspaceException {
		return workspace.read("cannot read the campaigns", c -> {
			List<CampaignRecord> all = new ArrayList<>();
			Map<String, long[]> groups = sizes(c);
			try (PreparedStatement ps = c.prepareStatement(SELECT + " ORDER BY c.start_date, c.campaign_id");
					ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					all.add(record(rs, groups));
				}
			}
			return all;
		});
	}

	@Override
	public Optional<CampaignRecord> get(String id) throws WorkspaceException {
		return workspace.read("cannot read campaign " + id, c -> find(c, id));
	}

	private Optional<CampaignRecord> find(Connection c, String id) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE c.campaign_id = ?")) {
			ps.setString(1, id);
			try (ResultSet rs = ps.executeQuery()) {
				return rs.next() ? Optional.of(record(rs, sizes(c))) : Optional.empty();
			}
		}
	}

	/** Treatment and control sizes per campaign, one pass over the members for all campaigns. */
	private Map<String, long[]> sizes(Connection c) throws SQLException {
		synchronized (members) {
			fresh();
			if (sizes == null) {
				Map<String, long[]> counted = new java.util.HashMap<>();
				try (PreparedStatement ps = c.prepareStatement("SELECT campaign_id, member_group, COUNT(*)"
						+ " FROM campaign_members GROUP BY campaign_id, member_group");
						ResultSet rs = ps.executeQuery()) {
					while (rs.next()) {
						long[] n = counted.computeIfAbsent(rs.getString(1), k -> new long[2]);
						n[CampaignMember.Group.TREATMENT.id().equals(rs.getString(2)) ? 0 : 1] += rs.getLong(3);
					}
				}
				sizes = counted;
			}
			return sizes;
		}
	}

	/** Drops what was cached before the workspace last changed. */
	private void fresh() {
		long now = workspace.changeCount();
		if (now != cachedAt) {
			cachedAt = now;
			sizes = null;
			members.clear();
		}
	}

	private static CampaignRecord record(ResultSet rs, Map<String, long[]> sizes) throws SQLException {
		long[] n = sizes.getOrDefault(rs.getString(1), new long[2]);
		OffsetDateTime created = rs.getObject(14, OffsetDateTime.class);
		long seed = rs.getLong(13);
		Long seedOrNull = rs.wasNull() ? null : seed;
		String params = rs.getString(10);
		return new CampaignRecord(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
				rs.getObject(4, LocalDate.class), rs.getBigDecimal(5), strip(rs.getBigDecimal(6)), rs.getString(7),
				rs.getString(8), rs.getString(9), params == null ? Map.of() : ImportRecordRow.parseParams(params),
				rs.getObject(11, LocalDate.class), strip(rs.getBigDecimal(12)), seedOrNull,
				created == null ? null : created.toInstant(), rs.getString(15), n[0], n[1]);
	}

	/** Ratios are kept with six decimals: 0.350000 reads back as 0.35. */
	private static BigDecimal strip(BigDecimal ratio) {
		if (ratio == null) {
			return null;
		}
		BigDecimal s = ratio.stripTrailingZeros();
		return s.scale() < 0 ? s.setScale(0) : s;
	}

	@Override
	public List<CampaignMember> members(String id) throws WorkspaceException {
		synchronized (members) {
			fresh();
			List<CampaignMember> cached = members.get(id);
			if (cached != null) {
				return cached;
			}
		}
		List<CampaignMember> read = workspace.read("cannot read the members of campaign " + id, c -> {
			List<CampaignMember> all = new ArrayList<>();
			// a page at a time along the key: one big result would be spooled to disk first
			try (PreparedStatement ps = c.prepareStatement("SELECT customer_id, member_group, member_segment"
					+ " FROM campaign_members WHERE campaign_id = ? AND customer_id > ? ORDER BY customer_id LIMIT "
					+ PAGE)) {
				String after = "";
				int rows;
				do {
					rows = 0;
					ps.setString(1, id);
					ps.setString(2, after);
					try (ResultSet rs = ps.executeQuery()) {
						while (rs.next()) {
							after = rs.getString(1);
							all.add(new CampaignMember(after, CampaignMember.Group.fromId(rs.getString(2)),
									rs.getString(3)));
							rows++;
						}
					}
				} while (rows == PAGE);
			}
			return List.copyOf(all);
		});
		synchronized (members) {
			fresh();
			members.put(id, read);
		}
		return read;
	}

	@Override
	public CampaignRecord create(CampaignRecord campaign, List<CampaignMember> members) throws WorkspaceException {
		check(campaign, members);
		String id = campaign.id();
		if (get(id).isPresent()) {
			throw new IllegalArgumentException("campaign '" + id + "' exists already");
		}
		return workspace.change("cannot store campaign " + id, c -> {
			OffsetDateTime now = OffsetDateTime.now();
			String creator = HsqlAuditLog.user() + "@" + WorkspaceLock.hostName();
			try (PreparedStatement ps = c.prepareStatement("INSERT INTO campaigns(campaign_id, name, start_date,"
					+ " end_date, cost, margin, segment, description, target, target_params, as_of, control_share,"
					+ " seed, created, created_by) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
				ps.setString(1, id);
				ps.setString(2, campaign.name());
				ps.setObject(3, campaign.start());
				ps.setObject(4, campaign.end());
				ps.setBigDecimal(5, campaign.cost().setScale(2));
				ps.setBigDecimal(6, campaign.margin());
				ps.setString(7, clip(campaign.segment(), 1000));
				ps.setString(8, campaign.description());
				ps.setString(9, campaign.target());
				ps.setString(10, campaign.target() == null ? null
						: ImportRecordRow.formatParams(campaign.targetParameters()));
				ps.setObject(11, campaign.asOf());
				ps.setBigDecimal(12, campaign.controlShare());
				if (campaign.seed() == null) {
					ps.setNull(13, Types.BIGINT);
				} else {
					ps.setLong(13, campaign.seed());
				}
				ps.setObject(14, now);
				ps.setString(15, clip(creator, 400));
				ps.executeUpdate();
			}
			try (PreparedStatement ps = c.prepareStatement("INSERT INTO campaign_members(campaign_id, customer_id,"
					+ " member_group, member_segment) VALUES(?, ?, ?, ?)")) {
				int batch = 0;
				for (CampaignMember m : members) {
					ps.setString(1, id);
					ps.setString(2, m.customerId());
					ps.setString(3, m.group().id());
					ps.setString(4, m.segment());
					ps.addBatch();
					if (++batch == FactWriter.CHUNK) {
						ps.executeBatch();
						c.commit();
						batch = 0;
					}
				}
				ps.executeBatch();
			}
			long treated = members.stream().filter(m -> m.group() == CampaignMember.Group.TREATMENT).count();
			Map<String, String> details = new LinkedHashMap<>();
			details.put("target", campaign.target() == null ? "" : campaign.target());
			details.put("treatment", Long.toString(treated));
			details.put("control", Long.toString(members.size() - treated));
			if (campaign.seed() != null) {
				details.put("seed", Long.toString(campaign.seed()));
			}
			HsqlAuditLog.insert(c, new AuditEntry.Action("campaign-create", id, null, null, (long) members.size(),
					details), now);
			return find(c, id).orElseThrow();
		});
	}

	@Override
	public boolean delete(String id) throws WorkspaceException {
		if (get(id).isEmpty()) {
			return false;
		}
		return workspace.change("cannot delete campaign " + id, c -> {
			int members;
			try (PreparedStatement ps = c.prepareStatement("DELETE FROM campaign_members WHERE campaign_id = ?")) {
				ps.setString(1, id);
				members = ps.executeUpdate();
			}
			try (PreparedStatement ps = c.prepareStatement("DELETE FROM campaigns WHERE campaign_id = ?")) {
				ps.setString(1, id);
				ps.executeUpdate();
			}
			HsqlAuditLog.insert(c, new AuditEntry.Action("campaign-delete", id, null, null, (long) members, Map.of()),
					OffsetDateTime.now());
			return true;
		});
	}

	private static void check(CampaignRecord campaign, List<CampaignMember> members) {
		String id = campaign.id();
		if (id == null || id.isBlank() || id.length() > Canonical.MAX_ID || !id.strip().equals(id)) {
			throw new IllegalArgumentException("campaign id '" + id + "' must be 1 to " + Canonical.MAX_ID
					+ " characters without surrounding spaces");
		}
		String what = "campaign '" + id + "'";
		if (campaign.name() == null || campaign.name().isBlank() || campaign.name().length() > Canonical.MAX_TEXT) {
			throw new IllegalArgumentException(what + ": the name must be 1 to " + Canonical.MAX_TEXT + " characters");
		}
		if (campaign.start() == null || campaign.end() == null) {
			throw new IllegalArgumentException(what + " needs a start and an end date");
		}
		if (campaign.end().isBefore(campaign.start())) {
			throw new IllegalArgumentException(what + ": the end " + campaign.end() + " is before the start "
					+ campaign.start());
		}
		if (campaign.cost() == null || campaign.cost().signum() < 0 || campaign.cost().stripTrailingZeros().scale() > 2) {
			throw new IllegalArgumentException(what + ": the cost " + campaign.cost()
					+ " is not an amount of zero or more with at most 2 decimals");
		}
		if (campaign.margin() == null || campaign.margin().signum() < 0
				|| campaign.margin().compareTo(BigDecimal.ONE) > 0 || campaign.margin().stripTrailingZeros().scale() > 6) {
			throw new IllegalArgumentException(what + ": the margin " + campaign.margin() + " is not a ratio in [0, 1]");
		}
		if (campaign.description() != null && campaign.description().length() > 4000
				|| campaign.target() != null && campaign.target().length() > 4000) {
			throw new IllegalArgumentException(what + ": the description and the target take at most 4000 characters");
		}
		Set<String> seen = new HashSet<>();
		boolean treated = false;
		for (CampaignMember m : members) {
			if (!seen.add(m.customerId())) {
				throw new IllegalArgumentException(what + ": customer " + m.customerId() + " is listed twice");
			}
			if (m.customerId().length() > Canonical.MAX_ID) {
				throw new IllegalArgumentException(what + ": customer id " + m.customerId() + " is too long");
			}
			if (m.segment() != null && m.segment().length() > Canonical.MAX_TEXT) {
				throw new IllegalArgumentException(what + ": the segment of customer " + m.customerId()
						+ " is longer than " + Canonical.MAX_TEXT + " characters");
			}
			treated |= m.group() == CampaignMember.Group.TREATMENT;
		}
		if (!treated) {
			throw new IllegalArgumentException(what + " has no members in its treatment group");
		}
	}

	private static String clip(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}
}
