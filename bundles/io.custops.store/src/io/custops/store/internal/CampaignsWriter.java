package io.custops.store.internal;

import static io.custops.store.internal.Table.col;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import io.custops.store.internal.Table.Type;

/** Campaigns: dates inclusive, cost in money, margin a ratio (default 1). */
final class CampaignsWriter extends FactWriter {

	static final Table TABLE = new Table("campaigns", 1, col("campaign_id", Type.TEXT), col("name", Type.TEXT),
			col("start_date", Type.DATE), col("end_date", Type.DATE), col("cost", Type.DECIMAL),
			col("margin", Type.DECIMAL), col("segment", Type.TEXT), col("description", Type.TEXT));

	private static final BigDecimal FULL_MARGIN = BigDecimal.ONE.setScale(6);

	CampaignsWriter(ImportSession session) {
		super(session, TABLE);
	}

	@Override
	Row parse(long line, Map<String, String> f, String raw) throws Canonical.BadValue {
		Object[] v = new Object[TABLE.columns.size()];
		v[0] = Canonical.id("campaign_id", f.get("campaign_id"));
		String name = Canonical.required("name", f.get("name"));
		v[1] = Canonical.optionalText("name", name, Canonical.MAX_TEXT);
		LocalDate start = Canonical.date("start", f.get("start"));
		LocalDate end = Canonical.date("end", f.get("end"));
		if (end.isBefore(start)) {
			throw new Canonical.BadValue("end", "end " + end + " is before start " + start);
		}
		v[2] = start;
		v[3] = end;
		BigDecimal cost = Canonical.money("cost", f.get("cost"));
		if (cost.signum() < 0) {
			throw new Canonical.BadValue("cost", "cost " + cost.toPlainString() + " is negative");
		}
		v[4] = cost;
		v[5] = Canonical.optionalRatio("margin", f.get("margin"));
		v[6] = Canonical.optionalText("segment", f.get("segment"), Canonical.MAX_TEXT);
		v[7] = Canonical.optionalText("description", f.get("description"), 4000);
		return new Row(line, raw, v);
	}

	@Override
	void defaults(Object[] values) {
		if (values[5] == null) {
			values[5] = FULL_MARGIN;
		}
	}
}
