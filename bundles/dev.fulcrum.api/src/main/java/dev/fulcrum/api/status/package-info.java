/**
 * Subsystem status: every functional bundle publishes a {@link dev.fulcrum.api.status.Subsystem}
 * service so that the console, the REST API and the launcher can tell what runs and why not.
 */
@Export
@Version("1.0.0")
package dev.fulcrum.api.status;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
