package io.custops.plugins;

/**
 * A plugin could not be installed or uninstalled. The message says why in plain words;
 * {@link #refused()} tells a refusal of the plugin itself (not a bundle, does not resolve, not
 * accepted) from a failure of the machine (a file could not be written, a server did not answer).
 */
public class PluginException extends Exception {

	private static final long serialVersionUID = 1L;

	private final boolean refused;
	private final String detail;

	public PluginException(String message, boolean refused) {
		this(message, refused, null, null);
	}

	public PluginException(String message, boolean refused, String detail, Throwable cause) {
		super(message, cause);
		this.refused = refused;
		this.detail = detail;
	}

	public static PluginException refused(String message) {
		return new PluginException(message, true);
	}

	/** Whether the plugin was refused (bad input) rather than the installation having failed. */
	public boolean refused() {
		return refused;
	}

	/** The technical text behind the message (the resolver's report), or {@code null}. */
	public String detail() {
		return detail;
	}
}
