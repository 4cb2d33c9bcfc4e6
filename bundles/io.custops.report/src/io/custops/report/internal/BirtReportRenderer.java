package io.custops.report.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.birt.core.exception.BirtException;
import org.eclipse.birt.core.framework.Platform;
import org.eclipse.birt.report.engine.api.EngineConfig;
import org.eclipse.birt.report.engine.api.EngineConstants;
import org.eclipse.birt.report.engine.api.HTMLRenderOption;
import org.eclipse.birt.report.engine.api.IEngineTask;
import org.eclipse.birt.report.engine.api.IRenderOption;
import org.eclipse.birt.report.engine.api.IRenderTask;
import org.eclipse.birt.report.engine.api.IReportDocument;
import org.eclipse.birt.report.engine.api.IReportEngine;
import org.eclipse.birt.report.engine.api.IReportEngineFactory;
import org.eclipse.birt.report.engine.api.IReportRunnable;
import org.eclipse.birt.report.engine.api.IRunTask;
import org.eclipse.birt.report.engine.api.PDFRenderOption;
import org.eclipse.birt.report.engine.api.RenderOption;
import org.eclipse.birt.report.engine.api.ReportEngine;
import org.eclipse.birt.report.model.api.ModuleHandle;
import org.eclipse.birt.report.model.api.ResultSetColumnHandle;
import org.eclipse.birt.report.model.api.ScriptDataSetHandle;
import org.eclipse.birt.report.model.api.activity.SemanticException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import io.custops.core.param.ParameterException;
import io.custops.core.spi.ReportContext;
import io.custops.core.spi.ReportData;
import io.custops.core.spi.ReportTemplate;
import io.custops.report.RenderedReport;
import io.custops.report.ReportDesigns;
import io.custops.report.ReportException;
import io.custops.report.ReportFormat;
import io.custops.report.ReportRenderer;
import io.custops.report.ReportRequest;

/**
 * The BIRT engine inside this OSGi framework (its bundles come from the target platform and are
 * found through the extension registry): started on the first render, shared by all renders,
 * destroyed with the component. A render runs the design once into a report document, then
 * renders each format from the document, so the template's data are fed to BIRT once.
 */
@Component(service = ReportRenderer.class)
public class BirtReportRenderer implements ReportRenderer {

	private static final String RASTER_IMAGES = "PNG;GIF;JPG;JPEG;BMP";

	/** Runs the template's prepare like any plugin call: within the time limit, a failing template disabled. */
	@org.osgi.service.component.annotations.Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
			policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC)
	private volatile io.custops.engine.ServiceGuard guard;

	private final Object lock = new Object();
	private volatile IReportEngine engine;
	private Path workFolder;

	@Deactivate
	void deactivate() {
		synchronized (lock) {
			if (engine != null) {
				engine.destroy();
				engine = null;
			}
			deleteQuietly(workFolder);
			workFolder = null;
		}
	}

	/** Starts the engine unless it runs; returns the milliseconds spent starting it. */
	long start() {
		if (engine != null) {
			return 0;
		}
		synchronized (lock) {
			if (engine != null) {
				return 0;
			}
			long begin = System.nanoTime();
			// charts are drawn with Java2D: never try to reach a display for that
			if (System.getProperty("java.awt.headless") == null) {
				System.setProperty("java.awt.headless", "true");
			}
			try {
				workFolder = Files.createTempDirectory("custops-birt");
				EngineConfig config = new EngineConfig();
				config.setLogConfig(null, Level.parse(System.getProperty("custops.report.logLevel", "SEVERE")));
				config.setTempDir(workFolder.toString());
				config.setFontConfig(FontConfig.detect().write(workFolder).toUri().toURL());
				// the engine's class loader (not a task's) loads the designs' event handlers: ours
				HashMap<String, Object> engineContext = new HashMap<>();
				engineContext.put(EngineConstants.APPCONTEXT_CLASSLOADER_KEY, ReportTableDataSet.class.getClassLoader());
				config.setAppContext(engineContext);
				// inside OSGi, org.eclipse.birt.core's activator has installed the Eclipse platform
				// when Platform was loaded: startup then only records the configuration
				Platform.startup(config);
				IReportEngineFactory factory = (IReportEngineFactory) Platform
						.createFactoryObject(IReportEngineFactory.EXTENSION_REPORT_ENGINE_FACTORY);
				engine = factory != null ? factory.createReportEngine(config) : new ReportEngine(config);
			} catch (IOException | BirtException | RuntimeException e) {
				deleteQuietly(workFolder);
				throw new ReportException("could not start the BIRT report engine: " + e, e);
			}
			return (System.nanoTime() - begin) / 1_000_000;
		}
	}

	@Override
	public RenderedReport render(ReportRequest request, Path folder, String baseName) {
		ReportTemplate template = request.template();
		ReportContext context = request.context();
		String id = template.id();
		long engineMillis = start();
		context.monitor().checkCanceled();

		long begin = System.nanoTime();
		ReportData data;
		try {
			io.custops.engine.ServiceGuard g = guard;
			data = g != null ? g.prepare(template, context) : template.prepare(context);
		} catch (ParameterException | NoSuchElementException | CancellationException | ReportException e) {
			throw e;
		} catch (io.custops.engine.ServiceFailedException e) {
			throw new ReportException(e.getMessage(), e);
		} catch (Exception e) {
			throw new ReportException("template '" + id + "' could not compute its data: " + e, e);
		}
		if (data == null) {
			throw new ReportException("template '" + id + "' returned no report data");
		}
		URL design = template.design();
		if (design == null) {
			throw new ReportException("template '" + id + "' has no design");
		}
		long prepareMillis = millisSince(begin);
		context.monitor().checkCanceled();

		Path document = null;
		try {
			Files.createDirectories(folder);
			document = Files.createTempFile(workFolder, id, ".rptdocument");
			begin = System.nanoTime();
			IReportRunnable runnable;
			try (InputStream in = design.openStream()) {
				runnable = engine.openReportDesign(design.toExternalForm(), in);
			}
			bindDataSets(id, runnable, data);
			IRunTask run = engine.createRunTask(runnable);
			try {
				prepareTask(run, data, context.locale());
				run.run(document.toString());
				failOnErrors(id, "run", run);
			} finally {
				run.close();
			}
			long runMillis = millisSince(begin);

			StaleParts.sweep(folder); // what a killed render left behind
			Map<ReportFormat, Path> files = new EnumMap<>(ReportFormat.class);
			Map<ReportFormat, Long> renderMillis = new EnumMap<>(ReportFormat.class);
			IReportDocument doc = engine.openReportDocument(document.toString());
			try {
				for (ReportFormat format : ReportFormat.values()) {
					if (!request.formats().contains(format)) {
						continue;
					}
					context.monitor().checkCanceled();
					begin = System.nanoTime();
					Path target = folder.resolve(baseName + "." + format.extension());
					Path part = StaleParts.partOf(folder, baseName, format.extension());
					IRenderTask render = engine.createRenderTask(doc);
					try {
						prepareTask(render, data, context.locale());
						render.setRenderOption(options(format, part));
						render.render();
						failOnErrors(id, "render " + format.id(), render);
					} catch (RuntimeException | BirtException e) {
						deleteQuietly(part); // a report with errors is not written
						throw e;
					} finally {
						render.close();
					}
					Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
					files.put(format, target);
					renderMillis.put(format, millisSince(begin));
				}
			} finally {
				doc.close();
			}
			return new RenderedReport(id, files, engineMillis, prepareMillis, runMillis, renderMillis);
		} catch (IOException e) {
			throw new ReportException("report '" + id + "': " + e, e);
		} catch (BirtException e) {
			throw new ReportException("report '" + id + "' (" + design + "): " + e.getLocalizedMessage(), e);
		} finally {
			deleteQuietly(document);
		}
	}

	/** Points every scripted data set without scripts at the report data table of its name. */
	private static void bindDataSets(String id, IReportRunnable runnable, ReportData data) {
		ModuleHandle module = (ModuleHandle) runnable.getDesignHandle();
		List<String> problems = new ArrayList<>();
		for (Object element : module.getAllDataSets()) {
			if (!(element instanceof ScriptDataSetHandle dataSet) || !blank(dataSet.getOpen())
					|| !blank(dataSet.getFetch())) {
				continue;
			}
			ReportData.Table table = data.tables().get(dataSet.getName());
			if (table == null) {
				problems.add("data set '" + dataSet.getName() + "' has no table of that name (tables: "
						+ data.tables().keySet() + ")");
				continue;
			}
			Iterator<?> columns = dataSet.getPropertyHandle(ScriptDataSetHandle.RESULT_SET_HINTS_PROP).iterator();
			while (columns.hasNext()) {
				String column = ((ResultSetColumnHandle) columns.next()).getColumnName();
				if (!table.columns().contains(column)) {
					problems.add("data set '" + dataSet.getName() + "' declares column '" + column
							+ "', the table has " + table.columns());
				}
			}
			try {
				dataSet.setEventHandlerClass(ReportTableDataSet.class.getName());
			} catch (SemanticException e) {
				problems.add("data set '" + dataSet.getName() + "': " + e.getLocalizedMessage());
			}
		}
		if (!problems.isEmpty()) {
			throw new ReportException("report '" + id + "': the design does not fit its data: " + String.join("; ", problems));
		}
	}

	private static void prepareTask(IEngineTask task, ReportData data, Locale locale) {
		// a fresh map per task: BIRT clears it when the task closes
		Map<String, Object> app = new HashMap<>();
		app.put(ReportDesigns.APP_CONTEXT_DATA, data);
		task.setAppContext(app);
		task.setLocale(locale);
		task.addScriptableJavaObject(ReportDesigns.SCRIPT_OBJECT, new ScriptValues(data));
	}

	private static IRenderOption options(ReportFormat format, Path file) {
		RenderOption options = switch (format) {
		case PDF -> {
			PDFRenderOption pdf = new PDFRenderOption();
			pdf.setSupportedImageFormats(RASTER_IMAGES);
			yield pdf;
		}
		case HTML -> {
			HTMLRenderOption html = new HTMLRenderOption();
			html.setEmbeddable(false);
			html.setHtmlPagination(false);
			html.setImageHandler(new DataUriImageHandler());
			html.setSupportedImageFormats(RASTER_IMAGES);
			yield html;
		}
		case XLSX -> {
			RenderOption xlsx = new RenderOption();
			xlsx.setSupportedImageFormats(RASTER_IMAGES);
			yield xlsx;
		}
		};
		options.setOutputFormat(format.id());
		options.setOutputFileName(file.toString());
		// sharp charts in print
		options.setOption(IRenderOption.CHART_DPI, 192);
		return options;
	}

	private static void failOnErrors(String id, String step, IEngineTask task) {
		List<?> errors = task.getErrors();
		if (errors == null || errors.isEmpty()) {
			return;
		}
		String text = errors.stream().map(BirtReportRenderer::describe).distinct().collect(Collectors.joining("; "));
		Throwable first = errors.get(0) instanceof Throwable t ? t : null;
		throw new ReportException("report '" + id + "' (" + step + "): BIRT reported " + errors.size() + " error"
				+ (errors.size() == 1 ? "" : "s") + ": " + text, first);
	}

	private static String describe(Object error) {
		if (!(error instanceof Throwable t)) {
			return String.valueOf(error);
		}
		StringBuilder text = new StringBuilder(String.valueOf(t.getLocalizedMessage()));
		for (Throwable cause = t.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
			String message = cause.getLocalizedMessage();
			if (message != null && !text.toString().contains(message)) {
				text.append(" (").append(message).append(')');
			}
		}
		return text.toString();
	}

	private static boolean blank(String script) {
		return script == null || script.isBlank();
	}

	private static long millisSince(long begin) {
		return (System.nanoTime() - begin) / 1_000_000;
	}

	private static void deleteQuietly(Path path) {
		if (path == null || !Files.exists(path)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(path)) {
			walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		} catch (IOException e) {
			// a temp file left behind is harmless
		}
	}
}
