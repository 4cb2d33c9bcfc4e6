package io.custops.example.repurchase.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.custops.core.LocalizedText;
import io.custops.core.data.CustomerDataset;
import io.custops.core.param.ParameterSpec;
import io.custops.core.param.ParameterType;
import io.custops.core.param.Parameters;
import io.custops.core.spi.AnalysisInput;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.Label;
import io.custops.core.spi.ResultColumn;
import io.custops.core.spi.SegmentationStrategy;

/**
 * "Repurchase cycle": which customers are due to buy again, judged by each one's own rhythm.
 * A customer's cycle is the median gap between the distinct days of their paid orders before
 * "as of". With {@code d} days since the last purchase and median gap {@code m}:
 * <ul>
 * <li>{@code no-purchase}: no paid order before "as of";</li>
 * <li>{@code single-purchase}: paid on one day only, so no rhythm yet;</li>
 * <li>{@code lapsed}: {@code d ≥ lapse_factor × m} — long past due, probably gone;</li>
 * <li>{@code due}: {@code d ≥ m − lead_days} — the time to remind them;</li>
 * <li>{@code not-due}: otherwise.</li>
 * </ul>
 */
@Component(service = SegmentationStrategy.class)
public class RepurchaseCycleStrategy implements SegmentationStrategy {

	static final String ID = "repurchase-cycle";

	static final Label NO_PURCHASE = Label.of("no-purchase", "No purchase", "未购买");
	static final Label SINGLE = Label.of("single-purchase", "Single purchase", "仅购买一次");
	static final Label NOT_DUE = Label.of("not-due", "Not due yet", "未到复购期");
	static final Label DUE = Label.of("due", "Due for repurchase", "到期应复购");
	static final Label LAPSED = Label.of("lapsed", "Lapsed", "已流失");

	private static final List<Label> LABELS = List.of(NO_PURCHASE, SINGLE, NOT_DUE, DUE, LAPSED);

	private static final List<ParameterSpec> PARAMETERS = List.of(
			ParameterSpec.builder("lead_days", ParameterType.INTEGER).defaultValue("0").min(0).max(365)
					.label("Days of notice", "提前天数")
					.description("A customer counts as due this many days before their median gap has passed",
							"在中位复购间隔到来前多少天即视为到期")
					.build(),
			ParameterSpec.builder("lapse_factor", ParameterType.DECIMAL).defaultValue("3")
					.range(BigDecimal.ONE, BigDecimal.valueOf(100)).label("Lapse factor", "流失倍数")
					.description("Lapsed when the time since the last purchase reaches this many median gaps",
							"距上次购买超过中位间隔的此倍数即视为流失")
					.build());

	@Override
	public String id() {
		return ID;
	}

	@Override
	public LocalizedText name() {
		return LocalizedText.of("Repurchase cycle", "复购周期");
	}

	@Override
	public LocalizedText description() {
		return LocalizedText.of("Customers due to buy again, by the median gap between their own purchases",
				"按客户自身购买间隔的中位数判断是否到了复购时间");
	}

	@Override
	public List<ParameterSpec> parameters() {
		return PARAMETERS;
	}

	@Override
	public List<Label> labels(Parameters parameters) {
		return LABELS;
	}

	@Override
	public List<String> columnNames(Parameters parameters) {
		return List.of("label", "paid_orders", "purchase_days", "last_purchase", "median_interval_days",
				"days_since_last", "next_due");
	}

	@Override
	public CustomerClassification classify(AnalysisInput input) {
		CustomerDataset data = input.data();
		int asOf = input.asOfDay();
		int lead = input.parameters().intValue("lead_days");
		double lapseFactor = input.parameters().decimal("lapse_factor").doubleValue();
		int n = data.customerCount();
		int[] labels = new int[n];
		String[] labelIds = new String[n];
		long[] orders = new long[n];
		long[] purchaseDays = new long[n];
		String[] last = new String[n];
		double[] median = new double[n];
		long[] since = new long[n];
		String[] nextDue = new String[n];
		long withRhythm = 0;
		for (int c = 0; c < n; c++) {
			if ((c & 0xffff) == 0) {
				input.monitor().checkCanceled();
			}
			RepurchaseCycle cycle = RepurchaseCycle.of(data, c, asOf);
			orders[c] = cycle.paidOrders();
			purchaseDays[c] = cycle.purchaseDays();
			median[c] = cycle.medianInterval();
			since[c] = cycle.purchaseDays() == 0 ? Long.MIN_VALUE : cycle.daysSinceLast(asOf);
			last[c] = cycle.purchaseDays() == 0 ? null : LocalDate.ofEpochDay(cycle.lastDay()).toString();
			Label label;
			if (cycle.purchaseDays() == 0) {
				label = NO_PURCHASE;
			} else if (!cycle.hasInterval()) {
				label = SINGLE;
			} else {
				withRhythm++;
				nextDue[c] = LocalDate.ofEpochDay(cycle.dueDay()).toString();
				int d = cycle.daysSinceLast(asOf);
				if (d >= lapseFactor * cycle.medianInterval()) {
					label = LAPSED;
				} else if (d >= cycle.medianInterval() - lead) {
					label = DUE;
				} else {
					label = NOT_DUE;
				}
			}
			labels[c] = LABELS.indexOf(label);
			labelIds[c] = label.id();
		}
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("as_of", input.asOf().toString());
		summary.put("customers_with_rhythm", withRhythm);
		return new CustomerClassification(LABELS, labels,
				List.of(ResultColumn.ofTexts("label", labelIds), ResultColumn.ofLongs("paid_orders", orders, -1),
						ResultColumn.ofLongs("purchase_days", purchaseDays, -1), ResultColumn.ofTexts("last_purchase", last),
						ResultColumn.ofDoubles("median_interval_days", median),
						ResultColumn.ofLongs("days_since_last", since, Long.MIN_VALUE),
						ResultColumn.ofTexts("next_due", nextDue)),
				summary);
	}
}
