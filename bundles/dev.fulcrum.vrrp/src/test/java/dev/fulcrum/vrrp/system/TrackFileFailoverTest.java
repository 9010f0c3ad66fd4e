package dev.fulcrum.vrrp.system;

import static dev.fulcrum.vrrp.system.FulcrumKeepalivedTest.conf;
import static dev.fulcrum.vrrp.system.VrrpLan.VIP;
import static dev.fulcrum.vrrp.system.VrrpLan.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.testing.SystemTest;
import dev.fulcrum.vrrp.fsm.VrrpState;
import dev.fulcrum.vrrp.runtime.VrrpEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * keepalived.conf(5) "Track files" on a live LAN against keepalived 2.2.7 as the backup: the test
 * writes the tracked file as an operator would ({@code echo N > FILE}) and Fulcrum's VRRP follows it.
 */
@SystemTest
class TrackFileFailoverTest {

    @TempDir
    Path directory;

    private String trackFile(String name, String weight) {
        return """
                track_file %s {
                    file "%s"
                    weight %s
                    init_file 0 overwrite
                }
                """.formatted(name, directory.resolve(name), weight);
    }

    private void write(String name, int value) throws Exception {
        Files.writeString(directory.resolve(name), value + "\n");
    }

    /** Fulcrum (priority 200, tracking {@code name} with {@code weight}) master on host 1, keepalived (100) backup on host 2. */
    private VrrpEngine fulcrumMasterKeepalivedBackup(VrrpLan lan, String name, String weight) throws Exception {
        VrrpEngine fulcrum = lan.startFulcrum(1, trackFile(name, weight)
                + conf("BACKUP", 200, 3, "track_file {\n " + name + "\n }"));
        await("Fulcrum master with init_file's 0", () -> is(fulcrum, VrrpState.MASTER) && lan.holds(1, VIP));
        assertEquals("0\n", Files.readString(directory.resolve(name)), "init_file wrote the file");
        Process keepalived = lan.startKeepalived(2, conf("BACKUP", 100, 3, ""));
        await("keepalived backup", () -> lan.keepalivedLog(keepalived).contains("Entering BACKUP STATE"));
        return fulcrum;
    }

    private static boolean is(VrrpEngine engine, VrrpState state) {
        return engine.states().get("VI_1") == state;
    }

    @Test
    void aValueTimesWeightLowersThePriorityBelowKeepalivedAndBackPreempts() throws Exception {
        try (VrrpLan lan = VrrpLan.create(directory)) {
            VrrpEngine fulcrum = fulcrumMasterKeepalivedBackup(lan, "load", "-1");

            write("load", 150);
            await("200 - 150 = 50 < 100: keepalived takes over", () -> lan.holds(2, VIP) && !lan.holds(1, VIP)
                    && is(fulcrum, VrrpState.BACKUP));
            assertEquals(50, fulcrum.router("VI_1").priority());

            write("load", 0);
            await("back to 200: Fulcrum preempts", () -> is(fulcrum, VrrpState.MASTER) && lan.holds(1, VIP)
                    && !lan.holds(2, VIP));
            assertEquals(200, fulcrum.router("VI_1").priority());
        }
    }

    @Test
    void withWeightZeroANonZeroValueIsFault() throws Exception {
        try (VrrpLan lan = VrrpLan.create(directory)) {
            VrrpEngine fulcrum = fulcrumMasterKeepalivedBackup(lan, "gate", "0");

            write("gate", 3);
            await("FAULT: Fulcrum resigns and keepalived takes over", () -> is(fulcrum, VrrpState.FAULT)
                    && lan.holds(2, VIP) && !lan.holds(1, VIP));

            Files.delete(directory.resolve("gate"));
            await("a deleted file is 0: out of FAULT, and priority 200 preempts", () -> is(fulcrum, VrrpState.MASTER)
                    && lan.holds(1, VIP) && !lan.holds(2, VIP));
        }
    }
}
