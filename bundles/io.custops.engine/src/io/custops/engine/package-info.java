/**
 * The engine's API: the {@link io.custops.engine.ServiceCatalog} of registered services, the
 * guard that runs a plugin's service (time limit, disabled on a fault), and the analyses every
 * plugin shares (tier conversion, funnels, paths, cohorts, campaign ROI), each an OSGi service.
 */
@Version("1.4.0")
package io.custops.engine;

import org.osgi.annotation.versioning.Version;
