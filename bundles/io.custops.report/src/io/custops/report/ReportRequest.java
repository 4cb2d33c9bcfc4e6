package io.custops.report;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.core.param.ParameterSpec;
import io.custops.core.param.ParameterType;
import io.custops.core.param.Parameters;
import io.custops.core.spi.AnalysisRunner;
import io.custops.core.spi.ReportContext;
import io.custops.core.spi.ReportTemplate;

/**
 * One report to make: the template, the context its {@code prepare} gets, and the formats.
 * Callers (command line, scheduler, workbench) build it with {@link #of}, which splits the raw
 * parameters into the renderer's own ({@value #LANG}, {@value #FORMAT}) and the template's, and
 * checks the latter against the template's {@link ParameterSpec}s.
 */
public record ReportRequest(ReportTemplate template, ReportContext context, Set<ReportFormat> formats) {

	/** Renderer parameter: the report's language, {@code en} or {@code zh}. */
	public static final String LANG = "lang";
	/** Renderer parameter: comma-separated formats, {@code pdf,html,xlsx}. */
	public static final String FORMAT = "format";

	/** The parameters every template accepts besides its own. */
	public static final List<ParameterSpec> RENDERER_PARAMETERS = List.of(
			ParameterSpec.builder(LANG, ParameterType.CHOICE).choices("en", "zh")
					.label("Language", "语言").description("Language of the report", "报表语言").build(),
			ParameterSpec.builder(FORMAT, ParameterType.LIST).defaultValue("pdf")
					.label("Formats", "格式").description("pdf, html, xlsx (comma-separated)", "pdf、html、xlsx（逗号分隔）")
					.build());

	public ReportRequest {
		Objects.requireNonNull(template, "template");
		Objects.requireNonNull(context, "context");
		formats = Set.copyOf(formats);
		if (formats.isEmpty()) {
			throw new IllegalArgumentException("no format requested");
		}
	}

	/**
	 * Builds a request from raw {@code key=value} parameters.
	 *
	 * @param locale the language when {@code lang} is not given
	 * @param today  the date the report is made for ("today" of a scheduled run)
	 * @throws io.custops.core.param.ParameterException naming a bad or unknown parameter
	 */
	public static ReportRequest of(ReportTemplate template, CustomerDataset dataset, AnalysisRunner analyses,
			Locale locale, LocalDate today, Map<String, String> rawParameters, ProgressMonitor monitor) {
		return of(template, dataset, analyses, locale, today, rawParameters, Map.of(), monitor);
	}

	/**
	 * {@link #of(ReportTemplate, CustomerDataset, AnalysisRunner, Locale, LocalDate, Map, ProgressMonitor)}
	 * with inputs the templates find through {@link ReportContext#input(Class)} (e.g. a
	 * {@code io.custops.store.CampaignStore}); each value must be an instance of its key.
	 */
	public static ReportRequest of(ReportTemplate template, CustomerDataset dataset, AnalysisRunner analyses,
			Locale locale, LocalDate today, Map<String, String> rawParameters, Map<Class<?>, Object> inputs,
			ProgressMonitor monitor) {
		Map<String, String> own = new LinkedHashMap<>();
		Map<String, String> renderer = new LinkedHashMap<>();
		rawParameters.forEach((key, value) -> (key.equals(LANG) || key.equals(FORMAT) ? renderer : own).put(key, value));
		Parameters rendering = Parameters.resolve(RENDERER_PARAMETERS, renderer);
		Locale chosen = rendering.has(LANG) ? localeOf(rendering.string(LANG)) : Objects.requireNonNull(locale, "locale");
		Set<ReportFormat> formats = ReportFormat.list(rendering.list(FORMAT));
		Parameters parameters = Parameters.resolve(template.parameters(), own);
		ReportContext context = new StandardReportContext(parameters, chosen, today, dataset, analyses, monitor, inputs);
		return new ReportRequest(template, context, formats);
	}

	/** {@code zh} → Simplified Chinese, anything else → English. */
	public static Locale localeOf(String lang) {
		return "zh".equalsIgnoreCase(lang) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
	}

	/** The plain {@link ReportContext}: what {@link #of} builds; usable on its own by tests and tools. */
	public record StandardReportContext(Parameters parameters, Locale locale, LocalDate today, CustomerDataset dataset,
			AnalysisRunner analyses, ProgressMonitor monitor, Map<Class<?>, Object> inputs) implements ReportContext {

		public StandardReportContext(Parameters parameters, Locale locale, LocalDate today, CustomerDataset dataset,
				AnalysisRunner analyses, ProgressMonitor monitor) {
			this(parameters, locale, today, dataset, analyses, monitor, Map.of());
		}

		public StandardReportContext {
			inputs = Map.copyOf(inputs == null ? Map.of() : inputs);
			inputs.forEach((type, value) -> {
				if (!type.isInstance(value)) {
					throw new IllegalArgumentException("report input " + value + " is not a " + type.getName());
				}
			});
			Objects.requireNonNull(parameters, "parameters");
			Objects.requireNonNull(locale, "locale");
			Objects.requireNonNull(today, "today");
			Objects.requireNonNull(dataset, "dataset");
			Objects.requireNonNull(analyses, "analyses");
			monitor = monitor == null ? ProgressMonitor.NULL : monitor;
		}

		@Override
		public <T> java.util.Optional<T> input(Class<T> type) {
			return java.util.Optional.ofNullable(type.cast(inputs.get(type)));
		}
	}
}
