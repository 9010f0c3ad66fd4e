package dev.fulcrum.ipvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.lvs.Protocol;
import dev.fulcrum.netlink.Errno;
import dev.fulcrum.netlink.genl.FamilyNotFoundException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** IpvsClient against the fake kernel: round trips through the codec and typed kernel errors. */
class IpvsClientTest {

    private final FakeIpvsKernel kernel = new FakeIpvsKernel();
    private final IpvsKey web = IpvsCodecGoldenTest.tcp("10.0.0.1", 80);

    @Test
    void servicesAndDestinationsRoundTrip() throws Exception {
        IpvsClient client = IpvsClient.open(kernel);
        IpvsService service = new IpvsService(web, "rr", IpvsGenl.SVC_F_PERSISTENT, 300, 0xFFFF_FF00L, Optional.empty(),
                Optional.empty());
        IpvsDestination dr = IpvsCodecGoldenTest.dest("192.168.1.12", 80, IpvsForwarding.ROUTE, 2);
        IpvsDestination gue = IpvsCodecGoldenTest.tunnel(IpvsCodecGoldenTest.dest("192.168.1.14", 80, IpvsForwarding.TUNNEL, 4),
                new IpvsTunnel(IpvsTunnel.Type.GUE, 6080, 0));

        client.addService(service);
        client.addDestination(web, dr);
        client.addDestination(web, gue);

        assertTrue(service.sameSettings(client.services().get(0)));
        List<IpvsDestination> listed = client.destinations(web);
        assertEquals(2, listed.size());
        assertTrue(dr.sameSettings(listed.get(0)));
        assertTrue(gue.sameSettings(listed.get(1)));
    }

    @Test
    void kernelErrorsAreTyped() throws Exception {
        IpvsClient client = IpvsClient.open(kernel);
        client.addService(IpvsService.of(web, "rr"));

        assertEquals(IpvsErrorException.Kind.ALREADY_EXISTS,
                assertThrows(IpvsErrorException.class, () -> client.addService(IpvsService.of(web, "rr"))).kind());
        assertEquals(IpvsErrorException.Kind.NO_SUCH_SERVICE, assertThrows(IpvsErrorException.class,
                () -> client.deleteService(IpvsCodecGoldenTest.key(Protocol.UDP, "10.0.0.1", 53))).kind());
        IpvsErrorException missing = assertThrows(IpvsErrorException.class, () -> client.deleteDestination(web,
                IpvsCodecGoldenTest.dest("192.168.1.99", 80, IpvsForwarding.MASQ, 1)));
        assertEquals(IpvsErrorException.Kind.NOT_FOUND, missing.kind());
        assertTrue(missing.getMessage().startsWith("deleting real server 192.168.1.99:80 from TCP 10.0.0.1:80 failed"),
                missing.getMessage());
        kernel.failNext(IpvsGenl.CMD_NEW_DEST, Errno.ENOMEM);
        assertEquals(IpvsErrorException.Kind.NO_MEMORY, assertThrows(IpvsErrorException.class,
                () -> client.addDestination(web, IpvsCodecGoldenTest.dest("192.168.1.1", 80, IpvsForwarding.MASQ, 1))).kind());
    }

    @Test
    void aBatchSendsItsChangesTogetherAndTypesEachRefusal() throws Exception {
        IpvsClient client = IpvsClient.open(kernel);
        IpvsDestination real = IpvsCodecGoldenTest.dest("192.168.1.12", 80, IpvsForwarding.MASQ, 1);

        List<Optional<IpvsErrorException>> refusals = client.batch().addService(IpvsService.of(web, "rr"))
                .addDestination(web, real).addService(IpvsService.of(web, "wrr")).editDestination(web, real.withWeight(3))
                .send();

        assertEquals(List.of(4), kernel.batches(), "one executeAll with the four requests");
        assertEquals(List.of(false, false, true, false), refusals.stream().map(Optional::isPresent).toList());
        IpvsErrorException duplicate = refusals.get(2).orElseThrow();
        assertEquals(IpvsErrorException.Kind.ALREADY_EXISTS, duplicate.kind());
        assertEquals("adding service TCP 10.0.0.1:80 failed: already exists (EEXIST)", duplicate.getMessage());
        assertEquals(3, client.destinations(web).get(0).weight());
    }

    @Test
    void timeoutsInfoFlush() throws Exception {
        IpvsClient client = IpvsClient.open(kernel);
        client.setTimeouts(new IpvsTimeouts(0, 60, 0));
        client.addService(IpvsService.of(web, "wlc"));
        client.flush();

        assertEquals(new IpvsTimeouts(900, 60, 300), client.timeouts());
        assertEquals("1.2.1", client.info().versionText());
        assertEquals(List.of(), client.services());
    }

    @Test
    void kernelWithoutIpvsFailsCleanly() {
        FamilyNotFoundException e = assertThrows(FamilyNotFoundException.class, () -> IpvsClient.open(new FakeIpvsKernel(false)));
        assertEquals("IPVS", e.family());
    }

    @Test
    void ipv6TextIsCompressedLikeInetNtop() {
        assertEquals("[2001:db8::1]:443", IpvsText.endpoint(IpvsCodecGoldenTest.ip("2001:db8::1"), 443));
        assertEquals("[2001:db8:0:1:1:1:1:1]:1", IpvsText.endpoint(IpvsCodecGoldenTest.ip("2001:db8:0:1:1:1:1:1"), 1));
        assertEquals("[::]:0", IpvsText.endpoint(IpvsCodecGoldenTest.ip("::"), 0));
    }
}
