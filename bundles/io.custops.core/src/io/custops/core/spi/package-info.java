/**
 * The service interfaces a plugin implements — {@link io.custops.core.spi.DataConnector},
 * {@link io.custops.core.spi.SegmentationStrategy}, {@link io.custops.core.spi.LifecycleModel},
 * {@link io.custops.core.spi.ReportTemplate} — and the types they exchange with the workbench.
 * Register implementations as OSGi services (Declarative Services components); the workbench
 * finds them in the service registry by interface and {@link io.custops.core.spi.CustopsService#id()}.
 */
@Version("1.4.0")
package io.custops.core.spi;

import org.osgi.annotation.versioning.Version;
