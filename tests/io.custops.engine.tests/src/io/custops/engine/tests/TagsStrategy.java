package io.custops.engine.tests;

import java.util.List;
import java.util.Map;

import io.custops.core.LocalizedText;
import io.custops.core.data.CustomerDataset;
import io.custops.core.param.Parameters;
import io.custops.core.spi.AnalysisInput;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.Label;
import io.custops.core.spi.SegmentationStrategy;

/** Multi-label, like tags: "ordered" for a customer with any order, "active" with any event; both, one or none. */
class TagsStrategy implements SegmentationStrategy {

	@Override
	public String id() {
		return "fixture-tags";
	}

	@Override
	public LocalizedText name() {
		return LocalizedText.of("Fixture tags", "测试标签");
	}

	@Override
	public List<Label> labels(Parameters parameters) {
		return List.of(Label.of("ordered", "Ordered", "下过单"), Label.of("active", "Active", "活跃"));
	}

	@Override
	public CustomerClassification classify(AnalysisInput input) {
		CustomerDataset data = input.data();
		int n = data.customerCount();
		int[] offsets = new int[n + 1];
		int[] ids = new int[2 * n];
		int k = 0;
		for (int c = 0; c < n; c++) {
			if (data.orderOffsets()[c + 1] > data.orderOffsets()[c]) {
				ids[k++] = 0;
			}
			if (data.eventOffsets()[c + 1] > data.eventOffsets()[c]) {
				ids[k++] = 1;
			}
			offsets[c + 1] = k;
		}
		return CustomerClassification.multiLabel(labels(input.parameters()), offsets, java.util.Arrays.copyOf(ids, k),
				List.of(), Map.of());
	}
}
