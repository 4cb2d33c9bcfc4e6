package io.custops.bench;

import java.lang.reflect.Field;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.core.param.Parameters;
import io.custops.core.spi.AnalysisInput;
import io.custops.core.spi.CustomerAnalysis;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.ServiceKind;
import io.custops.engine.Analyses;
import io.custops.engine.CohortAnalysis;
import io.custops.engine.CohortResult;
import io.custops.engine.ConversionResult;
import io.custops.engine.FunnelAnalysis;
import io.custops.engine.FunnelResult;
import io.custops.engine.PathAnalysis;
import io.custops.engine.PathResult;
import io.custops.engine.TierConversion;
import io.custops.lifecycle.stages.internal.StagesModel;
import io.custops.segmentation.rfm.internal.RfmStrategy;
import io.custops.segmentation.tiers.internal.TierStrategy;

/**
 * The engine's real services, made outside OSGi: the DS components are plain classes, and the
 * references SCR would inject ({@code analyses}) are set by hand. {@link Analyses} is the
 * engine's interface, answered here without the registry and the service guard (which only
 * add a check per call).
 */
public final class Engine implements Analyses {

	public static final String FUNNEL_STEPS = "visit,view,cart,order,pay";
	/** Tier conversion from a year before the end of the history to its end. */
	public static final LocalDate CONVERSION_FROM = ShopData.END.minusYears(1);

	public final RfmStrategy rfm = new RfmStrategy();
	public final StagesModel stages = new StagesModel();
	public final TierStrategy tiers = new TierStrategy();
	public final FunnelAnalysis funnel;
	public final PathAnalysis paths;
	public final TierConversion conversion;
	public final CohortAnalysis cohorts;

	public Engine() {
		funnel = inject(new io.custops.engine.internal.FunnelService());
		paths = new io.custops.engine.internal.PathService();
		conversion = inject(new io.custops.engine.internal.TierConversionService());
		cohorts = inject(new io.custops.engine.internal.CohortService());
	}

	private <T> T inject(T service) {
		try {
			Field field = service.getClass().getDeclaredField("analyses");
			field.setAccessible(true);
			field.set(service, this);
			return service;
		} catch (ReflectiveOperationException e) {
			throw new IllegalStateException("cannot set the analyses of " + service.getClass().getName(), e);
		}
	}

	/** rfm, stages and tiers with their default parameters, as of the end of the history. */
	public CustomerClassification[] segment(CustomerDataset data) {
		return new CustomerClassification[] { classify(rfm, data), classify(stages, data), classify(tiers, data) };
	}

	public CustomerClassification classify(CustomerAnalysis analysis, CustomerDataset data) {
		return run(analysis, data, ShopData.END, resolve(analysis, Map.of()), ProgressMonitor.NULL);
	}

	public FunnelResult funnel(CustomerDataset data) {
		return funnel.run(data, Map.of(FunnelAnalysis.STEPS, FUNNEL_STEPS), ProgressMonitor.NULL);
	}

	public PathResult paths(CustomerDataset data) {
		return paths.run(data, Map.of(PathAnalysis.TOP, "20"), ProgressMonitor.NULL);
	}

	public ConversionResult conversion(CustomerDataset data) {
		return conversion.run(data, "tiers", CONVERSION_FROM, ShopData.END, Map.of(), ProgressMonitor.NULL);
	}

	/** Monthly cohorts of the whole history (36 periods), as of its end. */
	public CohortResult cohorts(CustomerDataset data) {
		return cohorts.run(data, Map.of(CohortAnalysis.AS_OF, ShopData.END.toString(), CohortAnalysis.MAX_PERIODS, "36"),
				ProgressMonitor.NULL);
	}

	@Override
	public CustomerAnalysis find(ServiceKind kind, String id) {
		List<CustomerAnalysis> all = kind == ServiceKind.STRATEGY ? List.of(rfm, tiers) : List.of(stages);
		return all.stream().filter(a -> a.id().equals(id)).findFirst()
				.orElseThrow(() -> new NoSuchElementException("no " + kind + " " + id));
	}

	@Override
	public CustomerClassification run(CustomerAnalysis analysis, CustomerDataset data, LocalDate asOf,
			Parameters parameters, ProgressMonitor monitor) {
		return analysis.classify(new AnalysisInput(data, asOf, parameters, monitor));
	}
}
