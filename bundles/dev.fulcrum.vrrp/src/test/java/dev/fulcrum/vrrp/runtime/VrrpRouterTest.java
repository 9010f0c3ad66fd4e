package dev.fulcrum.vrrp.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.vrrp.InitialState;
import dev.fulcrum.api.model.vrrp.VirtualAddress;
import dev.fulcrum.vrrp.fsm.GarpPolicy;
import dev.fulcrum.vrrp.fsm.RouterSettings;
import dev.fulcrum.vrrp.fsm.VrrpState;
import dev.fulcrum.vrrp.packet.AdvertCodec;
import dev.fulcrum.vrrp.packet.Advertisement;
import dev.fulcrum.vrrp.packet.AuthData;
import dev.fulcrum.vrrp.packet.DropReason;
import dev.fulcrum.vrrp.packet.IpEnvelope;
import dev.fulcrum.vrrp.packet.ReceiveValidator;
import dev.fulcrum.vrrp.packet.Subnet;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The router between socket, timers and port, on a manual loop: what reaches the port, and when. */
class VrrpRouterTest {

    private static final InetAddress SELF = address("192.0.2.2");
    private static final InetAddress PEER = address("192.0.2.1");
    private static final InetAddress VIP = address("192.0.2.100");
    private static final InetAddress GROUP = address("224.0.0.18");

    private final ManualLoop loop = new ManualLoop();
    private final RecordingPort port = new RecordingPort();
    private final List<VrrpState> states = new ArrayList<>();
    private final RouterSettings settings = new RouterSettings("VI_1", 3, 51, 100, Duration.ofSeconds(1),
            InitialState.BACKUP, true, Duration.ZERO, true, 3, SELF, List.of(VirtualAddress.of(VIP)), Optional.empty(),
            new GarpPolicy(2, Duration.ZERO, Duration.ZERO), false, true, false);
    private final VrrpRouter router = new VrrpRouter(settings,
            new ReceiveValidator(settings.receiveRules(List.of(new Subnet(SELF, 24)))), port, loop, loop,
            change -> states.add(change.to()));

    @Test
    void withoutAdvertsTheBackupTakesOverAfterTheMasterDownInterval() {
        router.start();
        loop.runDue();
        assertEquals(List.of(VrrpState.BACKUP), states);
        // RFC 5798 section 6.1: 3 * 1 s + (256 - 100) * 1 s / 256 = 3.609375 s.
        loop.advance(Duration.ofMillis(3_609));
        assertEquals(List.of(VrrpState.BACKUP), states, "not before the master down interval");
        loop.advance(Duration.ofMillis(1));
        assertEquals(List.of(VrrpState.BACKUP, VrrpState.MASTER), states);
        assertEquals(List.of("add [192.0.2.100]", "advert 100", "garp [192.0.2.100] x2"), port.calls);
        loop.advance(Duration.ofSeconds(2));
        assertEquals(List.of("advert 100", "advert 100"), port.calls.subList(3, 5), "one advert per advert_int");
    }

    @Test
    void anIpv6MasterAnnouncesItsAddressesWithNeighbourAdvertisements() {
        InetAddress vip6 = address("2001:db8::100");
        RouterSettings ipv6 = new RouterSettings("VI_6", 3, 61, 100, Duration.ofSeconds(1), InitialState.BACKUP, true,
                Duration.ZERO, true, 3, address("fe80::2"), List.of(VirtualAddress.of(vip6)), Optional.empty(),
                new GarpPolicy(3, Duration.ZERO, Duration.ZERO), false, true, false);
        VrrpRouter router6 = new VrrpRouter(ipv6, new ReceiveValidator(ipv6.receiveRules(List.of())), port, loop, loop,
                change -> states.add(change.to()));
        router6.start();
        loop.advance(Duration.ofMillis(3_610));
        assertEquals(List.of(VrrpState.BACKUP, VrrpState.MASTER), states);
        // RFC 5798 section 6.4.2: the SendUnsolicitedNa action reaches the port like gratuitous ARP does.
        assertEquals(List.of("add [2001:db8:0:0:0:0:0:100]", "advert 100", "garp [2001:db8:0:0:0:0:0:100] x3"),
                port.calls);
    }

    @Test
    void advertsOfAHigherPriorityMasterKeepItBackup() {
        router.start();
        for (int i = 0; i < 10; i++) {
            router.received(new IpEnvelope(PEER, GROUP, 255), advert(200));
            loop.advance(Duration.ofSeconds(1));
        }
        assertEquals(List.of(VrrpState.BACKUP), states);
        assertTrue(port.calls.isEmpty(), "a backup sends nothing: " + port.calls);
    }

    @Test
    void invalidPacketsAreDroppedAndCountedByReason() {
        router.start();
        router.received(new IpEnvelope(PEER, GROUP, 254), advert(200));
        router.received(new IpEnvelope(PEER, GROUP, 255), new byte[] {0x31});
        loop.runDue();
        assertEquals(1, router.drops().get(DropReason.TTL));
        assertEquals(2, router.drops().total());
    }

    @Test
    void aPeerConfiguredDifferentlyIsLoggedAtInfoAndNoiseOnlyAtDebug() {
        try (LogCapture log = LogCapture.of(VrrpRouter.class)) {
            router.start();
            byte[] v2 = new AdvertCodec(false).encode(Advertisement.v2(51, 200, 1, List.of(VIP), AuthData.ABSENT),
                    new IpEnvelope(PEER, GROUP, 255));
            router.received(new IpEnvelope(PEER, GROUP, 255), v2);
            router.received(new IpEnvelope(PEER, GROUP, 254), advert(200));
            loop.runDue();
            assertEquals(1, router.drops().get(DropReason.VERSION));
            assertEquals(1, router.drops().get(DropReason.TTL));
            assertTrue(log.contains("(VI_1) dropped from 192.0.2.1: VERSION: VRRPv2 advert for a VRRPv3 instance"));
            assertFalse(log.contains("TTL"), "a stray TTL is noise on the wire, not a peer's configuration");
        }
    }

    @Test
    void aFailingPortIsCountedAndTheInstanceKeepsRunning() {
        port.failAdd = true;
        router.start();
        loop.advance(Duration.ofSeconds(4));
        assertEquals(VrrpState.MASTER, router.state());
        assertEquals(1, router.failedActions());
        assertTrue(port.calls.contains("advert 100"), "still advertising");
    }

    @Test
    void shutdownOfAMasterResignsWithPriorityZeroAndRemovesTheAddresses() throws Exception {
        router.start();
        loop.advance(Duration.ofSeconds(4));
        port.calls.clear();
        router.shutdown();
        assertEquals(List.of("advert 0", "remove [192.0.2.100]"), port.calls);
        loop.advance(Duration.ofSeconds(5));
        assertEquals(2, port.calls.size(), "no timer survives the shutdown");
    }

    private static byte[] advert(int priority) {
        Advertisement advert = Advertisement.v3(51, priority, 100, List.of(VIP));
        return new AdvertCodec(false).encode(advert, new IpEnvelope(PEER, GROUP, 255));
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static final class RecordingPort implements VrrpPort {
        final List<String> calls = new ArrayList<>();
        boolean failAdd;

        @Override
        public void sendAdvert(int priority) {
            calls.add("advert " + priority);
        }

        @Override
        public void addAddresses(List<VirtualAddress> addresses) throws IOException {
            if (failAdd) {
                throw new IOException("adding address: EPERM");
            }
            calls.add("add " + addresses.stream().map(a -> a.address().getHostAddress()).toList());
        }

        @Override
        public void removeAddresses(List<VirtualAddress> addresses) {
            calls.add("remove " + addresses.stream().map(a -> a.address().getHostAddress()).toList());
        }

        @Override
        public void announce(List<InetAddress> addresses, int repeat) {
            calls.add("garp " + addresses.stream().map(InetAddress::getHostAddress).toList() + " x" + repeat);
        }
    }
}
