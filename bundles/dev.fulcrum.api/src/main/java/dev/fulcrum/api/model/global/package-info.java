/**
 * Global settings of the desired state (keepalived.conf(5) GLOBAL CONFIGURATION, {@code global_defs}): immutable records, validated on construction; no parsing, no source locations.
 */
@Export
@Version("1.0.0")
package dev.fulcrum.api.model.global;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
