package io.custops.store.internal;

import static io.custops.store.internal.Table.col;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.custops.store.internal.Table.Type;

/** Campaign members: which customers a campaign targeted (treatment) or held out (control). */
final class MembersWriter extends FactWriter {

	static final Table TABLE = new Table("campaign_members", 2, col("campaign_id", Type.TEXT),
			col("customer_id", Type.TEXT), col("member_group", Type.TEXT));

	MembersWriter(ImportSession session) {
		super(session, TABLE);
	}

	@Override
	Row parse(long line, Map<String, String> f, String raw) throws Canonical.BadValue {
		Object[] v = new Object[3];
		v[0] = Canonical.id("campaign_id", f.get("campaign_id"));
		v[1] = Canonical.id("customer_id", f.get("customer_id"));
		String group = Canonical.required("group", f.get("group"));
		v[2] = switch (group.toLowerCase(Locale.ROOT)) {
		case "treatment", "实验组", "处理组" -> "treatment";
		case "control", "对照组", "控制组" -> "control";
		default -> throw new Canonical.BadValue("group", "group '" + group + "' is not treatment or control");
		};
		return new Row(line, raw, v);
	}

	@Override
	Map<Object, Stored> lookup(List<Row> rows) throws SQLException {
		Object[] campaigns = rows.stream().map(r -> r.values[0]).toArray();
		Object[] customers = rows.stream().map(r -> r.values[1]).toArray();
		return lookup("SELECT m.campaign_id, m.customer_id, m.member_group, m.import_id, m.source_line"
				+ " FROM campaign_members m, UNNEST(CAST(? AS VARCHAR(200) ARRAY), CAST(? AS VARCHAR(200) ARRAY)) AS k(c, u)"
				+ " WHERE m.campaign_id = k.c AND m.customer_id = k.u",
				array("VARCHAR", campaigns), array("VARCHAR", customers));
	}

	@Override
	List<Row> checkReferences(List<Row> rows) throws SQLException {
		Set<String> known = new HashSet<>();
		try (PreparedStatement ps = session.connection
				.prepareStatement("SELECT campaign_id FROM campaigns WHERE campaign_id IN (UNNEST(?))")) {
			ps.setArray(1, array("VARCHAR", rows.stream().map(r -> r.values[0]).distinct().toArray()));
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					known.add(rs.getString(1));
				}
			}
		}
		List<Row> kept = new ArrayList<>(rows.size());
		for (Row row : rows) {
			if (known.contains(row.values[0])) {
				kept.add(row);
			} else {
				session.rejectRow(row.line, "campaign_id",
						"unknown campaign_id " + row.values[0] + " (import the campaigns first)", row.raw);
			}
		}
		return kept;
	}

	@Override
	String describe(Object identity) {
		return "member " + identity;
	}
}
