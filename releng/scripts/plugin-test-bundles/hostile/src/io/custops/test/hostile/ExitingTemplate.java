package io.custops.test.hostile;

import io.custops.core.spi.ReportContext;
import io.custops.core.spi.ReportData;

/** Ends the program from inside prepare, with status 0: the command must not look successful. */
public class ExitingTemplate extends BaseTemplate {

	@Override
	public String id() {
		return "boom-exits";
	}

	@Override
	public ReportData prepare(ReportContext context) {
		System.exit(0);
		return null;
	}
}
