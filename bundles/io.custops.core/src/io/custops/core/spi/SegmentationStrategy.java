package io.custops.core.spi;

/**
 * Splits customers into segments, tiers or tag groups (RFM, a VIP ladder, rule tags). Register
 * an implementation as an OSGi service of this interface.
 */
public interface SegmentationStrategy extends CustomerAnalysis {
}
