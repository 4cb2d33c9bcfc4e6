package io.custops.report.schedule;

/** A schedule or its input is not valid: the message names the field (cron, out, template…) and why. */
public class ScheduleException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final String field;

	public ScheduleException(String field, String message) {
		super(field + ": " + message);
		this.field = field;
	}

	public String field() {
		return field;
	}
}
