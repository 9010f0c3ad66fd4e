package dev.fulcrum.ipvs;

import dev.fulcrum.api.model.lvs.Protocol;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * What identifies an IPVS virtual service (ip_vs.h IPVS_SVC_ATTR_AF with PROTOCOL, ADDR and PORT, or
 * with FWMARK): implemented by exactly the two records below.
 */
public sealed interface IpvsKey permits IpvsKey.Address, IpvsKey.Fwmark {

    /** The address family, {@link IpvsGenl#AF_INET} or {@link IpvsGenl#AF_INET6}. */
    int family();

    default boolean ipv6() {
        return family() == IpvsGenl.AF_INET6;
    }

    /** A TCP, UDP or SCTP service on an address and port (port 0 = all ports, persistent only). */
    record Address(Protocol protocol, InetAddress address, int port) implements IpvsKey {
        public Address {
            Objects.requireNonNull(protocol, "protocol");
            Objects.requireNonNull(address, "address");
            if (port < 0 || port > 0xFFFF) {
                throw new IllegalArgumentException("port must be 0..65535: " + port);
            }
        }

        @Override
        public int family() {
            return address instanceof Inet6Address ? IpvsGenl.AF_INET6 : IpvsGenl.AF_INET;
        }

        // equals and hashCode written out: the reconciler hashes every key of the table on every pass,
        // and the generated (method-handle) versions are slow until the JIT has compiled them.
        @Override
        public boolean equals(Object other) {
            return other instanceof Address that && port == that.port && protocol == that.protocol
                    && address.equals(that.address);
        }

        @Override
        public int hashCode() {
            return (address.hashCode() * 31 + port) * 31 + protocol.ordinal();
        }
    }

    /** A firewall-mark service (IPVS_SVC_ATTR_FWMARK), for IPv4 or IPv6 packets. */
    record Fwmark(long mark, boolean forIpv6) implements IpvsKey {
        public Fwmark {
            if (mark < 1 || mark > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("fwmark must be 1..4294967295: " + mark);
            }
        }

        @Override
        public int family() {
            return forIpv6 ? IpvsGenl.AF_INET6 : IpvsGenl.AF_INET;
        }
    }

    /** IPPROTO_TCP, IPPROTO_UDP, IPPROTO_SCTP (linux/in.h). */
    static int protocolNumber(Protocol protocol) {
        return switch (protocol) {
            case TCP -> 6;
            case UDP -> 17;
            case SCTP -> 132;
        };
    }
}
