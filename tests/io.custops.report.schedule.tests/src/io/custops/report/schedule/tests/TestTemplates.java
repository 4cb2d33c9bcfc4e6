package io.custops.report.schedule.tests;

import java.net.URL;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.custops.core.LocalizedText;
import io.custops.core.param.ParameterSpec;
import io.custops.core.spi.ReportContext;
import io.custops.core.spi.ReportData;
import io.custops.core.spi.ReportTemplate;

/** Templates registered by the tests as a plugin would: one that always fails, one that waits. */
final class TestTemplates {

	private TestTemplates() {
	}

	/** Fails in {@code prepare}, as a template with a bug would. */
	static final class Broken implements ReportTemplate {
		@Override
		public String id() {
			return "test-broken";
		}

		@Override
		public LocalizedText name() {
			return LocalizedText.of("Broken");
		}

		@Override
		public List<ParameterSpec> parameters() {
			return List.of();
		}

		@Override
		public URL design() {
			return null;
		}

		@Override
		public ReportData prepare(ReportContext context) {
			throw new IllegalStateException("broken on purpose");
		}
	}

	/** The rfm template's report, made only once {@link #release} is counted down. */
	static final class Waiting implements ReportTemplate {
		final CountDownLatch entered = new CountDownLatch(1);
		final CountDownLatch release = new CountDownLatch(1);
		private final ReportTemplate rfm;

		Waiting(ReportTemplate rfm) {
			this.rfm = rfm;
		}

		@Override
		public String id() {
			return "test-waiting";
		}

		@Override
		public LocalizedText name() {
			return LocalizedText.of("Waiting");
		}

		@Override
		public List<ParameterSpec> parameters() {
			return rfm.parameters();
		}

		@Override
		public URL design() {
			return rfm.design();
		}

		@Override
		public ReportData prepare(ReportContext context) throws Exception {
			entered.countDown();
			if (!release.await(60, TimeUnit.SECONDS)) {
				throw new IllegalStateException("never released");
			}
			return rfm.prepare(context);
		}
	}
}
