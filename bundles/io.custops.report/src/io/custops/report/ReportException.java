package io.custops.report;

/**
 * A report could not be made: the template's data failed, the design does not fit the data, or
 * BIRT reported errors (their text is in the message).
 */
public class ReportException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public ReportException(String message) {
		super(message);
	}

	public ReportException(String message, Throwable cause) {
		super(message, cause);
	}
}
