package dev.fulcrum.vrrp.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.fulcrum.vrrp.packet.ReceiveResult.Accepted;
import dev.fulcrum.vrrp.packet.ReceiveResult.Drop;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * keepalived.conf(5) {@code unicast_peer}: only listed peers are heard ({@code check_unicast_src},
 * always on in Fulcrum), their TTL may be below 255 ({@code unicast_ttl}: keepalived does not check
 * it), and multicast instances keep RFC 5798 section 7.1's TTL and subnet checks.
 */
class UnicastReceiveTest {

    private static final InetAddress PEER = address("198.51.100.7");
    private static final InetAddress STRANGER = address("198.51.100.8");
    private static final InetAddress US = address("192.0.2.2");
    private static final InetAddress VIP = address("192.0.2.100");

    private static final ReceiveRules UNICAST = new ReceiveRules(3, 51, false, 100, Optional.empty(), false,
            List.of(), List.of(VIP), List.of(PEER));

    @Test
    void aListedPeerIsHeardWhateverItsTtl() {
        for (int ttl : new int[] {255, 64, 1}) {
            IpEnvelope envelope = new IpEnvelope(PEER, US, ttl);
            Accepted accepted = assertInstanceOf(Accepted.class, validate(UNICAST, envelope));
            assertEquals(List.of(VIP), accepted.advert().addresses());
        }
    }

    @Test
    void anUnlistedSourceIsDroppedAndNamed() {
        Drop drop = assertInstanceOf(Drop.class, validate(UNICAST, new IpEnvelope(STRANGER, US, 255)));
        assertEquals(DropReason.UNICAST_PEER, drop.reason());
        assertEquals("source 198.51.100.8 is not a unicast_peer [198.51.100.7]", drop.detail());
    }

    @Test
    void multicastStillRequiresTtl255AndTheSubnet() {
        ReceiveRules multicast = new ReceiveRules(3, 51, false, 100, Optional.empty(), false,
                List.of(new Subnet(US, 24)), List.of(VIP));
        InetAddress group = address("224.0.0.18");
        Drop ttl = assertInstanceOf(Drop.class, validate(multicast, new IpEnvelope(address("192.0.2.1"), group, 64)));
        assertEquals(DropReason.TTL, ttl.reason());
        Drop source = assertInstanceOf(Drop.class, validate(multicast, new IpEnvelope(PEER, group, 255)));
        assertEquals(DropReason.SOURCE_ADDRESS, source.reason());
        assertInstanceOf(Accepted.class, validate(multicast, new IpEnvelope(address("192.0.2.1"), group, 255)));
    }

    private static ReceiveResult validate(ReceiveRules rules, IpEnvelope envelope) {
        byte[] payload = new AdvertCodec(false).encode(Advertisement.v3(51, 100, 100, List.of(VIP)), envelope);
        return new ReceiveValidator(rules).validate(envelope, payload);
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
