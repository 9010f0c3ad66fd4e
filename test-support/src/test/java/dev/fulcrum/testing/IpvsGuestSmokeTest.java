package dev.fulcrum.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The kernel tier's smoke test: one guest boot proves that the guest runs the prepared kernel with
 * IPVS, that module autoload reaches the chroot (schedulers, the genetlink family), that ipvsadm
 * programs a NAT service with two real servers, and that the host's Java runs inside.
 */
@KernelTest
class IpvsGuestSmokeTest {

    private static final String SCRIPT = """
            set -e
            out=$FULCRUM_GUEST_OUT
            uname -r > "$out/kernel"
            # ip_vs.h: IP_VS_CONN_F_MASQ is "-m"; rr/wrr/mh load ip_vs_rr, ip_vs_wrr, ip_vs_mh on demand.
            ipvsadm -A -t 10.0.0.1:80 -s rr
            ipvsadm -a -t 10.0.0.1:80 -r 192.168.1.11:8080 -m -w 1
            ipvsadm -a -t 10.0.0.1:80 -r 192.168.1.12:8080 -m -w 2
            ipvsadm -Ln > "$out/table"
            genl ctrl get name IPVS > "$out/genl"
            ipvsadm -A -t 10.0.0.2:80 -s wrr
            ipvsadm -A -t 10.0.0.3:80 -s mh
            lsmod | awk '$1 ~ /^ip_vs/ { print $1 }' | sort > "$out/modules"
            "$JAVA" -version 2> "$out/java"
            """;

    @Test
    void ipvsadmProgramsTheGuestKernelAndAutoloadReachesTheChroot() throws IOException {
        KernelRig rig = KernelRig.locate();
        String java = ProcessHandle.current().info().command().orElse("java");
        // The JVM running this test, visible in the guest through the host's / (a path without quotes).
        GuestRun run = QemuGuest.run(rig, "JAVA='" + java + "'\n" + SCRIPT, Duration.ofSeconds(120));
        System.out.printf("kernel tier smoke test: boot + ipvsadm + java -version + power-off in %.1f s%n",
                run.elapsed().toMillis() / 1000.0);

        assertEquals(0, run.exitCode(), () -> "guest script failed:\n" + run.stdout() + run.stderr());
        assertEquals(Files.readString(rig.cache().resolve("current")).strip(), run.text("kernel").strip());
        assertEquals("""
                IP Virtual Server version 1.2.1 (size=4096)
                Prot LocalAddress:Port Scheduler Flags
                  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn
                TCP  10.0.0.1:80 rr
                  -> 192.168.1.11:8080            Masq    1      0          0         \n\
                  -> 192.168.1.12:8080            Masq    2      0          0         \n\
                """, run.text("table"));
        String genl = run.text("genl");
        assertTrue(genl.contains("Name: IPVS"), genl);
        // ip_vs.h: IPVS_CMD_NEW_SERVICE = 1 ... IPVS_CMD_GET_INFO = 15, IPVS_CMD_FLUSH = 17.
        assertTrue(genl.contains("ID-0x1 ") && genl.contains("ID-0xf ") && genl.contains("ID-0x11 "), genl);
        assertEquals("ip_vs\nip_vs_mh\nip_vs_rr\nip_vs_wrr\n", run.text("modules"));
        assertTrue(run.text("java").contains(System.getProperty("java.version")), run.text("java"));
    }
}
