package io.custops.core.param;

/**
 * A parameter is unknown, missing or ill-typed. The message names the parameter and what was
 * expected; the command line turns it into exit status 2.
 */
public class ParameterException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final String key;

	public ParameterException(String key, String message) {
		super("parameter '" + key + "': " + message);
		this.key = key;
	}

	/** The parameter's key, as the user wrote it. */
	public String key() {
		return key;
	}
}
