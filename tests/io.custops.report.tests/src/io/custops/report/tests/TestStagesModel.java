package io.custops.report.tests;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import io.custops.core.spi.LifecycleModel;
import io.custops.core.spi.ResultColumn;

/**
 * The five lifecycle stages with fixed windows, as the lifecycle template reads them (label =
 * stage, column activity; summary "series" with {week, dormant} points when series=weekly):
 * potential = activity but no paid order; dormant = last paid order more than dormantDays (180)
 * ago; fan ≥ 5 paid orders; returning ≥ 2; new = 1. Activity by days since the last paid order:
 * &lt; 90 active, &lt; 180 silent, &lt; 365 sleeping, else lost.
 */
public class TestStagesModel implements LifecycleModel {

	static final List<Label> LABELS = List.of(Label.of("potential", "Potential", "潜在客户"),
			Label.of("new", "New", "新客户"), Label.of("returning", "Returning", "回头客"), Label.of("fan", "Fan", "粉丝"),
			Label.of("dormant", "Dormant", "沉睡客户"));

	@Override
	public String id() {
		return "test-stages";
	}

	@Override
	public LocalizedText name() {
		return LocalizedText.of("Test stages", "测试生命周期");
	}

	@Override
	public List<ParameterSpec> parameters() {
		return List.of(ParameterSpec.builder("dormantDays", ParameterType.INTEGER).defaultValue("180").min(1).build(),
				ParameterSpec.builder("series", ParameterType.CHOICE).choices("none", "weekly").defaultValue("none").build());
	}

	@Override
	public List<Label> labels(Parameters parameters) {
		return LABELS;
	}

	@Override
	public CustomerClassification classify(AnalysisInput input) {
		CustomerDataset data = input.data();
		long dormantDays = input.parameters().integer("dormantDays");
		int n = data.customerCount();
		int[] stage = new int[n];
		String[] stageText = new String[n];
		String[] activity = new String[n];
		for (int c = 0; c < n; c++) {
			stage[c] = stageAt(data, c, input.asOfDay(), dormantDays);
			stageText[c] = stage[c] < 0 ? null : LABELS.get(stage[c]).id();
			long days = daysSincePaid(data, c, input.asOfDay());
			activity[c] = days < 0 ? null : days < 90 ? "active" : days < 180 ? "silent" : days < 365 ? "sleeping" : "lost";
		}
		Map<String, Object> summary = new LinkedHashMap<>();
		if (input.parameters().string("series").equals("weekly")) {
			List<Map<String, Object>> series = new ArrayList<>();
			for (int week = 7; week >= 0; week--) {
				LocalDate start = input.asOf().minusWeeks(week);
				int day = CustomerDataset.epochDay(start);
				long dormant = 0;
				for (int c = 0; c < n; c++) {
					if (stageAt(data, c, day, dormantDays) == 4) {
						dormant++;
					}
				}
				series.add(Map.of("week", start.toString(), "dormant", dormant));
			}
			summary.put("series", series);
		}
		return new CustomerClassification(LABELS, stage,
				List.of(ResultColumn.ofTexts("stage", stageText), ResultColumn.ofTexts("activity", activity)), summary);
	}

	private static long daysSincePaid(CustomerDataset data, int c, int asOf) {
		int last = Integer.MIN_VALUE;
		for (int o = data.orderOffsets()[c]; o < data.orderOffsets()[c + 1]; o++) {
			if (data.orderDay()[o] < asOf && data.orderStatus()[o] == OrderStatus.PAID.code()) {
				last = Math.max(last, data.orderDay()[o]);
			}
		}
		return last == Integer.MIN_VALUE ? -1 : asOf - last;
	}

	private static int stageAt(CustomerDataset data, int c, int asOf, long dormantDays) {
		int paid = 0;
		int last = Integer.MIN_VALUE;
		boolean anything = false;
		for (int o = data.orderOffsets()[c]; o < data.orderOffsets()[c + 1]; o++) {
			if (data.orderDay()[o] < asOf) {
				anything = true;
				if (data.orderStatus()[o] == OrderStatus.PAID.code()) {
					paid++;
					last = Math.max(last, data.orderDay()[o]);
				}
			}
		}
		for (int e = data.eventOffsets()[c]; e < data.eventOffsets()[c + 1]; e++) {
			if (Math.floorDiv(data.eventTime()[e], CustomerDataset.SECONDS_PER_DAY) < asOf) {
				anything = true;
			}
		}
		if (paid == 0) {
			return anything ? 0 : CustomerClassification.UNCLASSIFIED;
		}
		if (asOf - last > dormantDays) {
			return 4;
		}
		return paid >= 5 ? 3 : paid >= 2 ? 2 : 1;
	}
}
