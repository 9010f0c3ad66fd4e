/**
 * The VRRP instances' current states, for subsystems that follow them (keepalived.conf(5)
 * {@code lvs_sync_daemon <INTERFACE> <VRRP_INSTANCE>}: the IPVS sync daemon is master while the named
 * instance is MASTER). Provided by the vrrp bundle; plain Java, no socket or JNA type.
 */
@Export
@Version("1.0.0")
package dev.fulcrum.api.vrrp;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
