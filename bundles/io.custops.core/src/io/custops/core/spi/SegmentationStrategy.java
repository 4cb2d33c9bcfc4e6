package io.custops.core.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Splits customers into segments, tiers or tag groups (RFM, a VIP ladder, rule tags). Register
 * an implementation as an OSGi service of this interface.
 */
@ConsumerType
public interface SegmentationStrategy extends CustomerAnalysis {
}
