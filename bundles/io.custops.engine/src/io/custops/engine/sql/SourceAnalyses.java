package io.custops.engine.sql;

import java.time.LocalDate;
import java.util.Map;

import io.custops.core.spi.SqlDialect;
import io.custops.engine.ConversionResult;
import io.custops.engine.RoiResult;

/**
 * The shared analyses run inside one registered source, for callers that must not know JDBC:
 * report templates find it as a {@link io.custops.core.spi.ReportContext#input(Class) report
 * input} when a report is rendered with {@code --param source=ID}, and then read nothing from
 * the workspace's dataset. Each method writes its SQL with this package and has the source run it.
 */
public interface SourceAnalyses {

	/** The source's id. */
	String source();

	SqlDialect dialect();

	/**
	 * {@link io.custops.engine.TierConversion#run} inside the source.
	 *
	 * @throws NoPushdownException naming the analysis and the dialect, before anything is read
	 */
	ConversionResult conversion(String analysisId, LocalDate from, LocalDate to, Map<String, String> parameters)
			throws Exception;

	/**
	 * {@link io.custops.engine.CampaignRoi#run} of a campaign of the workspace, on the source's orders.
	 *
	 * @throws NoPushdownException naming the analysis and the dialect, before anything is read
	 */
	RoiResult roi(String campaignId, Map<String, String> parameters) throws Exception;

	/**
	 * {@link io.custops.engine.FunnelAnalysis#run} on the source's events ({@code steps} required;
	 * breakdown by {@code channel} or a customer attribute). The result has no per-customer
	 * depths: {@link io.custops.engine.FunnelResult#dropped} is not available, its count is in
	 * {@code toJson()}.
	 *
	 * @throws NoPushdownException naming the funnel and the dialect, before anything is read
	 */
	io.custops.engine.FunnelResult funnel(Map<String, String> parameters) throws Exception;

	/**
	 * {@link io.custops.engine.PathAnalysis#run} on the source's events, over all its customers
	 * (the events' {@code session_id} is read unless {@code by=customer}).
	 *
	 * @throws NoPushdownException naming the paths and the dialect, before anything is read
	 * @since 1.2
	 */
	io.custops.engine.PathResult paths(Map<String, String> parameters) throws Exception;

	/**
	 * Streams an analysis's per-customer rows from the source (label id or null, then the
	 * analysis's columns as text), as {@code segment --source} does; returns the customers of the source.
	 *
	 * @throws NoPushdownException naming the analysis and the dialect, before anything is read
	 */
	long classify(String analysisId, LocalDate asOf, Map<String, String> parameters, ClassifiedRows rows) throws Exception;

	/** The per-customer rows of {@link #classify}. */
	@FunctionalInterface
	interface ClassifiedRows {
		/** @param values the analysis's columns ({@code CustomerAnalysis.columnNames}), reused between calls */
		void row(String customerId, String label, String[] values) throws Exception;
	}
}
