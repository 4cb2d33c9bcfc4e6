package io.custops.ui.internal.parts;

import java.util.Locale;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.translation.TranslationService;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

import io.custops.ui.internal.session.ViewContext;
import io.custops.ui.internal.session.WorkbenchSession;
import io.custops.ui.internal.views.View;

/**
 * An e4 part showing one {@link View}, made with the session of the application context and
 * the application's language; when the language changes (Window › Language), the view is made
 * again in the new one.
 */
public abstract class ViewPart {

	@Inject
	WorkbenchSession session;

	private Composite parent;
	private Locale locale;
	private View view;

	@PostConstruct
	public void create(Composite parent, @Optional @Named(TranslationService.LOCALE) Locale locale) {
		this.parent = parent;
		this.locale = locale == null ? Locale.getDefault() : locale;
		parent.setLayout(new FillLayout());
		view = createView(parent, new ViewContext(session, this.locale));
	}

	@Inject
	@Optional
	public void localeChanged(@Named(TranslationService.LOCALE) Locale newLocale) {
		if (parent == null || parent.isDisposed() || newLocale == null || newLocale.equals(locale)) {
			return;
		}
		locale = newLocale;
		for (Control child : parent.getChildren()) {
			child.dispose();
		}
		view = createView(parent, new ViewContext(session, locale));
		parent.layout(true, true);
	}

	protected abstract View createView(Composite parent, ViewContext context);

	/** The view shown now (for the smoke test: its error, if any). */
	public View view() {
		return view;
	}
}
