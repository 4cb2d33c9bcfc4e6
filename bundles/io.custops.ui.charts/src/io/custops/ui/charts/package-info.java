/**
 * Small SWT charts drawn on a canvas (bars, lines, heat map, flows) and a virtual grid, for the
 * workbench's parts and for plugins' parts.
 */
@Version("1.1.0")
package io.custops.ui.charts;

import org.osgi.annotation.versioning.Version;
