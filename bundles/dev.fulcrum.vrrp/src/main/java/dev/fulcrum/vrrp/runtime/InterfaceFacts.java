package dev.fulcrum.vrrp.runtime;

import dev.fulcrum.netlink.NetlinkException;
import dev.fulcrum.netlink.route.Address;
import dev.fulcrum.netlink.route.Link;
import dev.fulcrum.netlink.route.RouteNetlink;
import dev.fulcrum.vrrp.packet.Subnet;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * What an instance needs to know of its interface: index, MAC, the address its adverts come from
 * (IPv4: the primary address, RFC 5798 section 5.1.1.1; IPv6: the link-local address, section
 * 5.1.2.1; keepalived.conf(5) {@code unicast_src_ip} overrides either), the IPv4 subnets a sender
 * must be on (section 7.1) and, for IPv6, the link-local address neighbour advertisements come from.
 */
record InterfaceFacts(String name, int index, String hardwareAddress, InetAddress primaryAddress,
        List<Subnet> subnets, Optional<Inet6Address> linkLocal) {

    /**
     * Reads the facts of an IPv4 ({@code ipv6} false) or IPv6 instance through rtnetlink; a missing
     * interface, or one without an address to send from, is a clear error.
     */
    static InterfaceFacts read(RouteNetlink route, String name, Optional<InetAddress> sourceOverride, boolean ipv6)
            throws NetlinkException {
        Link link = route.link(name).orElseThrow(() -> new NetlinkException("interface " + name + " does not exist"));
        List<Address> addresses = route.addresses(link.index());
        List<Address> ipv4 = addresses.stream().filter(Address::isIpv4)
                .filter(a -> (a.flags() & Address.F_SECONDARY) == 0).toList();
        List<Subnet> subnets = ipv4.stream().map(a -> new Subnet(a.address(), a.prefixLength())).toList();
        Optional<InetAddress> source = sourceOverride.filter(a -> (a instanceof Inet6Address) == ipv6);
        if (!ipv6) {
            InetAddress primary = source.or(() -> ipv4.stream().findFirst().map(Address::address)).orElseThrow(
                    () -> new NetlinkException("interface " + name + " has no IPv4 address to send VRRP adverts from"));
            return new InterfaceFacts(name, link.index(), link.hardwareAddress(), primary, subnets, Optional.empty());
        }
        // A tentative address cannot be bound until duplicate address detection ends (RFC 4862 section 5.4).
        Optional<Inet6Address> linkLocal = addresses.stream().map(Address::address)
                .filter(a -> a instanceof Inet6Address && a.isLinkLocalAddress()).map(Inet6Address.class::cast)
                .findFirst();
        boolean tentative = addresses.stream().anyMatch(a -> a.address().isLinkLocalAddress()
                && (a.flags() & Address.F_TENTATIVE) != 0);
        if (linkLocal.isEmpty() || tentative) {
            throw new NetlinkException("interface " + name + (linkLocal.isEmpty() ? " has no IPv6 link-local address"
                    : "'s IPv6 link-local address is still tentative (duplicate address detection)")
                    + " to send VRRP adverts and neighbour advertisements from (RFC 5798 section 5.1.2.1)");
        }
        InetAddress primary = source.orElse(linkLocal.get());
        return new InterfaceFacts(name, link.index(), link.hardwareAddress(), primary, subnets, linkLocal);
    }

    /** The IPv4 primary address, for an IPv4 instance. */
    Inet4Address ipv4Primary() {
        return (Inet4Address) primaryAddress;
    }
}
