package io.custops.test.hostile;

import io.custops.core.spi.ReportContext;
import io.custops.core.spi.ReportData;

/** A prepare that never returns, deaf to interrupts. */
public class HangingTemplate extends BaseTemplate {

	@Override
	public String id() {
		return "boom-prepare-hangs";
	}

	@Override
	public ReportData prepare(ReportContext context) {
		while (true) {
			try {
				Thread.sleep(1_000);
			} catch (InterruptedException e) {
				// ignored on purpose
			}
		}
	}
}
