package io.custops.test.misbehaving;

import java.util.List;
import java.util.Map;

import io.custops.core.LocalizedText;
import io.custops.core.param.Parameters;
import io.custops.core.spi.AnalysisInput;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.Label;
import io.custops.core.spi.SegmentationStrategy;

/** Everyone in one segment; subclasses misbehave in classify. */
abstract class BaseStrategy implements SegmentationStrategy {

	@Override
	public LocalizedText name() {
		return LocalizedText.of("Test strategy " + id());
	}

	@Override
	public List<Label> labels(Parameters parameters) {
		return List.of(Label.of("all", "All", "全部"));
	}

	@Override
	public CustomerClassification classify(AnalysisInput input) {
		return new CustomerClassification(labels(input.parameters()), new int[input.data().customerCount()], List.of(),
				Map.of());
	}
}
