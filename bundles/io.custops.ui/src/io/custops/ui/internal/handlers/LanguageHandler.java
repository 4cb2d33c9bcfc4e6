package io.custops.ui.internal.handlers;

import java.util.Locale;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.services.nls.ILocaleChangeService;

/**
 * Window › Language › English / 中文: switches the workbench's language at once (menus, part
 * titles and every view, which is made again in the new language).
 */
public class LanguageHandler {

	public static final String PARAMETER = "io.custops.ui.commandparameter.language";

	@Execute
	public void execute(@Named(PARAMETER) String language, ILocaleChangeService locales) {
		Locale locale = "zh".equals(language) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
		Locale.setDefault(locale);
		locales.changeApplicationLocale(locale);
	}
}
