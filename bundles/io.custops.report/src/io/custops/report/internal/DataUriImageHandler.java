package io.custops.report.internal;

import java.util.Base64;

import org.eclipse.birt.report.engine.api.HTMLImageHandler;
import org.eclipse.birt.report.engine.api.IImage;
import org.eclipse.birt.report.engine.api.script.IReportContext;

/** Writes every image (charts included) into the HTML as a data URI: one self-contained file. */
final class DataUriImageHandler extends HTMLImageHandler {

	@Override
	public String onDesignImage(IImage image, IReportContext context) {
		return dataUri(image);
	}

	@Override
	public String onDocImage(IImage image, IReportContext context) {
		return dataUri(image);
	}

	@Override
	public String onCustomImage(IImage image, IReportContext context) {
		return dataUri(image);
	}

	@Override
	public String onFileImage(IImage image, IReportContext context) {
		return dataUri(image);
	}

	@Override
	public String onURLImage(IImage image, IReportContext context) {
		return image.getID(); // an address the design names: left as it is
	}

	private static String dataUri(IImage image) {
		byte[] bytes = image.getImageData();
		String mime = image.getMimeType();
		if (mime == null || mime.isBlank()) {
			mime = switch (String.valueOf(image.getExtension()).toLowerCase()) {
			case ".svg", "svg" -> "image/svg+xml";
			case ".jpg", "jpg", ".jpeg", "jpeg" -> "image/jpeg";
			case ".gif", "gif" -> "image/gif";
			default -> "image/png";
			};
		}
		return "data:" + mime + ";base64," + Base64.getEncoder().encodeToString(bytes);
	}
}
