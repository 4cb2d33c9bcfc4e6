package io.custops.engine.tests;

import java.util.List;
import java.util.Map;

import io.custops.core.LocalizedText;
import io.custops.core.data.CustomerDataset;
import io.custops.core.data.OrderStatus;
import io.custops.core.param.ParameterSpec;
import io.custops.core.param.ParameterType;
import io.custops.core.param.Parameters;
import io.custops.core.spi.AnalysisInput;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.Label;
import io.custops.core.spi.SegmentationStrategy;

/**
 * A three-level ladder for conversion tests: every customer with a paid order before the date
 * is bronze, silver from 100.00 of paid spend, gold from 500.00; spend counts over the trailing
 * {@code windowDays} days before the date (0: all history). Others are unclassified, and so
 * are those whose spend is below {@code minSpendCents}.
 */
class LadderStrategy implements SegmentationStrategy {

	private static final List<ParameterSpec> PARAMETERS = List.of(
			ParameterSpec.builder("windowDays", ParameterType.INTEGER).defaultValue("0").min(0).build(),
			ParameterSpec.builder("minSpendCents", ParameterType.INTEGER).defaultValue("0").min(0).build());

	@Override
	public String id() {
		return "fixture-ladder";
	}

	@Override
	public LocalizedText name() {
		return LocalizedText.of("Fixture ladder", "测试等级");
	}

	@Override
	public List<ParameterSpec> parameters() {
		return PARAMETERS;
	}

	@Override
	public List<Label> labels(Parameters parameters) {
		return List.of(Label.of("bronze", "Bronze", "铜"), Label.of("silver", "Silver", "银"),
				Label.of("gold", "Gold", "金"));
	}

	@Override
	public CustomerClassification classify(AnalysisInput input) {
		CustomerDataset data = input.data();
		int asOf = input.asOfDay();
		long windowDays = input.parameters().integer("windowDays");
		long minSpend = input.parameters().integer("minSpendCents");
		long windowStart = windowDays == 0 ? Long.MIN_VALUE : asOf - windowDays;
		int[] offsets = data.orderOffsets();
		int[] day = data.orderDay();
		byte[] status = data.orderStatus();
		long[] amount = data.orderAmount();
		int[] labels = new int[data.customerCount()];
		for (int c = 0; c < labels.length; c++) {
			boolean paid = false;
			long spend = 0;
			for (int o = offsets[c]; o < offsets[c + 1] && day[o] < asOf; o++) {
				if (status[o] == OrderStatus.PAID.code()) {
					paid = true;
					if (day[o] >= windowStart) {
						spend += amount[o];
					}
				}
			}
			labels[c] = !paid || spend < minSpend ? CustomerClassification.UNCLASSIFIED : spend >= 50_000 ? 2 : spend >= 10_000 ? 1 : 0;
		}
		return new CustomerClassification(labels(input.parameters()), labels, List.of(), Map.of());
	}
}
