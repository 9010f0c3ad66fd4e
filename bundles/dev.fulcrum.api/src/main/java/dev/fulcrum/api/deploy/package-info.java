/**
 * Hot deploy: bundles dropped into the state directory's {@code deploy/} folder are installed,
 * upgraded in place, or uninstalled while the appliance runs.
 */
@Export
@Version("1.0.0")
package dev.fulcrum.api.deploy;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
