package dev.fulcrum.vrrp.system;

import static dev.fulcrum.vrrp.system.VrrpLan.VIP;
import static dev.fulcrum.vrrp.system.VrrpLan.await;
import static dev.fulcrum.vrrp.system.VrrpLan.holdsFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.testing.SystemTest;
import dev.fulcrum.vrrp.fsm.VrrpState;
import dev.fulcrum.vrrp.packet.DropReason;
import dev.fulcrum.vrrp.runtime.VrrpEngine;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * keepalived.conf(5) unicast mode against keepalived 2.2.7: {@code unicast_src_ip} on a second
 * subnet of e0 (198.51.100.0/24, not the interface's primary address), {@code unicast_peer} and
 * {@code unicast_ttl 64}. Fulcrum's adverts leave from the source address to the peer with that TTL,
 * keepalived hears them (the VRRPv3 checksum covers the source address, RFC 5798 section 5.2.8) and
 * Fulcrum hears keepalived's, in both roles and through failover; an advert from an unlisted source
 * is dropped and counted.
 */
@SystemTest
class UnicastKeepalivedTest {

    private static final String H1 = "198.51.100.1";
    private static final String H2 = "198.51.100.2";

    @TempDir
    Path directory;

    /** {@link FulcrumKeepalivedTest#conf} in VRRPv3 with the unicast keywords. */
    static String conf(String state, int priority, String source, String peer) {
        return FulcrumKeepalivedTest.conf(state, priority, 3,
                "unicast_src_ip %s%n    unicast_peer {%n        %s%n    }%n    unicast_ttl 64".formatted(source, peer));
    }

    private static VrrpLan unicastLan(Path directory) throws Exception {
        VrrpLan lan = VrrpLan.create(directory);
        lan.host(1).exec("ip", "address", "add", H1 + "/24", "dev", "e0");
        lan.host(2).exec("ip", "address", "add", H2 + "/24", "dev", "e0");
        return lan;
    }

    @Test
    void fulcrumMasterSendsFromTheSourceToThePeerAndKeepalivedFollowsThroughFailover() throws Exception {
        try (VrrpLan lan = unicastLan(directory)) {
            VrrpEngine fulcrum = lan.startFulcrum(1, conf("MASTER", 200, H1, H2));
            await("Fulcrum to become master", () -> fulcrum.states().get("VI_1") == VrrpState.MASTER);
            String wire = lan.host(2).exec("timeout", "10", "tcpdump", "-l", "-n", "-v", "-c", "2", "-i", "e0",
                    "ip proto 112");
            assertTrue(wire.contains("ttl 64,"), "unicast_ttl 64 on the wire:\n" + wire);
            assertTrue(wire.contains(H1 + " > " + H2 + ": VRRPv3, Advertisement"),
                    "from unicast_src_ip to the peer:\n" + wire);
            assertTrue(wire.contains("prio 200"), wire);

            Process keepalived = lan.startKeepalived(2, conf("BACKUP", 100, H2, H1));
            holdsFor("keepalived stays backup while Fulcrum advertises", 4_000,
                    () -> !lan.holds(2, VIP) && lan.holds(1, VIP));

            fulcrum.abort(); // a crash: no priority-0 advert
            await("keepalived to take over after the master down interval", () -> lan.holds(2, VIP));
            lan.host(1).exec("ip", "address", "del", VIP + "/24", "dev", "e0");
            assertTrue(lan.clientPings(VIP), "keepalived answers for the VIP");

            VrrpEngine back = lan.startFulcrum(1, conf("BACKUP", 200, H1, H2));
            await("Fulcrum to preempt keepalived's lower priority",
                    () -> back.states().get("VI_1") == VrrpState.MASTER);
            await("keepalived to step down on Fulcrum's unicast adverts", () -> !lan.holds(2, VIP));
            assertTrue(keepalived.isAlive());
            assertTrue(lan.holds(1, VIP));
        }
    }

    @Test
    void keepalivedMasterIsHeardThroughTheBoundSocketAndFulcrumTakesOverOnResignation() throws Exception {
        try (VrrpLan lan = unicastLan(directory)) {
            Process keepalived = lan.startKeepalived(1, conf("MASTER", 200, H1, H2));
            await("keepalived to hold the VIP", () -> lan.holds(1, VIP));
            VrrpEngine fulcrum = lan.startFulcrum(2, conf("BACKUP", 100, H2, H1));
            holdsFor("Fulcrum stays backup on keepalived's unicast adverts (TTL 64)", 4_000,
                    () -> fulcrum.states().get("VI_1") == VrrpState.BACKUP && !lan.holds(2, VIP));
            assertEquals(0, fulcrum.router("VI_1").drops().total(), "nothing dropped");

            keepalived.destroy(); // SIGTERM: priority 0
            await("Fulcrum to take over on the resignation", () -> fulcrum.states().get("VI_1") == VrrpState.MASTER);
            await("the VIP on Fulcrum's host", () -> lan.holds(2, VIP));
            assertTrue(lan.clientPings(VIP), "Fulcrum answers for the VIP");
        }
    }

    @Test
    void anAdvertFromAnUnlistedSourceIsDroppedAndCounted() throws Exception {
        try (VrrpLan lan = unicastLan(directory)) {
            lan.startKeepalived(1, conf("MASTER", 200, H1, H2));
            await("keepalived to hold the VIP", () -> lan.holds(1, VIP));
            // Fulcrum lists another peer: keepalived's adverts reach it but must not count.
            VrrpEngine fulcrum = lan.startFulcrum(2, conf("BACKUP", 100, H2, "198.51.100.3"));
            await("Fulcrum to become master, not hearing its listed peer",
                    () -> fulcrum.states().get("VI_1") == VrrpState.MASTER);
            long dropped = fulcrum.router("VI_1").drops().get(DropReason.UNICAST_PEER);
            assertTrue(dropped >= 3, "keepalived's adverts counted as from an unlisted peer: " + dropped);
            assertFalse(fulcrum.router("VI_1").drops().get(DropReason.TTL) > 0, "TTL 64 is not a drop in unicast");
        }
    }
}
