package io.custops.report;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.custops.core.param.ParameterException;

/** The output formats a report renders to; the id is also the file extension. */
public enum ReportFormat {
	PDF("pdf"),
	/** One self-contained file: images are embedded as data URIs. */
	HTML("html"),
	XLSX("xlsx");

	private final String id;

	ReportFormat(String id) {
		this.id = id;
	}

	public String id() {
		return id;
	}

	public String extension() {
		return id;
	}

	/** Reads {@code pdf}, {@code html} or {@code xlsx} (any case). */
	public static ReportFormat of(String text) {
		String wanted = text.trim().toLowerCase(Locale.ROOT);
		for (ReportFormat format : values()) {
			if (format.id.equals(wanted)) {
				return format;
			}
		}
		throw new ParameterException(ReportRequest.FORMAT, "'" + text + "' is not one of pdf, html, xlsx");
	}

	/** Reads a list such as {@code pdf,html}; at least one format, kept in the order pdf, html, xlsx. */
	public static Set<ReportFormat> list(List<String> texts) {
		Set<ReportFormat> formats = EnumSet.noneOf(ReportFormat.class);
		for (String text : texts) {
			if (!text.isBlank()) {
				formats.add(of(text));
			}
		}
		if (formats.isEmpty()) {
			throw new ParameterException(ReportRequest.FORMAT, "names no format; use pdf, html or xlsx");
		}
		return formats;
	}
}
