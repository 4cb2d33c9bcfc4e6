package io.custops.example.repurchase.internal;

import java.net.URL;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.custops.core.LocalizedText;
import io.custops.core.data.CustomerDataset;
import io.custops.core.param.ParameterSpec;
import io.custops.core.param.ParameterType;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.Label;
import io.custops.core.spi.ReportContext;
import io.custops.core.spi.ReportData;
import io.custops.core.spi.ReportTemplate;
import io.custops.core.spi.ResultColumn;

/**
 * "Repurchase reminders": how many customers are in each repurchase state, and the list of
 * those due now (most overdue first) — the call list for a reminder campaign. It runs the
 * repurchase-cycle strategy through the workbench's analyses, as any report should, so that
 * the report shows exactly what the workbench shows.
 *
 * <p>Design ({@code designs/repurchase-due.rptdesign}): values {@code title}, {@code subtitle};
 * tables {@code counts} (label, customers) and {@code due} (customer_id, last_purchase,
 * median_interval_days, days_since_last, next_due).
 */
@Component(service = ReportTemplate.class)
public class RepurchaseDueTemplate implements ReportTemplate {

	private static final List<ParameterSpec> PARAMETERS = List.of(
			ParameterSpec.builder("lead_days", ParameterType.INTEGER).defaultValue("0").min(0).max(365)
					.label("Days of notice", "提前天数").build(),
			ParameterSpec.builder("max_rows", ParameterType.INTEGER).defaultValue("500").min(1).max(100_000)
					.label("Rows in the list", "名单行数").build());

	@Override
	public String id() {
		return "repurchase-due";
	}

	@Override
	public LocalizedText name() {
		return LocalizedText.of("Repurchase reminders", "复购提醒名单");
	}

	@Override
	public List<ParameterSpec> parameters() {
		return PARAMETERS;
	}

	@Override
	public URL design() {
		return getClass().getResource("/designs/repurchase-due.rptdesign");
	}

	@Override
	public ReportData prepare(ReportContext context) {
		LocalDate asOf = context.today();
		CustomerClassification result = context.analyses().run(RepurchaseCycleStrategy.ID, asOf,
				Map.of("lead_days", context.parameters().asText().getOrDefault("lead_days", "0")));
		CustomerDataset data = context.dataset();
		boolean zh = "zh".equals(context.locale().getLanguage());

		List<Object[]> counts = new ArrayList<>();
		result.counts().forEach((labelId, n) -> {
			Label label = result.labels().stream().filter(l -> l.id().equals(labelId)).findFirst().orElseThrow();
			counts.add(new Object[] { label.text(context.locale()), n });
		});

		int dueIndex = result.labels().indexOf(RepurchaseCycleStrategy.DUE);
		ResultColumn since = result.column("days_since_last").orElseThrow();
		ResultColumn median = result.column("median_interval_days").orElseThrow();
		ResultColumn last = result.column("last_purchase").orElseThrow();
		ResultColumn next = result.column("next_due").orElseThrow();
		List<Integer> due = new ArrayList<>();
		for (int c = 0; c < result.customerCount(); c++) {
			if (result.labelIndexes()[c] == dueIndex) {
				due.add(c);
			}
		}
		// most overdue first: the largest share of their own cycle already passed
		due.sort((a, b) -> Double.compare(since.number(b) / median.number(b), since.number(a) / median.number(a)));
		int max = context.parameters().intValue("max_rows");
		List<Object[]> rows = new ArrayList<>();
		for (int c : due.subList(0, Math.min(max, due.size()))) {
			rows.add(new Object[] { data.customerId(c), LocalDate.parse(last.format(c)), median.number(c),
					(long) since.number(c), LocalDate.parse(next.format(c)) });
		}
		return new ReportData()
				.value("title", zh ? "复购提醒名单" : "Repurchase reminders")
				.value("subtitle", (zh ? "截至 " : "As of ") + asOf + (zh ? "，到期客户 " : ", customers due: ") + due.size())
				.table("counts", new ReportData.Table(List.of("label", "customers"), counts))
				.table("due", new ReportData.Table(
						List.of("customer_id", "last_purchase", "median_interval_days", "days_since_last", "next_due"), rows));
	}
}
