package dev.fulcrum.vrrp.system;

import static dev.fulcrum.vrrp.system.VrrpLan.VIP;
import static dev.fulcrum.vrrp.system.VrrpLan.await;
import static dev.fulcrum.vrrp.system.VrrpLan.holdsFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.config.keepalived.model.KeepalivedConfig;
import dev.fulcrum.testing.SystemTest;
import dev.fulcrum.vrrp.fsm.VrrpState;
import dev.fulcrum.vrrp.packet.DropReason;
import dev.fulcrum.vrrp.runtime.VrrpEngine;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fulcrum against Fulcrum on one LAN: election, preemption, handover, crash, mismatches ignored. */
@SystemTest
class FulcrumPairTest {

    @TempDir
    Path directory;

    private static String conf(int priority, int version, String extra) {
        return FulcrumKeepalivedTest.conf("BACKUP", priority, version, extra);
    }

    private static boolean is(VrrpEngine engine, VrrpState state) {
        return engine.states().get("VI_1") == state;
    }

    @Test
    void higherPriorityWinsAndHandsOverGracefullyWithPriorityZero() throws Exception {
        try (VrrpLan lan = VrrpLan.create(directory)) {
            VrrpEngine low = lan.startFulcrum(1, conf(100, 3, ""));
            VrrpEngine high = lan.startFulcrum(2, conf(200, 3, ""));
            await("the priority-200 router to become master", () -> is(high, VrrpState.MASTER) && lan.holds(2, VIP));
            holdsFor("the priority-100 router stays backup", 4_000, () -> is(low, VrrpState.BACKUP) && !lan.holds(1, VIP));
            assertTrue(lan.clientPings(VIP));
            assertEquals(lan.macOf(2), lan.clientNeighbour(VIP), "only the master answers for the VIP");

            high.close();
            await("the backup to take over after the resignation", () -> is(low, VrrpState.MASTER) && lan.holds(1, VIP));
            assertFalse(lan.holds(2, VIP), "the resigning master removed the VIP");
            await("the client's neighbour entry to follow the gratuitous ARP",
                    () -> lan.clientNeighbour(VIP).equals(lan.macOf(1)));
            assertTrue(lan.clientPings(VIP));
        }
    }

    @Test
    void crashOfTheMasterFailsOverAfterTheMasterDownInterval() throws Exception {
        try (VrrpLan lan = VrrpLan.create(directory)) {
            VrrpEngine master = lan.startFulcrum(1, conf(200, 2, ""));
            await("master", () -> is(master, VrrpState.MASTER));
            VrrpEngine backup = lan.startFulcrum(2, conf(100, 2, ""));
            await("backup", () -> is(backup, VrrpState.BACKUP));
            master.abort(); // no priority 0: the backup must notice the silence
            lan.host(1).exec("ip", "address", "del", VIP + "/24", "dev", "e0"); // a crashed router's leftover
            await("the backup to take over", () -> is(backup, VrrpState.MASTER) && lan.holds(2, VIP));
            await("the VIP to answer from the backup", () -> lan.clientPings(VIP)
                    && lan.clientNeighbour(VIP).equals(lan.macOf(2)));
        }
    }

    @Test
    void aHigherPriorityPreemptsByLiveChangeUnlessNopreempt() throws Exception {
        try (VrrpLan lan = VrrpLan.create(directory)) {
            VrrpEngine first = lan.startFulcrum(1, conf(150, 3, ""));
            await("first master", () -> is(first, VrrpState.MASTER));
            VrrpEngine second = lan.startFulcrum(2, conf(100, 3, "nopreempt"));
            await("second backup", () -> is(second, VrrpState.BACKUP));
            apply(lan, second, conf(200, 3, "nopreempt"));
            holdsFor("nopreempt: a higher priority does not take over", 4_000,
                    () -> is(second, VrrpState.BACKUP) && is(first, VrrpState.MASTER));
            apply(lan, second, conf(200, 3, ""));
            await("without nopreempt the higher priority preempts", () -> is(second, VrrpState.MASTER)
                    && is(first, VrrpState.BACKUP) && lan.holds(2, VIP) && !lan.holds(1, VIP));
            apply(lan, second, conf(210, 3, ""));
            holdsFor("a priority change does not flap the master", 2_000, () -> is(second, VrrpState.MASTER));
        }
    }

    @Test
    void advertsWithAnotherPasswordOrVridAreIgnoredAndCounted() throws Exception {
        try (VrrpLan lan = VrrpLan.create(directory)) {
            String auth = "authentication {\n auth_type PASS\n auth_pass %s\n }";
            VrrpEngine one = lan.startFulcrum(1, conf(200, 2, auth.formatted("secret1")));
            VrrpEngine two = lan.startFulcrum(2, conf(100, 2, auth.formatted("secret2")));
            await("both to be master: neither accepts the other's adverts",
                    () -> is(one, VrrpState.MASTER) && is(two, VrrpState.MASTER));
            await("dropped for authentication", () -> two.router("VI_1").drops().get(DropReason.AUTHENTICATION) > 0);
            two.close();
            VrrpEngine other = lan.startFulcrum(2, conf(100, 2, auth.formatted("secret1"))
                    .replace("virtual_router_id 51", "virtual_router_id 52"));
            await("another VRID: master too", () -> is(other, VrrpState.MASTER));
            await("dropped for the VRID", () -> other.router("VI_1").drops().get(DropReason.VRID) > 0);
        }
    }

    private static void apply(VrrpLan lan, VrrpEngine engine, String config) throws Exception {
        KeepalivedConfig parsed = lan.parse(config);
        assertEquals(List.of(), engine.apply(parsed.vrrp(), parsed.global().vrrp()));
    }
}
