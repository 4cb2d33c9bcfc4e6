package io.custops.ui.internal.startup;

import org.eclipse.e4.ui.workbench.lifecycle.PostContextCreate;
import org.eclipse.e4.ui.workbench.lifecycle.ProcessAdditions;

/**
 * The product's life-cycle hook (product property {@code lifeCycleURI}): marks when the e4
 * application starts (the framework is up and its start levels reached) and when the
 * application model is loaded. It does nothing else.
 */
public class StartupLifeCycle {

	@PostContextCreate
	public void applicationStarted() {
		StartupTimes.mark("e4 application started");
	}

	@ProcessAdditions
	public void modelLoaded() {
		StartupTimes.mark("e4 model loaded");
	}
}
