package dev.fulcrum.vrrp.system;

import static dev.fulcrum.vrrp.system.VrrpLan.VIP;
import static dev.fulcrum.vrrp.system.VrrpLan.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.testing.SystemTest;
import dev.fulcrum.vrrp.fsm.VrrpState;
import dev.fulcrum.vrrp.runtime.VrrpEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * vrrp_script as in appendix A ({@code script "killall -0 <proxy>"}), notify scripts and
 * vrrp_sync_group on a live LAN. The tracked "proxy" is a copy of sleep under a name unique to
 * this run, so that another haproxy on the machine cannot make the check pass.
 */
@SystemTest
class TrackingTest {

    private static final String VIP2 = "192.0.2.101";

    @TempDir
    Path directory;
    private String proxyName;
    private Path proxyBinary;
    private Process proxy;

    @BeforeEach
    void fakeProxy() throws Exception {
        proxyName = "hx" + ProcessHandle.current().pid();
        proxyBinary = Files.copy(Path.of("/bin/sleep"), directory.resolve(proxyName));
        startProxy();
    }

    @AfterEach
    void stopProxy() throws Exception {
        if (proxy != null) {
            proxy.destroyForcibly();
            proxy.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void startProxy() throws Exception {
        proxy = new ProcessBuilder(proxyBinary.toString(), "600").start();
    }

    private String script(int weight) {
        return """
                vrrp_script chk_proxy {
                    script "killall -0 %s"
                    interval 1
                    weight %d
                    fall 1
                    rise 1
                }
                """.formatted(proxyName, weight);
    }

    @Test
    void aFailingTrackScriptLowersThePriorityAndCausesFailoverAndNotifies() throws Exception {
        Path notifyLog = directory.resolve("notify.log");
        Path notify = Files.writeString(directory.resolve("notify.sh"), "#!/bin/sh\necho \"$@\" >> " + notifyLog + "\n");
        Files.setPosixFilePermissions(notify, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (VrrpLan lan = VrrpLan.create(directory)) {
            VrrpEngine tracked = lan.startFulcrum(1, script(-150) + FulcrumKeepalivedTest.conf("BACKUP", 200, 3,
                    "track_script {\n chk_proxy\n }"));
            await("the tracked router to become master", () -> is(tracked, "VI_1", VrrpState.MASTER));
            VrrpEngine other = lan.startFulcrum(2, FulcrumKeepalivedTest.conf("BACKUP", 100, 3,
                    "notify \"" + notify + " generic\"\nnotify_master \"" + notify + " became-master\""));
            await("the other router to be backup", () -> is(other, "VI_1", VrrpState.BACKUP));

            proxy.destroyForcibly();
            proxy.waitFor(10, TimeUnit.SECONDS);
            await("failover: 200 - 150 = 50 < 100", () -> is(other, "VI_1", VrrpState.MASTER)
                    && is(tracked, "VI_1", VrrpState.BACKUP) && lan.holds(2, VIP) && !lan.holds(1, VIP));
            await("notify_master, then notify with keepalived's arguments", () -> Files.exists(notifyLog)
                    && Files.readAllLines(notifyLog).containsAll(List.of("became-master",
                            "generic INSTANCE VI_1 MASTER 100")));
            assertTrue(Files.readAllLines(notifyLog).contains("generic INSTANCE VI_1 BACKUP 100"),
                    "the start as backup was notified too: " + Files.readAllLines(notifyLog));

            startProxy();
            await("the check succeeds again and the tracked router preempts", () -> is(tracked, "VI_1", VrrpState.MASTER)
                    && is(other, "VI_1", VrrpState.BACKUP) && lan.holds(1, VIP));
        }
    }

    @Test
    void aSyncGroupMovesBothInstancesTogether() throws Exception {
        try (VrrpLan lan = VrrpLan.create(directory)) {
            VrrpEngine first = lan.startFulcrum(1, script(0) + pair(200, "track_script {\n chk_proxy\n }"));
            await("both instances master on the first router", () -> is(first, "VI_1", VrrpState.MASTER)
                    && is(first, "VI_2", VrrpState.MASTER));
            VrrpEngine second = lan.startFulcrum(2, pair(100, ""));
            await("both backup on the second", () -> is(second, "VI_1", VrrpState.BACKUP)
                    && is(second, "VI_2", VrrpState.BACKUP));

            proxy.destroyForcibly(); // weight 0: VI_1 goes to FAULT, and VI_2 with it
            proxy.waitFor(10, TimeUnit.SECONDS);
            await("the group in FAULT on the first router", () -> is(first, "VI_1", VrrpState.FAULT)
                    && is(first, "VI_2", VrrpState.FAULT));
            await("both addresses on the second router", () -> is(second, "VI_1", VrrpState.MASTER)
                    && is(second, "VI_2", VrrpState.MASTER) && lan.holds(2, VIP) && lan.holds(2, VIP2)
                    && !lan.holds(1, VIP) && !lan.holds(1, VIP2));
        }
    }

    @Test
    void trackInterfaceWeightAndTheOwnInterfaceGoingDown() throws Exception {
        try (VrrpLan lan = VrrpLan.create(directory)) {
            lan.host(1).exec("ip", "link", "add", "d0", "type", "veth", "peer", "name", "d1"); // no dummy module here
            lan.host(1).exec("ip", "link", "set", "d1", "up");
            lan.host(1).exec("ip", "link", "set", "d0", "up");
            VrrpEngine tracked = lan.startFulcrum(1, FulcrumKeepalivedTest.conf("BACKUP", 200, 3,
                    "track_interface {\n d0 weight -150\n }"));
            await("master", () -> is(tracked, "VI_1", VrrpState.MASTER));
            VrrpEngine other = lan.startFulcrum(2, FulcrumKeepalivedTest.conf("BACKUP", 100, 3, ""));
            await("backup", () -> is(other, "VI_1", VrrpState.BACKUP));

            lan.host(1).exec("ip", "link", "set", "d0", "down");
            await("d0 down: 200 - 150 = 50, the peer preempts", () -> is(other, "VI_1", VrrpState.MASTER)
                    && is(tracked, "VI_1", VrrpState.BACKUP));
            lan.host(1).exec("ip", "link", "set", "d0", "up");
            await("d0 up again: back to 200, preempting", () -> is(tracked, "VI_1", VrrpState.MASTER)
                    && is(other, "VI_1", VrrpState.BACKUP));

            lan.host(1).exec("ip", "link", "set", "e0", "down");
            await("its own interface down: FAULT", () -> is(tracked, "VI_1", VrrpState.FAULT));
            await("the peer takes over", () -> is(other, "VI_1", VrrpState.MASTER) && lan.holds(2, VIP));
        }
    }

    /** Two instances in one sync group; only VI_1 gets {@code vi1Extra}. */
    private static String pair(int priority, String vi1Extra) {
        return """
                vrrp_sync_group G {
                    group {
                        VI_1
                        VI_2
                    }
                }
                """ + FulcrumKeepalivedTest.conf("BACKUP", priority, 3, vi1Extra)
                + FulcrumKeepalivedTest.conf("BACKUP", priority, 3, "").replace("VI_1", "VI_2")
                        .replace("virtual_router_id 51", "virtual_router_id 52").replace(VIP, VIP2);
    }

    private static boolean is(VrrpEngine engine, String instance, VrrpState state) {
        return engine.states().get(instance) == state;
    }
}
