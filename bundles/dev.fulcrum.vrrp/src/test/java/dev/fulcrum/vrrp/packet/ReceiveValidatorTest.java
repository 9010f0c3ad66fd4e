package dev.fulcrum.vrrp.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.fulcrum.vrrp.packet.ReceiveResult.Accepted;
import dev.fulcrum.vrrp.packet.ReceiveResult.Drop;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The checks scenario group 4 does not reach: families, subnets, the golden adverts as a peer's. */
class ReceiveValidatorTest {

    @Test
    void theGoldenAdvertsPassTheirInstancesChecks() throws Exception {
        GoldenAdvert v2 = GoldenAdvert.load("v2-pass-ipv4");
        ReceiveRules v2Rules = new ReceiveRules(2, 51, false, 1, Optional.of(AuthData.password("fulcrum")), false,
                List.of(new Subnet(InetAddress.getByName("192.0.2.7"), 24)), List.of());
        assertInstanceOf(Accepted.class, new ReceiveValidator(v2Rules).validate(v2.envelope(), v2.payload()));
        GoldenAdvert v6 = GoldenAdvert.load("v3-ipv6");
        ReceiveRules v6Rules = new ReceiveRules(3, 53, true, 50, Optional.empty(), false, List.of(), List.of());
        assertInstanceOf(Accepted.class, new ReceiveValidator(v6Rules).validate(v6.envelope(), v6.payload()));
    }

    @Test
    void anotherFamilyIsDropped() {
        GoldenAdvert v6 = GoldenAdvert.load("v3-ipv6");
        ReceiveRules ipv4Rules = new ReceiveRules(3, 53, false, 50, Optional.empty(), false, List.of(), List.of());
        Drop drop = assertInstanceOf(Drop.class, new ReceiveValidator(ipv4Rules).validate(v6.envelope(),
                v6.payload()));
        assertEquals(DropReason.ADDRESS_FAMILY, drop.reason());
        assertEquals("IPv6 packet for an IPv4 instance", drop.detail());
    }

    @Test
    void aWrongPasswordOnTheGoldenAdvertIsAnAuthenticationDrop() throws Exception {
        GoldenAdvert v2 = GoldenAdvert.load("v2-pass-ipv4");
        ReceiveRules rules = new ReceiveRules(2, 51, false, 1, Optional.of(AuthData.password("fulcrumX")), false,
                List.of(), List.of());
        Drop drop = assertInstanceOf(Drop.class, new ReceiveValidator(rules).validate(v2.envelope(), v2.payload()));
        assertEquals(DropReason.AUTHENTICATION, drop.reason());
    }

    @Test
    void subnetsCompareTheirPrefixOnly() throws Exception {
        Subnet subnet = new Subnet(InetAddress.getByName("192.0.2.1"), 23);
        assertEquals(true, subnet.contains(InetAddress.getByName("192.0.3.254")));
        assertEquals(false, subnet.contains(InetAddress.getByName("192.0.4.1")));
        assertEquals(false, subnet.contains(InetAddress.getByName("fe80::1")));
        assertEquals(true, new Subnet(InetAddress.getByName("10.1.2.3"), 0).contains(InetAddress.getByName("1.1.1.1")));
    }
}
