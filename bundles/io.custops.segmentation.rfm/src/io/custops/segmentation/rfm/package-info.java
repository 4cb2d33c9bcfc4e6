/**
 * RFM values and scores as a library, for services that want the same figures as the
 * {@code rfm} segmentation strategy (rule tags, reports): {@link io.custops.segmentation.rfm.RfmValues}
 * computes them, {@link io.custops.segmentation.rfm.RfmScoring} says how values become scores.
 */
@Version("1.1.0")
package io.custops.segmentation.rfm;

import org.osgi.annotation.versioning.Version;
