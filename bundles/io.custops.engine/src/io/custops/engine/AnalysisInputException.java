package io.custops.engine;

/**
 * The input of a shared analysis is wrong: an end before a start, a campaign without members,
 * a control group larger than its segment. The message names what is wrong; the command line
 * turns it into exit status 2. Bad parameters throw
 * {@link io.custops.core.param.ParameterException} instead, which names the key.
 */
public class AnalysisInputException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	public AnalysisInputException(String message) {
		super(message);
	}
}
