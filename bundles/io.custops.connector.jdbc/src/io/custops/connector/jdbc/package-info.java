/** The jdbc connector's API: its password store. */
@Version("1.1.0")
package io.custops.connector.jdbc;

import org.osgi.annotation.versioning.Version;
