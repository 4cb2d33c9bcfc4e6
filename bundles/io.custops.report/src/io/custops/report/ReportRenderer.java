package io.custops.report;

import java.nio.file.Path;

/**
 * Renders report templates with the BIRT report engine, which runs inside the application's
 * OSGi framework, is started on first use and shared by all renders (renders may run
 * concurrently). Get it from the service registry.
 */
public interface ReportRenderer {

	/**
	 * Prepares the template's data, runs its design once and renders each requested format into
	 * {@code folder} as {@code baseName.pdf}, {@code baseName.html}, {@code baseName.xlsx}
	 * (the folder is created when missing; existing files are replaced).
	 *
	 * @throws ReportException naming the template and carrying BIRT's error text
	 * @throws io.custops.core.param.ParameterException when the template rejects a parameter
	 * @throws java.util.concurrent.CancellationException when the request's monitor was cancelled
	 */
	RenderedReport render(ReportRequest request, Path folder, String baseName);

	/** {@link #render(ReportRequest, Path, String)} with the template's id as the file name. */
	default RenderedReport render(ReportRequest request, Path folder) {
		return render(request, folder, request.template().id());
	}
}
