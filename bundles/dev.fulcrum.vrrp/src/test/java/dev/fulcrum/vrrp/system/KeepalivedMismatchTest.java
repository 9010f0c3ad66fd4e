package dev.fulcrum.vrrp.system;

import static dev.fulcrum.vrrp.system.FulcrumKeepalivedTest.conf;
import static dev.fulcrum.vrrp.system.VrrpLan.VIP;
import static dev.fulcrum.vrrp.system.VrrpLan.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.testing.SystemTest;
import dev.fulcrum.vrrp.fsm.VrrpState;
import dev.fulcrum.vrrp.packet.DropReason;
import dev.fulcrum.vrrp.runtime.LogCapture;
import dev.fulcrum.vrrp.runtime.VrrpEngine;
import dev.fulcrum.vrrp.runtime.VrrpRouter;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fulcrum and keepalived 2.2.7 configured for different routers on one LAN: each drops the
 * other's adverts (RFC 3768 / RFC 5798 section 7.1 receive checks), so both become master of the
 * VIP. Each test runs twice, so that each implementation in turn is the lower-priority newcomer
 * that would have stayed backup had it accepted the running master's adverts. Fulcrum counts the
 * drops by reason; both log why where keepalived does.
 */
@SystemTest
class KeepalivedMismatchTest {

    private static final String AUTH = "authentication {\n auth_type PASS\n auth_pass %s\n }";

    @TempDir
    Path directory;

    /** One side's keepalived.conf for a given {@code state} and {@code priority}. */
    private interface Conf {
        String of(String state, int priority);
    }

    @ParameterizedTest(name = "keepalived first: {0}")
    @ValueSource(booleans = {true, false})
    void anotherAuthPassIsIgnoredByBoth(boolean keepalivedFirst) throws Exception {
        assertBothMasterAndDropped(keepalivedFirst, (state, priority) -> conf(state, priority, 2,
                AUTH.formatted("secret1")), (state, priority) -> conf(state, priority, 2, AUTH.formatted("secret2")),
                DropReason.AUTHENTICATION, "(VI_1) received an invalid passwd!",
                "AUTHENTICATION: simple text password mismatch");
    }

    /** Fulcrum logs an unknown VRID only at DEBUG: on a shared LAN other routers' VRIDs are normal. */
    @ParameterizedTest(name = "keepalived first: {0}")
    @ValueSource(booleans = {true, false})
    void anotherVridIsIgnoredByBoth(boolean keepalivedFirst) throws Exception {
        // keepalived.conf(5) global_defs log_unknown_vrids: keepalived says so for VRIDs it does not run.
        assertBothMasterAndDropped(keepalivedFirst,
                (state, priority) -> "global_defs {\n log_unknown_vrids\n}\n" + conf(state, priority, 3, ""),
                (state, priority) -> conf(state, priority, 3, "")
                        .replace("virtual_router_id 51", "virtual_router_id 52"),
                DropReason.VRID, "Unknown VRID(52) received on interface(e0)", null);
    }

    /** keepalived logs "wrong version"; Fulcrum logs the drop at INFO too, and counts it. */
    @ParameterizedTest(name = "keepalived first: {0}")
    @ValueSource(booleans = {true, false})
    void anotherVersionOnTheSameVridIsLoggedByBoth(boolean keepalivedFirst) throws Exception {
        assertBothMasterAndDropped(keepalivedFirst, (state, priority) -> conf(state, priority, 2, ""),
                (state, priority) -> conf(state, priority, 3, ""), DropReason.VERSION,
                "(VI_1) wrong version. Received 3 and expect 2", "VERSION: VRRPv2 advert for a VRRPv3 instance");
    }

    /**
     * The first side on host 1 as the priority-200 master, then the other on host 2 as a
     * priority-100 backup; {@code fulcrumSays}: Fulcrum's drop as logged after the source address.
     */
    private void assertBothMasterAndDropped(boolean keepalivedFirst, Conf keepalivedConf, Conf fulcrumConf,
            DropReason reason, String keepalivedSays, String fulcrumSays) throws Exception {
        try (VrrpLan lan = VrrpLan.create(directory); LogCapture log = LogCapture.of(VrrpRouter.class)) {
            Process keepalived;
            VrrpEngine fulcrum;
            if (keepalivedFirst) {
                keepalived = lan.startKeepalived(1, keepalivedConf.of("MASTER", 200));
                await("keepalived to hold the VIP", () -> lan.holds(1, VIP));
                fulcrum = lan.startFulcrum(2, fulcrumConf.of("BACKUP", 100));
            } else {
                fulcrum = lan.startFulcrum(1, fulcrumConf.of("MASTER", 200));
                await("Fulcrum to hold the VIP", () -> lan.holds(1, VIP));
                keepalived = lan.startKeepalived(2, keepalivedConf.of("BACKUP", 100));
            }
            await("the priority-100 newcomer to become master beside the first", () -> lan.holds(1, VIP)
                    && lan.holds(2, VIP) && fulcrum.states().get("VI_1") == VrrpState.MASTER);
            await("keepalived to log that it ignored Fulcrum's adverts",
                    () -> lan.keepalivedLog(keepalived).contains(keepalivedSays));
            long drops = fulcrum.router("VI_1").drops().get(reason);
            assertTrue(drops >= 1, "Fulcrum dropped keepalived's adverts for " + reason);
            assertEquals(drops, fulcrum.router("VI_1").drops().total(), "no drop for another reason");
            if (fulcrumSays != null) {
                String line = "(VI_1) dropped from 192.0.2." + (keepalivedFirst ? 1 : 2) + ": " + fulcrumSays;
                assertTrue(log.contains(line), "Fulcrum logged: " + line);
            }
        }
    }
}
