/**
 * Linux IPVS over generic netlink (include/uapi/linux/ip_vs.h, family "IPVS"): records for
 * services, destinations, statistics, timeouts, the sync daemon and info; a pure request/reply codec
 * ({@link dev.fulcrum.ipvs.IpvsCodec}); {@link dev.fulcrum.ipvs.IpvsClient} over a netlink
 * connection; kernel errors as {@link dev.fulcrum.ipvs.IpvsErrorException} with a typed kind.
 */
@Export
@Version("1.1.0")
package dev.fulcrum.ipvs;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
