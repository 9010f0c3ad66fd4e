package dev.fulcrum.vrrp.system;

import static dev.fulcrum.vrrp.system.FulcrumKeepalivedTest.conf;
import static dev.fulcrum.vrrp.system.VrrpLan.VIP;
import static dev.fulcrum.vrrp.system.VrrpLan.await;
import static dev.fulcrum.vrrp.system.VrrpLan.holdsFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.testing.SystemTest;
import dev.fulcrum.vrrp.fsm.VrrpState;
import dev.fulcrum.vrrp.runtime.VrrpEngine;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Preemption between Fulcrum and keepalived 2.2.7 (RFC 5798 section 6.4.2/6.4.3, Preempt_Mode;
 * keepalived.conf(5) {@code nopreempt}): a higher priority that joins takes the master role over
 * from a running lower-priority master, in either direction, unless it is configured not to.
 */
@SystemTest
class KeepalivedPreemptionTest {

    @TempDir
    Path directory;

    private static boolean is(VrrpEngine engine, VrrpState state) {
        return engine.states().get("VI_1") == state;
    }

    /** v2 and v3: a v3 backup learns Master_Adver_Interval, a v2 one compares advert_int (RFC 3768 section 7.1). */
    @ParameterizedTest(name = "VRRPv{0}")
    @ValueSource(ints = {2, 3})
    void fulcrumWithAHigherPriorityPreemptsKeepalived(int version) throws Exception {
        try (VrrpLan lan = VrrpLan.create(directory)) {
            lan.startKeepalived(1, conf("MASTER", 100, version, ""));
            await("keepalived to hold the VIP", () -> lan.holds(1, VIP));
            await("the client to reach the VIP on keepalived's host", () -> lan.clientPings(VIP)
                    && lan.clientNeighbour(VIP).equals(lan.macOf(1)));
            VrrpEngine fulcrum = lan.startFulcrum(2, conf("BACKUP", 200, version, ""));
            await("Fulcrum to preempt and keepalived to release the VIP",
                    () -> is(fulcrum, VrrpState.MASTER) && lan.holds(2, VIP) && !lan.holds(1, VIP));
            await("the client's neighbour entry to follow Fulcrum's gratuitous ARP",
                    () -> lan.clientNeighbour(VIP).equals(lan.macOf(2)));
            assertTrue(lan.clientPings(VIP), "the new master answers ping for the VIP");
            holdsFor("keepalived stays backup", 2_000, () -> !lan.holds(1, VIP) && is(fulcrum, VrrpState.MASTER));
        }
    }

    @Test
    void keepalivedWithAHigherPriorityPreemptsFulcrum() throws Exception {
        try (VrrpLan lan = VrrpLan.create(directory)) {
            VrrpEngine fulcrum = lan.startFulcrum(1, conf("MASTER", 100, 3, ""));
            await("Fulcrum to hold the VIP", () -> is(fulcrum, VrrpState.MASTER) && lan.holds(1, VIP));
            await("the client to reach the VIP on Fulcrum's host", () -> lan.clientPings(VIP)
                    && lan.clientNeighbour(VIP).equals(lan.macOf(1)));
            lan.startKeepalived(2, conf("BACKUP", 200, 3, ""));
            await("keepalived to preempt and Fulcrum to step down",
                    () -> lan.holds(2, VIP) && is(fulcrum, VrrpState.BACKUP) && !lan.holds(1, VIP));
            await("the client's neighbour entry to follow keepalived's gratuitous ARP",
                    () -> lan.clientNeighbour(VIP).equals(lan.macOf(2)));
            assertTrue(lan.clientPings(VIP), "the new master answers ping for the VIP");
        }
    }

    /**
     * keepalived.conf(5) {@code nopreempt} (state BACKUP on both): whoever became master first stays
     * master, whichever of the two implementations that is; the later one with priority 200 stays backup.
     */
    @ParameterizedTest(name = "keepalived first: {0}")
    @ValueSource(booleans = {true, false})
    void withNopreemptTheRunningMasterStays(boolean keepalivedFirst) throws Exception {
        try (VrrpLan lan = VrrpLan.create(directory)) {
            String first = conf("BACKUP", 100, 3, "nopreempt");
            String second = conf("BACKUP", 200, 3, "nopreempt");
            VrrpEngine fulcrum;
            if (keepalivedFirst) {
                lan.startKeepalived(1, first);
                await("keepalived to become master alone", () -> lan.holds(1, VIP));
                fulcrum = lan.startFulcrum(2, second);
            } else {
                fulcrum = lan.startFulcrum(1, first);
                await("Fulcrum to become master alone", () -> is(fulcrum, VrrpState.MASTER) && lan.holds(1, VIP));
                lan.startKeepalived(2, second);
            }
            // Well past the newcomer's master down interval (3.2 s): only nopreempt keeps it backup.
            holdsFor("the priority-200 newcomer does not preempt", 5_000,
                    () -> lan.holds(1, VIP) && !lan.holds(2, VIP)
                            && is(fulcrum, keepalivedFirst ? VrrpState.BACKUP : VrrpState.MASTER));
            assertTrue(lan.clientPings(VIP), "the master answers ping for the VIP");
            assertEquals(lan.macOf(1), lan.clientNeighbour(VIP), "the VIP resolves to the first master's host");
        }
    }
}
