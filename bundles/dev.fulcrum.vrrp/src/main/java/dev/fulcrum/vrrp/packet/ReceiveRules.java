package dev.fulcrum.vrrp.packet;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one VRRP instance accepts (RFC 5798 section 7.1, RFC 3768 section 7.1).
 *
 * @param version          keepalived.conf(5) {@code version}
 * @param virtualRouterId  {@code virtual_router_id}
 * @param ipv6             whether the instance's addresses are IPv6
 * @param advertInterval   {@code advert_int} in the version's unit (v2 seconds, v3 centiseconds)
 * @param authentication   v2 {@code authentication { auth_type PASS; auth_pass ... }}; empty: Auth Type 0
 * @param v3ChecksumAsV2   {@code v3_checksum_as_v2}
 * @param interfaceSubnets the IPv4 addresses/prefixes of the instance's interface; an IPv4 advert's
 *                         source must be on one of them (not checked when the list is empty, e.g. unicast peers
 *                         on other subnets)
 * @param virtualAddresses the instance's {@code virtual_ipaddress} list; an advert listing others is
 *                         accepted with a notice (RFC 5798 section 7.1 "MAY verify"; keepalived logs it
 *                         unless {@code vrrp_skip_check_adv_addr}); empty: not compared
 * @param unicastPeers     {@code unicast_peer { ... }}; empty: multicast. In unicast mode an advert must
 *                         come from a listed peer (keepalived.conf(5) {@code check_unicast_src}, which
 *                         Fulcrum always applies) and its TTL is not required to be 255: keepalived lets
 *                         unicast adverts be routed ({@code unicast_ttl}) and does not check their TTL
 */
public record ReceiveRules(int version, int virtualRouterId, boolean ipv6, int advertInterval,
        Optional<AuthData> authentication, boolean v3ChecksumAsV2, List<Subnet> interfaceSubnets,
        List<InetAddress> virtualAddresses, List<InetAddress> unicastPeers) {

    public ReceiveRules {
        Objects.requireNonNull(authentication, "authentication");
        interfaceSubnets = List.copyOf(interfaceSubnets);
        virtualAddresses = List.copyOf(virtualAddresses);
        unicastPeers = List.copyOf(unicastPeers);
    }

    /** Multicast rules (no {@code unicast_peer}). */
    public ReceiveRules(int version, int virtualRouterId, boolean ipv6, int advertInterval,
            Optional<AuthData> authentication, boolean v3ChecksumAsV2, List<Subnet> interfaceSubnets,
            List<InetAddress> virtualAddresses) {
        this(version, virtualRouterId, ipv6, advertInterval, authentication, v3ChecksumAsV2, interfaceSubnets,
                virtualAddresses, List.of());
    }

    public boolean unicast() {
        return !unicastPeers.isEmpty();
    }
}
