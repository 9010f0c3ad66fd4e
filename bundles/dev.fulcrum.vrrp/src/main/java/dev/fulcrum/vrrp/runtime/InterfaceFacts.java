package dev.fulcrum.vrrp.runtime;

import dev.fulcrum.netlink.NetlinkException;
import dev.fulcrum.netlink.route.Address;
import dev.fulcrum.netlink.route.Link;
import dev.fulcrum.netlink.route.RouteNetlink;
import dev.fulcrum.vrrp.packet.Subnet;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * What an instance needs to know of its interface: index, MAC, the IPv4 primary address its
 * adverts come from (RFC 5798 section 5.1.1.1; keepalived.conf(5) {@code unicast_src_ip}
 * overrides it) and the subnets a sender must be on (section 7.1).
 */
record InterfaceFacts(String name, int index, String hardwareAddress, Inet4Address primaryAddress,
        List<Subnet> subnets) {

    /** Reads the facts through rtnetlink; a missing interface or one without IPv4 address is a clear error. */
    static InterfaceFacts read(RouteNetlink route, String name, Optional<InetAddress> sourceOverride)
            throws NetlinkException {
        Link link = route.link(name).orElseThrow(() -> new NetlinkException("interface " + name + " does not exist"));
        List<Address> ipv4 = route.addresses(link.index()).stream().filter(Address::isIpv4)
                .filter(a -> (a.flags() & Address.F_SECONDARY) == 0).toList();
        Inet4Address primary;
        if (sourceOverride.isPresent() && sourceOverride.get() instanceof Inet4Address source) {
            primary = source;
        } else if (!ipv4.isEmpty()) {
            primary = (Inet4Address) ipv4.get(0).address();
        } else {
            throw new NetlinkException("interface " + name + " has no IPv4 address to send VRRP adverts from");
        }
        List<Subnet> subnets = ipv4.stream().map(a -> new Subnet(a.address(), a.prefixLength())).toList();
        return new InterfaceFacts(name, link.index(), link.hardwareAddress(), primary, subnets);
    }
}
