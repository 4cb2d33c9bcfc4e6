/**
 * RFM values and scores as a library, for services that want the same figures as the
 * {@code rfm} segmentation strategy (rule tags, reports): {@link io.custops.segmentation.rfm.RfmValues}
 * computes them, {@link io.custops.segmentation.rfm.RfmScoring} says how values become scores.
 */
package io.custops.segmentation.rfm;
