package io.custops.cli.internal;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import io.custops.core.param.Parameters;
import io.custops.core.spi.CustomerAnalysis;
import io.custops.core.spi.SqlDialect;
import io.custops.engine.Analyses;
import io.custops.engine.CampaignRoi;
import io.custops.engine.ConversionResult;
import io.custops.engine.RoiResult;
import io.custops.engine.TierConversion;
import io.custops.engine.sql.ConversionQuery;
import io.custops.engine.sql.FunnelQuery;
import io.custops.engine.FunnelAnalysis;
import io.custops.engine.FunnelResult;
import io.custops.engine.PathAnalysis;
import io.custops.engine.PathResult;
import io.custops.engine.sql.PathQuery;
import io.custops.source.TextRowSink;
import io.custops.engine.sql.NoPushdownException;
import io.custops.engine.sql.RoiQuery;
import io.custops.engine.sql.SourceAnalyses;
import io.custops.core.spi.ConnectorException;
import io.custops.engine.AnalysisInputException;
import io.custops.source.PushdownUnsupportedException;
import io.custops.source.SourceException;
import io.custops.source.SourceRuntime;
import io.custops.source.Upload;
import io.custops.store.CampaignMember;
import io.custops.store.CampaignRecord;
import io.custops.store.CampaignStore;
import io.custops.store.SourceRecord;
import io.custops.store.Workspace;
import io.custops.store.WorkspaceManager;

/**
 * The engine's shared analyses inside one source: the engine writes the SQL
 * ({@code io.custops.engine.sql}), the source runtime runs it, the engine makes the figures.
 * Used by {@code conversion --source}, {@code roi --source} and reports with {@code source=ID}.
 */
final class SourceShared implements SourceAnalyses {

	private final CliServices services;
	private final SourceRecord source;
	private final SourceRuntime runtime;
	private final SqlDialect dialect;
	private final CampaignStore store;
	private final Path workspace;

	/**
	 * @param store the open workspace's campaigns, or null to open the workspace for them
	 */
	SourceShared(CliServices services, SourceRecord source, CampaignStore store, Path workspace) throws Exception {
		this.services = services;
		this.source = source;
		this.runtime = services.require(SourceRuntime.class);
		this.dialect = runtime.dialect(source.url());
		this.store = store;
		this.workspace = workspace;
	}

	@Override
	public String source() {
		return source.id();
	}

	@Override
	public SqlDialect dialect() {
		return dialect;
	}

	SourceRecord record() {
		return source;
	}

	ConversionQuery conversionQuery(String analysisId, LocalDate from, LocalDate to, Map<String, String> parameters) {
		return services.require(TierConversion.class).pushdown(analysisId, from, to, parameters, dialect,
				runtime.tables(source));
	}

	ConversionResult run(ConversionQuery query) throws Exception {
		runtime.query(source, "conversion", null, query.sql(), query::accept);
		return query.result();
	}

	@Override
	public ConversionResult conversion(String analysisId, LocalDate from, LocalDate to, Map<String, String> parameters)
			throws Exception {
		try {
			return run(conversionQuery(analysisId, from, to, parameters));
		} catch (SourceException e) {
			throw unreachable(e);
		}
	}

	/**
	 * A source that cannot be reached or refused a query is the user's problem, not the template's:
	 * said as a connector failure, so that the service guard passes it through.
	 */
	private static ConnectorException unreachable(SourceException e) {
		return new ConnectorException(e.getMessage(), e);
	}

	/** A campaign of the workspace and its members. */
	record Loaded(CampaignRecord record, List<CampaignMember> members) {
	}

	Loaded campaign(String id) throws Exception {
		if (store != null) {
			return load(store, id);
		}
		try (Workspace ws = services.require(WorkspaceManager.class).open(workspace)) {
			return load(ws.campaigns(), id);
		}
	}

	private static Loaded load(CampaignStore store, String id) throws Exception {
		CampaignRecord record = store.get(id)
				.orElseThrow(() -> new AnalysisInputException("no campaign '" + id + "' in the workspace (./custops campaign list)"));
		List<CampaignMember> members = store.members(id);
		if (members.isEmpty()) {
			throw new AnalysisInputException("campaign '" + id + "' has no members (import them with ./custops import --kind"
					+ " campaign-members, or create the campaign from a target)");
		}
		return new Loaded(record, members);
	}

	RoiQuery roiQuery(Loaded campaign, Map<String, String> parameters) {
		CampaignRecord r = campaign.record();
		List<RoiQuery.Member> members = campaign.members().stream().map(m -> new RoiQuery.Member(m.customerId(),
				m.group() == CampaignMember.Group.CONTROL, m.segment())).toList();
		return services.require(CampaignRoi.class).pushdown(r.id(), r.name(), r.start(), r.end(), r.cost(), r.margin(),
				members, parameters, dialect, runtime.tables(source));
	}

	/**
	 * Runs it: the members go to the session's temporary table first (inline in the query text
	 * where the dialect has none); nothing else is written.
	 */
	RoiResult run(RoiQuery query, String campaign) throws Exception {
		runtime.query(source, "roi of campaign '" + campaign + "'",
				query.inline() ? null : new Upload(query.create(), query.insert(), query.rows()), query.sql(),
				query::accept);
		return query.result();
	}

	@Override
	public RoiResult roi(String campaignId, Map<String, String> parameters) throws Exception {
		try {
			return run(roiQuery(campaign(campaignId), parameters), campaignId);
		} catch (SourceException e) {
			throw unreachable(e);
		}
	}

	FunnelQuery funnelQuery(Map<String, String> parameters) {
		return services.require(FunnelAnalysis.class).pushdown(parameters, dialect, runtime.tables(source));
	}

	FunnelResult run(FunnelQuery query) throws Exception {
		runtime.query(source, "funnel", null, query.sql(), query::accept);
		FunnelResult result = query.result();
		if (result.steps().stream().anyMatch(step -> step.customers() == 0)) {
			stepsPresent(result);
		}
		return result;
	}

	/**
	 * A step nobody reached may be a type the source's events never have: then, as in memory,
	 * an error naming the types present (one GROUP BY, only when a step counted zero).
	 */
	private void stepsPresent(FunnelResult result) throws Exception {
		Map<String, Long> present = new java.util.LinkedHashMap<>();
		runtime.query(source, "funnel", null, "SELECT event_type, COUNT(*) AS n FROM ("
				+ runtime.tables(source).select("events", "event_type") + ") t GROUP BY event_type ORDER BY n DESC, event_type",
				row -> present.put(row[0], Long.parseLong(row[1])));
		for (FunnelResult.Step step : result.steps()) {
			if (!present.containsKey(step.step())) {
				List<String> types = new java.util.ArrayList<>();
				present.forEach((type, n) -> types.add(String.format(java.util.Locale.ROOT, "%s (%,d)", type, n)));
				throw new io.custops.core.param.ParameterException(FunnelAnalysis.STEPS, "the source has no '" + step.step()
						+ "' events; " + (types.isEmpty() ? "it has no events at all" : "types present: " + String.join(", ", types)));
			}
		}
	}

	/** Streams the ids of the customers dropping at {@code dropAt} (ascending), as they arrive. */
	void dropped(FunnelQuery query, TextRowSink rows) throws Exception {
		runtime.query(source, "funnel", null, query.droppedSql(), rows);
	}

	@Override
	public FunnelResult funnel(Map<String, String> parameters) throws Exception {
		try {
			return run(funnelQuery(parameters));
		} catch (SourceException e) {
			throw unreachable(e);
		}
	}

	PathQuery pathQuery(Map<String, String> parameters) {
		return services.require(PathAnalysis.class).pushdown(parameters, dialect, runtime.tables(source));
	}

	PathResult run(PathQuery query) throws Exception {
		runtime.query(source, "paths", null, query.sql(), query::accept);
		return query.result();
	}

	@Override
	public PathResult paths(Map<String, String> parameters) throws Exception {
		try {
			return run(pathQuery(parameters));
		} catch (SourceException e) {
			throw unreachable(e);
		}
	}

	@Override
	public long classify(String analysisId, LocalDate asOf, Map<String, String> parameters, ClassifiedRows rows)
			throws Exception {
		Analyses analyses = services.require(Analyses.class);
		CustomerAnalysis analysis;
		try {
			analysis = analyses.find(analysisId);
		} catch (NoSuchElementException e) {
			throw new AnalysisInputException(e.getMessage());
		}
		Parameters resolved = analyses.resolve(analysis, parameters);
		try {
			return runtime.run(source, analysis, asOf, resolved, (customer, label, values) -> {
				try {
					rows.row(customer, label, values);
				} catch (java.io.IOException | RuntimeException e) {
					throw e;
				} catch (Exception e) {
					throw new java.io.IOException(e.getMessage(), e);
				}
			}).counts().customers();
		} catch (PushdownUnsupportedException e) {
			throw refused(e);
		} catch (SourceException e) {
			throw unreachable(e);
		}
	}

	/** The runtime's refusal as the engine's, with the same words. */
	private static NoPushdownException refused(PushdownUnsupportedException e) {
		String prefix = e.analysis() + " cannot run inside a " + e.dialect().id() + " source: ";
		String why = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()).replace(" (nothing was read)", "")
				: e.getMessage();
		return new NoPushdownException(e.analysis(), e.dialect(), why);
	}
}
