package io.custops.ui.internal.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.swt.widgets.Shell;

import io.custops.ui.internal.PreferencesDialog;
import io.custops.ui.internal.session.UiPreferences;

/** Window › Preferences. */
public class PreferencesHandler {

	@Execute
	public void execute(Shell shell, UiPreferences preferences) {
		new PreferencesDialog(shell, preferences).open();
	}
}
