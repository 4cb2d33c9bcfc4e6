package io.custops.segmentation.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.custops.core.data.CustomerDataset;
import io.custops.core.spi.CustomerAnalysis;
import io.custops.core.spi.LifecycleModel;
import io.custops.core.spi.SegmentationStrategy;

/** Each service is registered by SCR from its own bundle, under its interface and id. */
class RegistryTest {

	@Test
	void eachServiceComesFromItsBundle() throws Exception {
		assertEquals("io.custops.segmentation.rfm", Services.bundleOf(SegmentationStrategy.class, "rfm"));
		assertEquals("io.custops.segmentation.tiers", Services.bundleOf(SegmentationStrategy.class, "tiers"));
		assertEquals("io.custops.segmentation.tags", Services.bundleOf(SegmentationStrategy.class, "tags"));
		assertEquals("io.custops.lifecycle.stages", Services.bundleOf(LifecycleModel.class, "stages"));
	}

	@Test
	void everyServiceDescribesItselfAndRunsOnAnEmptyDataset() {
		for (CustomerAnalysis analysis : List.of(Services.strategy("rfm"), Services.strategy("tiers"),
				Services.strategy("tags"), Services.model("stages"))) {
			assertTrue(!analysis.name().zh().equals(analysis.name().en()), analysis.id());
			assertTrue(!analysis.parameters().isEmpty(), analysis.id());
			var result = Services.run(analysis, CustomerDataset.empty(), LocalDate.parse("2026-07-01"));
			assertEquals(0, result.customerCount());
			assertEquals(analysis.columnNames(Services.parameters(analysis)),
					result.columns().stream().map(c -> c.name()).toList(), analysis.id());
		}
	}
}
