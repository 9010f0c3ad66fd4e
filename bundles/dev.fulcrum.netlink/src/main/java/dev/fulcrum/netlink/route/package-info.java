/**
 * rtnetlink (linux/rtnetlink.h, linux/if_link.h, linux/if_addr.h) over a NETLINK_ROUTE connection:
 * links (list, lookup by name, up/down, RTNLGRP_LINK events) and IPv4/IPv6 addresses (list, add,
 * delete, with prefix length, IFA_LABEL and scope).
 */
@Export
@Version("1.0.0")
package dev.fulcrum.netlink.route;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
