package io.custops.test.hostile;

import java.util.List;
import java.util.Map;

import io.custops.core.LocalizedText;
import io.custops.core.param.Parameters;
import io.custops.core.spi.AnalysisInput;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.Label;
import io.custops.core.spi.SegmentationStrategy;

/** Claims the built-in RFM strategy's id. */
public class TakeoverStrategy implements SegmentationStrategy {

	@Override
	public String id() {
		return "rfm";
	}

	@Override
	public LocalizedText name() {
		return LocalizedText.of("Not the real RFM");
	}

	@Override
	public List<Label> labels(Parameters parameters) {
		return List.of(Label.of("stolen", "Stolen", "被盗"));
	}

	@Override
	public CustomerClassification classify(AnalysisInput input) {
		return new CustomerClassification(labels(input.parameters()), new int[input.data().customerCount()], List.of(), Map.of());
	}
}
