/**
 * The workspace: an embedded database holding a shop's imported customers, orders, events,
 * campaigns and tags, with a columnar copy of the big facts for fast analyses. Obtain a
 * {@link io.custops.store.Workspace} from the {@link io.custops.store.WorkspaceManager} service.
 */
@Version("1.2.0")
package io.custops.store;

import org.osgi.annotation.versioning.Version;
