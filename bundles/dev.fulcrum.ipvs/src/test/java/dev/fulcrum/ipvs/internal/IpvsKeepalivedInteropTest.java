package dev.fulcrum.ipvs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.testing.GuestRun;
import dev.fulcrum.testing.KernelTest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Interop with keepalived in one boot of the kernel rig's guest ({@link GuestKeepalivedInterop}): the
 * seed's chapter 4.1 (NAT, four real servers, rr) and 4.2 (direct routing, persistence) keepalived.conf
 * files, as corrected in dev.fulcrum.config's test resources, programmed by real keepalived's checker
 * and by Fulcrum, print identically in {@code ipvsadm -Ln}; and so do the weights a sequence of MISC_CHECK
 * {@code misc_dynamic} exit statuses sets under each ({@link GuestMiscDynamicInterop}).
 */
@KernelTest
class IpvsKeepalivedInteropTest {

    @Test
    void keepalivedAndFulcrumProgramTheSameTableForTheSeedChapters41And42() throws IOException {
        Path seeds = GuestScripts.repository().resolve("bundles/dev.fulcrum.config/src/test/resources/keepalived");
        GuestRun run = GuestScripts.run("interop-check.sh", Duration.ofSeconds(400),
                seeds.resolve("seed-4.1-lb1.corrected.conf").toString(), seeds.resolve("seed-4.2-dr-master.corrected.conf").toString());
        System.out.printf("ipvs interop: boot + check in %.1f s%n", run.elapsed().toMillis() / 1000.0);
        System.out.print(run.stdout());
        assertEquals(0, run.exitCode(), () -> "interop check failed:\n" + run.stdout() + run.stderr());
        assertTrue(run.stdout().contains("CHECK ok   " + seeds.resolve("seed-4.2-dr-master.corrected.conf")
                + ": ipvsadm -Ln after keepalived == after Fulcrum"), run::stdout);
        assertTrue(run.stdout().contains("CHECK ok   misc_dynamic step 5"), run::stdout);
    }
}
