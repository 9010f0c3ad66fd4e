/**
 * The VRRP part of the desired state (keepalived.conf(5) VRRPD CONFIGURATION: {@code vrrp_script}, {@code track_file}, {@code vrrp_instance}, {@code vrrp_sync_group}): immutable records, validated on construction; no parsing, no source locations.
 */
@Export
@Version("1.2.0")
package dev.fulcrum.api.model.vrrp;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
