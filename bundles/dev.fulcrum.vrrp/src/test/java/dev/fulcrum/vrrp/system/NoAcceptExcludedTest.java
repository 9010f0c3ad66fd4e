package dev.fulcrum.vrrp.system;

import static dev.fulcrum.vrrp.system.VrrpLan.VIP;
import static dev.fulcrum.vrrp.system.VrrpLan.await;
import static dev.fulcrum.vrrp.system.VrrpLan.holdsFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.testing.SystemTest;
import dev.fulcrum.vrrp.fsm.VrrpState;
import dev.fulcrum.vrrp.runtime.VrrpEngine;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * keepalived.conf(5) {@code no_accept} (RFC 5798 section 6.4.3 Accept_Mode False) and
 * {@code virtual_ipaddress_excluded}, Fulcrum master and keepalived 2.2.7 backup from one
 * keepalived.conf: the master holds the VIP and the excluded address, answers ARP for the VIP but
 * drops the client's ping to it, as keepalived does; its adverts list the VIP only; on resignation
 * both addresses move to the other router and Fulcrum's nftables table is gone.
 */
@SystemTest
class NoAcceptExcludedTest {

    private static final String EXCLUDED = "198.51.100.9";

    @TempDir
    Path directory;

    private static String conf(String state, int priority, String accept) {
        return FulcrumKeepalivedTest.conf(state, priority, 3,
                "%s%n    virtual_ipaddress_excluded {%n        %s/24%n    }".formatted(accept, EXCLUDED));
    }

    @Test
    void theMasterDropsTrafficToTheVipAndMovesTheExcludedAddressWithIt() throws Exception {
        try (VrrpLan lan = VrrpLan.create(directory)) {
            VrrpEngine fulcrum = lan.startFulcrum(1, conf("MASTER", 200, "no_accept"));
            await("Fulcrum to become master", () -> fulcrum.states().get("VI_1") == VrrpState.MASTER);
            await("the VIP and the excluded address on Fulcrum's host",
                    () -> lan.holds(1, VIP) && lan.holds(1, EXCLUDED));
            assertTrue(lan.host(1).exec("nft", "list", "tables").contains("fulcrum_vrrp_"));

            String wire = lan.host(2).exec("timeout", "10", "tcpdump", "-l", "-n", "-v", "-c", "2", "-i", "e0",
                    "ip proto 112");
            assertTrue(wire.contains("addrs: " + VIP + "\n"), "the advert lists the VIP:\n" + wire);
            assertFalse(wire.contains(EXCLUDED), "the excluded address is not advertised:\n" + wire);

            assertFalse(lan.clientPings(VIP), "no_accept: the master drops the ping to the VIP");
            assertEquals(lan.macOf(1), lan.clientNeighbour(VIP), "ARP for the VIP is still answered");
            String counters = lan.host(1).exec("nft", "list", "ruleset");
            assertFalse(counters.contains("counter packets 0 "), "the drop rule counted the ping:\n" + counters);

            lan.startKeepalived(2, conf("BACKUP", 100, "accept"));
            holdsFor("keepalived stays backup while Fulcrum advertises", 3_000, () -> !lan.holds(2, VIP));
            fulcrum.close(); // priority 0
            await("keepalived to take the VIP and the excluded address over",
                    () -> lan.holds(2, VIP) && lan.holds(2, EXCLUDED));
            assertFalse(lan.holds(1, EXCLUDED), "Fulcrum removed the excluded address when it resigned");
            assertFalse(lan.host(1).exec("nft", "list", "tables").contains("fulcrum_vrrp_"),
                    "Fulcrum removed its no_accept table");
            assertTrue(lan.clientPings(VIP), "keepalived in accept mode answers the ping");
        }
    }

    @Test
    void keepalivedDropsThePingAsWellAndFulcrumKeepsDoingSoAfterTakingOver() throws Exception {
        try (VrrpLan lan = VrrpLan.create(directory)) {
            Process keepalived = lan.startKeepalived(1, conf("MASTER", 200, "no_accept"));
            await("keepalived to hold the VIP and the excluded address",
                    () -> lan.holds(1, VIP) && lan.holds(1, EXCLUDED));
            assertFalse(lan.clientPings(VIP), "keepalived's no_accept drops the ping to the VIP");
            VrrpEngine fulcrum = lan.startFulcrum(2, conf("BACKUP", 100, "no_accept"));
            holdsFor("Fulcrum stays backup while keepalived advertises", 3_000,
                    () -> fulcrum.states().get("VI_1") == VrrpState.BACKUP && !lan.holds(2, EXCLUDED));

            keepalived.destroy(); // SIGTERM: priority 0
            await("Fulcrum to take over", () -> lan.holds(2, VIP) && lan.holds(2, EXCLUDED));
            assertFalse(lan.clientPings(VIP), "Fulcrum's no_accept drops the ping to the VIP");
            await("the client's neighbour entry to follow Fulcrum's gratuitous ARP",
                    () -> lan.clientNeighbour(VIP).equals(lan.macOf(2)));
        }
    }

    @Test
    void inAcceptModeTheMasterAnswersForTheVip() throws Exception {
        try (VrrpLan lan = VrrpLan.create(directory)) {
            VrrpEngine fulcrum = lan.startFulcrum(1, conf("MASTER", 200, "accept"));
            await("Fulcrum to become master", () -> fulcrum.states().get("VI_1") == VrrpState.MASTER);
            await("the VIP on Fulcrum's host", () -> lan.holds(1, VIP));
            assertTrue(lan.clientPings(VIP), "accept: the master answers the ping to the VIP");
            assertFalse(lan.host(1).exec("nft", "list", "tables").contains("fulcrum_vrrp_"), "no table in accept mode");
        }
    }
}
