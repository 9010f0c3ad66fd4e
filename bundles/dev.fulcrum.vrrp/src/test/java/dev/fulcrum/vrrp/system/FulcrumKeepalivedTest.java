package dev.fulcrum.vrrp.system;

import static dev.fulcrum.vrrp.system.VrrpLan.VIP;
import static dev.fulcrum.vrrp.system.VrrpLan.await;
import static dev.fulcrum.vrrp.system.VrrpLan.holdsFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.testing.SystemTest;
import dev.fulcrum.vrrp.fsm.VrrpState;
import dev.fulcrum.vrrp.runtime.VrrpEngine;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fulcrum and keepalived 2.2.7 on one LAN from one keepalived.conf, in both roles and both
 * versions: the higher priority wins the election, only the master holds and answers for the VIP,
 * and the backup takes over with gratuitous ARP when the master resigns (RFC 5798 section 6.4.3)
 * or crashes (section 6.4.2, Master_Down_Timer).
 */
@SystemTest
class FulcrumKeepalivedTest {

    @TempDir
    Path directory;

    /** keepalived.conf(5) for one instance on e0: VRID 51, advert_int 1, VIP 192.0.2.100/24. */
    static String conf(String state, int priority, int version, String extra) {
        return """
                vrrp_instance VI_1 {
                    state %s
                    interface e0
                    virtual_router_id 51
                    priority %d
                    advert_int 1
                    version %d
                    %s
                    virtual_ipaddress {
                        192.0.2.100/24
                    }
                }
                """.formatted(state, priority, version, extra);
    }

    @ParameterizedTest(name = "VRRPv{0}")
    @ValueSource(ints = {2, 3})
    void keepalivedMasterFulcrumBackupTakesOverOnResignationAndCrash(int version) throws Exception {
        try (VrrpLan lan = VrrpLan.create(directory)) {
            Process keepalived = lan.startKeepalived(1, conf("MASTER", 200, version, ""));
            await("keepalived to hold the VIP", () -> lan.holds(1, VIP));
            VrrpEngine fulcrum = lan.startFulcrum(2, conf("BACKUP", 100, version, ""));
            await("Fulcrum to start as backup", () -> fulcrum.states().get("VI_1") == VrrpState.BACKUP);
            // Three advert intervals and more: Fulcrum's master down timer would have fired without keepalived's adverts.
            holdsFor("Fulcrum stays backup while keepalived advertises", 4_000,
                    () -> fulcrum.states().get("VI_1") == VrrpState.BACKUP && !lan.holds(2, VIP));
            assertTrue(lan.clientPings(VIP), "the master answers ping for the VIP");
            assertEquals(lan.macOf(1), lan.clientNeighbour(VIP), "the VIP resolves to keepalived's host");

            lan.crashKeepalived(keepalived);
            await("Fulcrum to become master after the crash", () -> fulcrum.states().get("VI_1") == VrrpState.MASTER);
            await("the VIP on Fulcrum's host", () -> lan.holds(2, VIP));
            lan.host(1).exec("ip", "address", "del", VIP + "/24", "dev", "e0"); // a crashed keepalived leaves it
            await("the client's neighbour entry to follow the gratuitous ARP",
                    () -> lan.clientNeighbour(VIP).equals(lan.macOf(2)));
            assertTrue(lan.clientPings(VIP), "the new master answers ping for the VIP");
        }
    }

    @ParameterizedTest(name = "VRRPv{0}")
    @ValueSource(ints = {2, 3})
    void fulcrumMasterKeepalivedBackupTakesOverOnResignation(int version) throws Exception {
        try (VrrpLan lan = VrrpLan.create(directory)) {
            VrrpEngine fulcrum = lan.startFulcrum(1, conf("MASTER", 200, version, ""));
            await("Fulcrum to become master", () -> fulcrum.states().get("VI_1") == VrrpState.MASTER);
            await("the VIP on Fulcrum's host", () -> lan.holds(1, VIP));
            lan.startKeepalived(2, conf("BACKUP", 100, version, ""));
            holdsFor("keepalived stays backup while Fulcrum advertises", 4_000,
                    () -> !lan.holds(2, VIP) && fulcrum.states().get("VI_1") == VrrpState.MASTER);
            assertTrue(lan.clientPings(VIP), "the master answers ping for the VIP");
            assertEquals(lan.macOf(1), lan.clientNeighbour(VIP), "the VIP resolves to Fulcrum's host");

            fulcrum.close(); // graceful: priority 0, VIP removed
            await("keepalived to take the VIP over", () -> lan.holds(2, VIP));
            assertTrue(!lan.holds(1, VIP), "Fulcrum removed the VIP when it resigned");
            await("the client's neighbour entry to follow keepalived's gratuitous ARP",
                    () -> lan.clientNeighbour(VIP).equals(lan.macOf(2)));
            assertTrue(lan.clientPings(VIP), "keepalived answers ping for the VIP");
        }
    }
}
