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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fulcrum and keepalived 2.2.7 configured for different routers on one LAN: each drops the
 * other's adverts (RFC 3768 / RFC 5798 section 7.1 receive checks), so both become master of
 * their own idea of the VIP; Fulcrum counts the drops by reason and both sides log why.
 */
@SystemTest
class KeepalivedMismatchTest {

    @TempDir
    Path directory;

    private static final String AUTH = "authentication {\n auth_type PASS\n auth_pass %s\n }";

    @Test
    void anotherAuthPassIsIgnoredByBoth() throws Exception {
        assertBothMasterAndDropped(conf("MASTER", 200, 2, AUTH.formatted("secret1")),
                conf("BACKUP", 100, 2, AUTH.formatted("secret2")), DropReason.AUTHENTICATION,
                "(VI_1) received an invalid passwd!", "(VI_1) dropped from 192.0.2.1: AUTHENTICATION");
    }

    @Test
    void anotherVridIsIgnoredByBoth() throws Exception {
        // keepalived.conf(5) global_defs log_unknown_vrids: keepalived says so for VRIDs it does not run.
        assertBothMasterAndDropped("global_defs {\n log_unknown_vrids\n}\n" + conf("MASTER", 200, 3, ""),
                conf("BACKUP", 100, 3, "").replace("virtual_router_id 51", "virtual_router_id 52"), DropReason.VRID,
                "Unknown VRID(52) received on interface(e0)", null);
    }

    /** keepalived logs "wrong version"; Fulcrum logs the drop at INFO too, and counts it. */
    @Test
    void anotherVersionOnTheSameVridIsLoggedByBoth() throws Exception {
        assertBothMasterAndDropped(conf("MASTER", 200, 2, ""), conf("BACKUP", 100, 3, ""), DropReason.VERSION,
                "(VI_1) wrong version. Received 3 and expect 2",
                "(VI_1) dropped from 192.0.2.1: VERSION: VRRPv2 advert for a VRRPv3 instance");
    }

    /**
     * keepalived on host 1 as the priority-200 master, then Fulcrum on host 2 as the priority-100
     * backup: had Fulcrum accepted keepalived's adverts it would stay backup.
     */
    private void assertBothMasterAndDropped(String keepalivedConf, String fulcrumConf, DropReason reason,
            String keepalivedSays, String fulcrumSays) throws Exception {
        try (VrrpLan lan = VrrpLan.create(directory); LogCapture log = LogCapture.of(VrrpRouter.class)) {
            Process keepalived = lan.startKeepalived(1, keepalivedConf);
            await("keepalived to hold the VIP", () -> lan.holds(1, VIP));
            VrrpEngine fulcrum = lan.startFulcrum(2, fulcrumConf);
            await("Fulcrum to become master beside keepalived",
                    () -> fulcrum.states().get("VI_1") == VrrpState.MASTER && lan.holds(2, VIP));
            await("keepalived to log that it ignored Fulcrum's adverts",
                    () -> lan.keepalivedLog(keepalived).contains(keepalivedSays));
            assertTrue(lan.holds(1, VIP), "keepalived stays master: it ignored Fulcrum's adverts");
            long drops = fulcrum.router("VI_1").drops().get(reason);
            assertTrue(drops >= 3, "Fulcrum dropped keepalived's adverts for " + reason + ": " + drops);
            assertEquals(drops, fulcrum.router("VI_1").drops().total(), "no drop for another reason");
            if (fulcrumSays != null) {
                assertTrue(log.contains(fulcrumSays), "Fulcrum logged the drop: " + fulcrumSays);
            }
        }
    }
}
