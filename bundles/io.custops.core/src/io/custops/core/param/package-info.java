/** Typed, validated parameters of services, declared once and used by every client. */
@Version("1.0.0")
package io.custops.core.param;

import org.osgi.annotation.versioning.Version;
