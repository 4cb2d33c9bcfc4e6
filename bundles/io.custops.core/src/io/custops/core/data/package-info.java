/** The domain facts (orders, customers, events) in the columnar form analyses read. */
@Version("1.0.0")
package io.custops.core.data;

import org.osgi.annotation.versioning.Version;
