/**
 * Sources: databases the analyses run inside (SQL pushdown). {@link io.custops.source.SourceRuntime}
 * connects to a registered source, checks its mapping and runs an analysis's
 * {@link io.custops.core.spi.SqlPushdown} there, streaming the rows back or writing them into
 * the source.
 */
@Version("1.2.0")
package io.custops.source;

import org.osgi.annotation.versioning.Version;
