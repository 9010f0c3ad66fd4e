/**
 * The IPVS part of the desired state (keepalived.conf(5) LVS CONFIGURATION: {@code virtual_server}, {@code virtual_server_group}, {@code real_server} and its checkers): immutable records, validated on construction; no parsing, no source locations.
 */
@Export
@Version("1.2.0")
package dev.fulcrum.api.model.lvs;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
