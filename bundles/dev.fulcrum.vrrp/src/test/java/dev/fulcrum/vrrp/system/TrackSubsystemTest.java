package dev.fulcrum.vrrp.system;

import static dev.fulcrum.vrrp.system.VrrpLan.VIP;
import static dev.fulcrum.vrrp.system.VrrpLan.await;

import dev.fulcrum.api.status.SubsystemStatus;
import dev.fulcrum.testing.SystemTest;
import dev.fulcrum.vrrp.fsm.VrrpState;
import dev.fulcrum.vrrp.runtime.VrrpEngine;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fulcrum's track_subsystem on a live LAN: the "proxy" subsystem of the tracked router is a fake
 * whose status the test sets; its failure moves the VIP to the other router and its recovery back,
 * as appendix A's chk_haproxy does for a real haproxy.
 */
@SystemTest
class TrackSubsystemTest {

    @TempDir
    Path directory;

    @Test
    void aFailingProxySubsystemLowersThePriorityAndItsRecoveryPreempts() throws Exception {
        AtomicReference<SubsystemStatus> proxy = new AtomicReference<>(SubsystemStatus.active("proxy", "listening"));
        try (VrrpLan lan = VrrpLan.create(directory)) {
            VrrpEngine tracked = lan.startFulcrum(1, FulcrumKeepalivedTest.conf("BACKUP", 200, 3,
                    "track_subsystem {\n proxy weight -150\n }"),
                    name -> name.equals("proxy") ? Optional.ofNullable(proxy.get()) : Optional.empty());
            await("the tracked router to become master", () -> is(tracked, VrrpState.MASTER));
            VrrpEngine other = lan.startFulcrum(2, FulcrumKeepalivedTest.conf("BACKUP", 100, 3, ""));
            await("the other router to be backup", () -> is(other, VrrpState.BACKUP));

            proxy.set(SubsystemStatus.failed("proxy", "listener closed"));
            await("failover: 200 - 150 = 50 < 100", () -> is(other, VrrpState.MASTER) && is(tracked, VrrpState.BACKUP)
                    && lan.holds(2, VIP) && !lan.holds(1, VIP));

            proxy.set(SubsystemStatus.degraded("proxy", "one bind failed"));
            await("degraded still serves: back to 200, preempting", () -> is(tracked, VrrpState.MASTER)
                    && is(other, VrrpState.BACKUP) && lan.holds(1, VIP));

            proxy.set(null); // the proxy bundle stopped
            await("a stopped proxy fails over too", () -> is(other, VrrpState.MASTER) && is(tracked, VrrpState.BACKUP));
        }
    }

    private static boolean is(VrrpEngine engine, VrrpState state) {
        return engine.states().get("VI_1") == state;
    }
}
