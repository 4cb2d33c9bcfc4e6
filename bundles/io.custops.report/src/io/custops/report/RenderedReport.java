package io.custops.report;

import java.nio.file.Path;
import java.util.Map;

/**
 * What one render wrote, and where the time went.
 *
 * @param files             the file of each format, in format order
 * @param engineStartMillis time spent starting the BIRT engine in this call (0 when it was running)
 * @param prepareMillis     the template's {@code prepare} (the analyses)
 * @param runMillis         running the design into a report document
 * @param renderMillis      rendering the document, per format
 */
public record RenderedReport(String templateId, Map<ReportFormat, Path> files, long engineStartMillis,
		long prepareMillis, long runMillis, Map<ReportFormat, Long> renderMillis) {

	public RenderedReport {
		files = Map.copyOf(files);
		renderMillis = Map.copyOf(renderMillis);
	}

	public Path file(ReportFormat format) {
		Path file = files.get(format);
		if (file == null) {
			throw new IllegalArgumentException(format + " was not rendered");
		}
		return file;
	}
}
