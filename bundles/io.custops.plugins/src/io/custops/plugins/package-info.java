/**
 * Installing plugins at run time: a jar or a p2 repository (folder, URL or zip) is checked (an
 * OSGi bundle? signed? compiled for this Java? resolvable?), copied under the user's
 * {@code CUSTOPS_HOME/plugins} and installed into the running framework; every start of the
 * command line or the workbench installs the recorded plugins again, so they survive a rebuild
 * of the product. See docs/plugin-guide.md.
 */
@Version("1.0.0")
package io.custops.plugins;

import org.osgi.annotation.versioning.Version;
