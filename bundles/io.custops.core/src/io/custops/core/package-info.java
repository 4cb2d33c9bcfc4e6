/**
 * Types shared by every CustOps service and client: texts in two languages, progress.
 * The domain model is in {@code io.custops.core.data}, typed parameters in
 * {@code io.custops.core.param}, the service interfaces in {@code io.custops.core.spi}.
 */
@Version("1.2.0")
package io.custops.core;

import org.osgi.annotation.versioning.Version;
