package io.custops.source;

/** A source cannot be reached, its mapping is wrong, or its engine refused a query. */
public class SourceException extends Exception {

	private static final long serialVersionUID = 1L;

	public SourceException(String message) {
		super(message);
	}

	public SourceException(String message, Throwable cause) {
		super(message, cause);
	}
}
