package io.custops.cli.internal;

/** Bad usage or bad input: exit status 2, the message says what and where. */
final class UsageException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	UsageException(String message) {
		super(message);
	}
}
