package io.custops.core.spi;

/** A problem with a whole source; the message names the source and what is wrong. */
public class ConnectorException extends Exception {

	private static final long serialVersionUID = 1L;

	public ConnectorException(String message) {
		super(message);
	}

	public ConnectorException(String message, Throwable cause) {
		super(message, cause);
	}
}
