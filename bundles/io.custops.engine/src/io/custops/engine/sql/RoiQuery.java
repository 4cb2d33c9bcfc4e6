package io.custops.engine.sql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.custops.core.spi.SqlDialect;
import io.custops.core.spi.SqlPushdown;
import io.custops.core.spi.SqlPushdown.SourceTables;
import io.custops.engine.RoiResult;
import io.custops.engine.RoiResult.Figures;
import io.custops.engine.RoiResult.Segment;
import io.custops.engine.internal.CampaignRoiService;

/**
 * A campaign's ROI inside a source: one query over the source's orders and the campaign's
 * members that returns, per arm (and per breakdown group), the sufficient statistics only:
 * members, responders, the sum of each member's paid revenue in the window in cents, and the
 * sum of its squares in cents². Every figure, interval and test is then made by the in-memory
 * code ({@link io.custops.engine.RoiStatistics}) from those exact numbers. Obtained from
 * {@link io.custops.engine.CampaignRoi#pushdown}.
 *
 * <p>The members are the workspace's (its campaign store). They reach the source as the
 * session's temporary table {@value #MEMBERS} (PostgreSQL, DuckDB, HSQLDB: see
 * {@link #create()} and {@link #insert()}), or inline as a {@code VALUES} list where the engine
 * has no temporary tables (Trino, Spark SQL; at most {@value #MAX_INLINE} members). That table
 * is the only thing written; the orders are only read.
 */
public final class RoiQuery {

	/** The session's temporary table of members: customer_id, arm ({@code t} or {@code c}), segment. */
	public static final String MEMBERS = "custops_roi_members";

	/** The most members sent inline (Trino's default query text limit is 1,000,000 characters). */
	public static final int MAX_INLINE = 20_000;

	/** The result columns, in order. */
	public static final List<String> COLUMNS = List.of("arm", "grp", "members", "responders", "revenue_cents",
			"revenue_squares");

	private static final MathContext EXACT = MathContext.DECIMAL128;

	/** A member of the campaign: its customer id, whether held out, and the segment recorded at creation (or null). */
	public record Member(String customerId, boolean control, String segment) {
	}

	/** The breakdown by an analysis's labels as of the start, or by the recorded segments ({@code target}). */
	public record Breakdown(String by, SqlPushdown pushdown, io.custops.core.param.Parameters parameters,
			List<String> labels) {
		/** The breakdown by the segments recorded when the campaign was created. */
		public static Breakdown target() {
			return new Breakdown(TARGET, null, null, null);
		}

		boolean isTarget() {
			return pushdown == null;
		}
	}

	/** The keyword of the breakdown by recorded segments. */
	public static final String TARGET = "target";
	/** The group of members without a label or recorded segment. */
	public static final String NONE = "(none)";

	private final String id;
	private final String name;
	private final LocalDate start;
	private final LocalDate end;
	private final BigDecimal cost;
	private final BigDecimal margin;
	private final double alpha;
	private final Map<String, String> parameters;
	private final List<Member> members;
	private final Breakdown breakdown;
	private final SqlDialect dialect;
	private final String sql;
	/** per group name: {t members, t responders, t cents, c members, c responders, c cents} */
	private final Map<String, long[]> groups = new LinkedHashMap<>();
	private final Map<String, BigInteger[]> squares = new HashMap<>();

	public RoiQuery(String id, String name, LocalDate start, LocalDate end, BigDecimal cost, BigDecimal margin,
			double alpha, Map<String, String> parameters, List<Member> members, Breakdown breakdown, SqlDialect dialect,
			SourceTables tables) {
		this.id = id;
		this.name = name;
		this.start = start;
		this.end = end;
		this.cost = cost;
		this.margin = margin;
		this.alpha = alpha;
		this.parameters = new LinkedHashMap<>(parameters);
		this.members = List.copyOf(members);
		this.breakdown = breakdown;
		this.dialect = dialect;
		if (inline() && members.size() > MAX_INLINE) {
			throw new NoPushdownException("roi of campaign '" + id + "'", dialect, "it has no temporary tables and the "
					+ members.size() + " members are more than the " + MAX_INLINE + " sent inside the query text");
		}
		this.sql = build(tables);
	}

	/** Whether the members go inside the query text (no temporary tables in the dialect). */
	public boolean inline() {
		return dialect == SqlDialect.TRINO || dialect == SqlDialect.SPARK_SQL;
	}

	/** The statement creating the session's temporary members table; null when {@link #inline()}. */
	public String create() {
		String columns = " (customer_id VARCHAR(200), arm VARCHAR(1), segment VARCHAR(200))";
		return switch (dialect) {
		case HSQLDB -> "DECLARE LOCAL TEMPORARY TABLE " + MEMBERS + columns + " ON COMMIT PRESERVE ROWS";
		case POSTGRESQL, DUCKDB -> "CREATE TEMPORARY TABLE " + MEMBERS + columns;
		default -> null;
		};
	}

	/** The prepared statement filling it, parameters customer_id, arm, segment. */
	public String insert() {
		return inline() ? null : "INSERT INTO " + membersTable() + " (customer_id, arm, segment) VALUES (?, ?, ?)";
	}

	/** The rows for {@link #insert()}: customer_id, arm, segment. */
	public Iterable<String[]> rows() {
		return () -> members.stream().map(m -> new String[] { m.customerId(), m.control() ? "c" : "t", m.segment() })
				.iterator();
	}

	private String membersTable() {
		return dialect == SqlDialect.HSQLDB ? "SESSION." + MEMBERS : MEMBERS;
	}

	/** The SQL to send after the upload. */
	public String sql() {
		return sql;
	}

	private String build(SourceTables tables) {
		SqlDialect d = dialect;
		StringBuilder q = new StringBuilder("WITH o AS (")
				.append(tables.select("orders", "customer_id", "order_time", "amount", "status")).append("),\n");
		q.append("m AS (");
		if (inline()) {
			q.append("SELECT customer_id, arm, segment FROM (VALUES");
			for (int i = 0; i < members.size(); i++) {
				Member m = members.get(i);
				q.append(i == 0 ? "\n    " : ",\n    ").append('(').append(SqlDialect.literal(m.customerId())).append(", ")
						.append(m.control() ? "'c'" : "'t'").append(", ")
						.append(m.segment() == null ? "CAST(NULL AS VARCHAR(200))" : SqlDialect.literal(m.segment()))
						.append(')');
			}
			q.append("\n  ) AS v (customer_id, arm, segment)");
		} else {
			q.append("SELECT customer_id, arm, segment FROM ").append(membersTable());
		}
		q.append("),\n");
		// each member's paid revenue dated in [start, end] (local days), in cents; NULL: bought nothing
		q.append("r AS (\n  SELECT m.customer_id, m.arm, m.segment, SUM(CAST(o.amount * 100 AS BIGINT)) AS cents\n")
				.append("  FROM m LEFT JOIN o ON o.customer_id = m.customer_id AND LOWER(o.status) = 'paid'\n")
				.append("    AND o.order_time >= ").append(d.timestamp(start.atStartOfDay())).append(" AND o.order_time < ")
				.append(d.timestamp(end.plusDays(1).atStartOfDay())).append("\n  GROUP BY m.customer_id, m.arm, m.segment)");
		String group;
		if (breakdown == null) {
			group = "CAST(NULL AS VARCHAR(200))";
		} else if (breakdown.isTarget()) {
			group = "r.segment";
		} else {
			String classify = breakdown.pushdown().query(d, tables, start, breakdown.parameters()).strip();
			q.append(",\nb AS (\n  SELECT customer_id, label FROM (\n").append(classify.indent(4).stripTrailing())
					.append("\n  ) q)");
			group = "b.label";
		}
		// squares as DECIMAL(18,0) × DECIMAL(18,0): exact in every dialect (no BIGINT overflow, no double)
		q.append("\nSELECT arm, grp, COUNT(*) AS members, COUNT(cents) AS responders, COALESCE(SUM(cents), 0) AS revenue_cents,\n")
				.append("  COALESCE(SUM(CAST(COALESCE(cents, 0) AS DECIMAL(18,0)) * CAST(COALESCE(cents, 0) AS DECIMAL(18,0))), 0) AS revenue_squares\n")
				.append("FROM (\n  SELECT r.arm, ").append(group).append(" AS grp, r.cents FROM r");
		if (breakdown != null && !breakdown.isTarget()) {
			q.append(" LEFT JOIN b ON b.customer_id = r.customer_id");
		}
		q.append("\n) x\nGROUP BY arm, grp");
		return q.toString();
	}

	/** One row of the query's result, as text in {@link #COLUMNS} order. */
	public void accept(String[] row) {
		boolean control = "c".equals(row[0].strip());
		String group = row[1] == null || row[1].isEmpty() ? NONE : row[1];
		if (breakdown != null && !breakdown.isTarget() && !group.equals(NONE) && !breakdown.labels().contains(group)) {
			throw new IllegalStateException("'" + breakdown.by() + "' gave the label '" + group
					+ "' that it does not declare (" + breakdown.labels() + ")");
		}
		long[] g = groups.computeIfAbsent(group, k -> new long[6]);
		BigInteger[] sq = squares.computeIfAbsent(group, k -> new BigInteger[] { BigInteger.ZERO, BigInteger.ZERO });
		int o = control ? 3 : 0;
		g[o] += whole(row[2]).longValueExact();
		g[o + 1] += whole(row[3]).longValueExact();
		g[o + 2] += whole(row[4]).longValueExact();
		sq[control ? 1 : 0] = sq[control ? 1 : 0].add(whole(row[5]).toBigIntegerExact());
	}

	/** A whole number as the driver wrote it ("12", "12.00", "1.2E+3"). */
	private static BigDecimal whole(String text) {
		return new BigDecimal(text.strip()).stripTrailingZeros();
	}

	/** The ROI from the rows accepted so far: the in-memory run's figures, rounding and keys. */
	public RoiResult result() {
		long[] all = new long[6];
		BigInteger[] allSquares = { BigInteger.ZERO, BigInteger.ZERO };
		groups.forEach((k, g) -> {
			for (int i = 0; i < 6; i++) {
				all[i] += g[i];
			}
			BigInteger[] sq = squares.get(k);
			allSquares[0] = allSquares[0].add(sq[0]);
			allSquares[1] = allSquares[1].add(sq[1]);
		});
		Figures total = figures(all, allSquares, cost);
		List<Segment> segments = null;
		String by = null;
		if (breakdown != null) {
			by = breakdown.by();
			List<String> order = new ArrayList<>(groups.keySet());
			if (breakdown.isTarget()) {
				order.sort(Comparator.<String, Boolean>comparing(NONE::equals).thenComparingLong(n -> -groups.get(n)[0])
						.thenComparing(n -> n));
			} else {
				List<String> labels = breakdown.labels();
				order.sort(Comparator.comparingInt(n -> n.equals(NONE) ? labels.size() : labels.indexOf(n)));
			}
			long treated = all[0];
			segments = new ArrayList<>();
			for (String group : order) {
				long[] g = groups.get(group);
				if (g[0] + g[3] == 0) {
					continue;
				}
				// the cost is shared by the number of treated members, unrounded until the end
				BigDecimal share = cost.multiply(BigDecimal.valueOf(g[0])).divide(BigDecimal.valueOf(treated), EXACT);
				Figures f = breakdown.isTarget() && g[0] == 0 ? controlOnly(g, squares.get(group))
						: figures(g, squares.get(group), share);
				segments.add(new Segment(group, f));
			}
		}
		return new RoiResult(id, name, start, end, margin, total, by, segments, parameters);
	}

	private Figures figures(long[] g, BigInteger[] sq, BigDecimal cost) {
		return CampaignRoiService.figures(g[0], g[3], g[1], g[4], g[2], g[5], CampaignRoiService.squares(sq[0]),
				CampaignRoiService.squares(sq[1]), cost, margin, alpha);
	}

	/**
	 * A recorded segment whose members were all held out: nothing spent, nothing incremental,
	 * the control group's own revenue and response reported (as the in-memory breakdown does).
	 */
	private Figures controlOnly(long[] g, BigInteger[] sq) {
		Figures c = CampaignRoiService.figures(g[3], 0, g[4], 0, g[5], 0, CampaignRoiService.squares(sq[1]), 0,
				BigDecimal.ZERO, margin, alpha);
		BigDecimal zero = BigDecimal.ZERO.setScale(2, RoundingMode.UNNECESSARY);
		return new Figures(true, 0, g[3], 0, c.treatmentResponders(), zero, c.treatmentRevenue(), null,
				c.treatmentRevenuePerMember(), zero, zero, zero, zero, null, null, c.treatmentResponseRate(), null, null);
	}
}
