package dev.fulcrum.ipvs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.testing.GuestRun;
import dev.fulcrum.testing.KernelTest;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The kernel tier of dev.fulcrum.ipvs: one boot of the kernel rig's guest (a Debian 6.1 kernel with
 * IPVS) runs {@link GuestTableCheck} over this module's compiled classes — NAT, DR, TUN, fwmark with
 * persistence and granularity, IPv6, the sync daemon, drift repair, typed kernel errors, each listing
 * compared with ipvsadm's, tunnel types (GUE, GRE) in {@code ipvsadm -Sn}, a NAT data path from a client
 * namespace through the VIP to two real servers whose real TCP_CHECKs take them out of the table and back
 * ({@link GuestHealthCheck}), a misc_dynamic MISC_CHECK script setting a real server's weight
 * ({@link GuestMiscDynamicCheck}), lvs_sync_daemon following a VRRP instance, and the owned services surviving
 * a restart of the subsystem.
 */
@KernelTest
class IpvsKernelTableTest {

    @Test
    void theProgrammedTableMatchesIpvsadmInARealKernel() throws IOException {
        GuestRun run = GuestScripts.run("table-check.sh", Duration.ofSeconds(900)); // TCG with other builds: minutes
        System.out.printf("ipvs kernel tier: boot + %d-line check in %.1f s%n", run.stdout().lines().count(),
                run.elapsed().toMillis() / 1000.0);
        System.out.print(run.stdout());
        assertEquals(0, run.exitCode(), () -> "guest check failed:\n" + run.stdout() + run.stderr());
    }
}
