package io.custops.engine.internal;

import java.time.LocalDate;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.custops.core.ProgressMonitor;
import io.custops.core.data.CustomerDataset;
import io.custops.core.param.Parameters;
import io.custops.core.spi.AnalysisInput;
import io.custops.core.spi.CustomerAnalysis;
import io.custops.core.spi.CustomerClassification;
import io.custops.core.spi.ServiceKind;
import io.custops.engine.Analyses;
import io.custops.engine.ServiceCatalog;
import io.custops.engine.ServiceEntry;
import io.custops.engine.ServiceGuard;

/** Finds analyses in the {@link ServiceCatalog} and runs them, checking what they return. */
@Component(service = Analyses.class)
public class RegistryAnalyses implements Analyses {

	@Reference
	private ServiceCatalog catalog;

	@Reference
	private ServiceGuard guard;

	@Override
	public CustomerAnalysis find(ServiceKind kind, String id) {
		if (kind != ServiceKind.STRATEGY && kind != ServiceKind.MODEL) {
			throw new IllegalArgumentException(kind + " is not an analysis kind");
		}
		return catalog.services(kind).stream().filter(e -> e.id().equals(id)).findFirst()
				.map(e -> (CustomerAnalysis) e.service())
				.orElseThrow(() -> new NoSuchElementException("no " + kind.id() + " '" + id + "' is installed; installed: "
						+ catalog.services(kind).stream().map(ServiceEntry::id).collect(Collectors.joining(", "))));
	}

	@Override
	public CustomerClassification run(CustomerAnalysis analysis, CustomerDataset data, LocalDate asOf,
			Parameters parameters, ProgressMonitor monitor) {
		// through the guard: a plugin that throws or hangs is reported and disabled, the caller carries on
		CustomerClassification result = guard.classify(analysis, new AnalysisInput(data, asOf, parameters, monitor));
		if (result.customerCount() != data.customerCount()) {
			throw new IllegalStateException(analysis.id() + " classified " + result.customerCount() + " customers of "
					+ data.customerCount());
		}
		return result;
	}
}
