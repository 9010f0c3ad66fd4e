/**
 * What this machine lets Fulcrum do: privileges and kernel features, as probed at start.
 */
@Export
@Version("1.0.0")
package dev.fulcrum.api.host;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
