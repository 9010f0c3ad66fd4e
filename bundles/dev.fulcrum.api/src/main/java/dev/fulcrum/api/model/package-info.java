/**
 * The desired state of a Fulcrum box: what every subsystem reconciles toward. One immutable
 * value, made from keepalived.conf (global, VRRP, LVS) and haproxy.cfg (proxy) or from REST JSON,
 * validated as a whole and stored as numbered revisions.
 */
@Export
@Version("1.0.0")
package dev.fulcrum.api.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
