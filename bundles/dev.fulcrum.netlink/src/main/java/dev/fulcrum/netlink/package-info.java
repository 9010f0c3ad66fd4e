/**
 * Netlink (RFC 3549, linux/netlink.h): the pure message and attribute codec, typed errors, and the
 * {@link dev.fulcrum.netlink.Connection} contract a socket implements. No JNA type appears here.
 */
@Export
@Version("1.1.0")
package dev.fulcrum.netlink;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
