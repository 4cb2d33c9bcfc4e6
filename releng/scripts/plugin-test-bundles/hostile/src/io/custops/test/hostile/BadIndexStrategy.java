package io.custops.test.hostile;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.custops.core.LocalizedText;
import io.custops.core.param.Parameters;
import io.custops.core.spi.AnalysisInput;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.Label;
import io.custops.core.spi.SegmentationStrategy;

/** Declares one label and gives every customer label 5. */
public class BadIndexStrategy implements SegmentationStrategy {

	@Override
	public String id() {
		return "boom-bad-index";
	}

	@Override
	public LocalizedText name() {
		return LocalizedText.of("Bad label index");
	}

	@Override
	public List<Label> labels(Parameters parameters) {
		return List.of(Label.of("one", "One", "一"));
	}

	@Override
	public CustomerClassification classify(AnalysisInput input) {
		int[] labels = new int[input.data().customerCount()];
		Arrays.fill(labels, 5);
		return new CustomerClassification(labels(input.parameters()), labels, List.of(), Map.of());
	}
}
