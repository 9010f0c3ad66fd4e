package dev.fulcrum.vrrp.packet;

import dev.fulcrum.vrrp.packet.ReceiveResult.Accepted;
import dev.fulcrum.vrrp.packet.ReceiveResult.Drop;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * The receive checks of RFC 5798 section 7.1 (and RFC 3768 section 7.1 for VRRPv2) for one
 * instance, in the RFC's order: TTL, version, length, checksum, VRID, authentication, advert
 * interval; then the source address (a listed {@code unicast_peer} in unicast mode, where the TTL
 * is not checked: see {@link ReceiveRules}).
 */
public final class ReceiveValidator {

    private final ReceiveRules rules;
    private final AdvertCodec codec;

    public ReceiveValidator(ReceiveRules rules) {
        this.rules = rules;
        this.codec = new AdvertCodec(rules.v3ChecksumAsV2());
    }

    public ReceiveResult validate(IpEnvelope envelope, byte[] message) {
        if (envelope.isIpv4() == rules.ipv6()) {
            return new Drop(DropReason.ADDRESS_FAMILY, (envelope.isIpv4() ? "IPv4" : "IPv6") + " packet for an "
                    + (rules.ipv6() ? "IPv6" : "IPv4") + " instance");
        }
        if (!rules.unicast() && envelope.ttl() != IpEnvelope.VRRP_TTL) {
            return new Drop(DropReason.TTL, (envelope.isIpv4() ? "TTL " : "hop limit ") + envelope.ttl()
                    + " from " + envelope.source().getHostAddress() + ", must be 255");
        }
        ReceiveResult decoded = codec.decode(envelope, message);
        if (!(decoded instanceof Accepted accepted)) {
            return decoded;
        }
        Advertisement advert = accepted.advert();
        if (advert.version() != rules.version()) {
            return new Drop(DropReason.VERSION, "VRRPv" + advert.version() + " advert for a VRRPv" + rules.version()
                    + " instance");
        }
        if (advert.virtualRouterId() != rules.virtualRouterId()) {
            return new Drop(DropReason.VRID, "VRID " + advert.virtualRouterId() + ", ours is "
                    + rules.virtualRouterId());
        }
        if (advert.version() == 2) {
            Drop authDrop = checkAuthentication(advert.authentication().orElseThrow());
            if (authDrop != null) {
                return authDrop;
            }
        }
        List<String> notices = new ArrayList<>();
        if (!rules.virtualAddresses().isEmpty()
                && !new HashSet<>(advert.addresses()).equals(new HashSet<>(rules.virtualAddresses()))) {
            notices.add("advertised addresses " + hosts(advert.addresses()) + " differ from ours "
                    + hosts(rules.virtualAddresses()));
        }
        if (advert.advertInterval() != rules.advertInterval()) {
            String mismatch = "advertisement interval mismatch: ours " + rules.advertInterval() + (advert.version() == 2
                    ? " s" : " cs") + ", received " + advert.advertInterval() + (advert.version() == 2 ? " s" : " cs");
            if (advert.version() == 2) {
                return new Drop(DropReason.ADVERT_INTERVAL, mismatch);
            }
            // RFC 5798 section 6.4.2: a backup learns Master_Adver_Interval from the master's adverts.
            notices.add(mismatch);
        }
        Drop sourceDrop = checkSource(envelope);
        if (sourceDrop != null) {
            return sourceDrop;
        }
        return new Accepted(envelope, advert, notices);
    }

    private static String hosts(List<InetAddress> addresses) {
        return addresses.stream().map(InetAddress::getHostAddress).toList().toString();
    }

    private Drop checkAuthentication(AuthData received) {
        AuthData expected = rules.authentication().orElse(AuthData.ABSENT);
        if (received.type() != expected.type()) {
            return new Drop(DropReason.AUTH_TYPE, "auth type " + received.type() + ", ours is " + expected.type());
        }
        // RFC 2338 section 5.3.6.1: the password must match; type 0 data is ignored (RFC 3768 section 5.3.10).
        if (expected.type() == AuthData.SIMPLE_TEXT && !expected.equals(received)) {
            return new Drop(DropReason.AUTHENTICATION, "simple text password mismatch");
        }
        return null;
    }

    private Drop checkSource(IpEnvelope envelope) {
        if (rules.unicast()) {
            return rules.unicastPeers().contains(envelope.source()) ? null
                    : new Drop(DropReason.UNICAST_PEER, "source " + envelope.source().getHostAddress()
                            + " is not a unicast_peer " + hosts(rules.unicastPeers()));
        }
        if (!envelope.isIpv4()) {
            return envelope.source().isLinkLocalAddress() ? null
                    : new Drop(DropReason.SOURCE_ADDRESS, "source " + envelope.source().getHostAddress()
                            + " is not link-local (RFC 5798 section 5.1.2.1)");
        }
        if (rules.interfaceSubnets().isEmpty()
                || rules.interfaceSubnets().stream().anyMatch(subnet -> subnet.contains(envelope.source()))) {
            return null;
        }
        return new Drop(DropReason.SOURCE_ADDRESS, "source " + envelope.source().getHostAddress()
                + " is not on the interface's subnets " + rules.interfaceSubnets());
    }
}
