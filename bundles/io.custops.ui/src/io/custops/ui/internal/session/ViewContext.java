package io.custops.ui.internal.session;

import java.util.Locale;
import java.util.Objects;

/** What a view is made with: the session (workspace, services, preferences, jobs) and the language. */
public record ViewContext(WorkbenchSession session, Locale locale) {

	public ViewContext {
		Objects.requireNonNull(session, "session");
		locale = locale == null ? Locale.getDefault() : locale;
	}

	public boolean zh() {
		return "zh".equals(locale.getLanguage());
	}

	/** The English or the Chinese text, by the view's language. */
	public String t(String en, String zh) {
		return zh() ? zh : en;
	}

	public UiServices services() {
		return session.services();
	}

	public UiPreferences preferences() {
		return session.preferences();
	}

	public BackgroundJobs jobs() {
		return session.jobs();
	}
}
