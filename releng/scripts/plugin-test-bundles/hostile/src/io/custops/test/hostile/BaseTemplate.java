package io.custops.test.hostile;

import java.net.URL;

import io.custops.core.LocalizedText;
import io.custops.core.spi.ReportTemplate;

/** A template with no design of its own: it misbehaves before one is needed. */
abstract class BaseTemplate implements ReportTemplate {

	@Override
	public LocalizedText name() {
		return LocalizedText.of("Test template " + id());
	}

	@Override
	public URL design() {
		return null;
	}
}
