/**
 * Generic netlink (linux/genetlink.h): the genlmsghdr codec and family resolution by name through
 * the "nlctrl" controller (family id, version, multicast groups).
 */
@Export
@Version("1.0.0")
package dev.fulcrum.netlink.genl;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
