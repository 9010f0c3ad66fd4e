package dev.fulcrum.vrrp.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.testing.NetworkNamespace;
import dev.fulcrum.testing.SystemTest;
import dev.fulcrum.vrrp.packet.AdvertCodec;
import dev.fulcrum.vrrp.packet.Advertisement;
import dev.fulcrum.vrrp.packet.IpEnvelope;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * keepalived 2.2.7 (Debian keepalived) as the peer that judges our bytes: a backup instance in a
 * network namespace hears VRRPv3 adverts that Fulcrum encoded (replayed onto the veth by tcpreplay,
 * Debian tcpreplay). While our priority-200 adverts flow it stays BACKUP well past its master down
 * interval (3.609 s); one with a broken checksum it logs as invalid; our priority-0 advert makes it
 * take over (RFC 5798 section 6.4.2).
 */
@SystemTest
class KeepalivedInteropTest {

    @TempDir
    Path directory;

    @Test
    void keepalivedFollowsOurAdvertsAndTakesOverOnOurResignation() throws Exception {
        try (KeepalivedRig rig = KeepalivedRig.create(directory)) {
            rig.startKeepalived(KeepalivedRig.instance("BACKUP", 100));
            Path log = rig.log();
            awaitLog(log, "Entering BACKUP STATE", 20);
            replay(rig.namespace(), adverts(200, 12, true)); // 6 s of adverts, one of them with a bad checksum
            String during = Files.readString(log);
            assertFalse(during.contains("Entering MASTER STATE"), during);
            assertTrue(during.contains("Invalid VRRPv3 checksum"), "keepalived checks checksums: " + during);
            assertFalse(rig.namespace().exec("ip", "-4", "address", "show", "dev", "va").contains("192.0.2.100"));

            long resigned = System.nanoTime();
            replay(rig.namespace(), adverts(0, 1, false));
            awaitLog(log, "Entering MASTER STATE", 15);
            System.out.printf("keepalived became master %.3f s after our priority-0 advert (skew 0.609 s)%n",
                    (System.nanoTime() - resigned) / 1e9);
            assertTrue(rig.namespace().exec("ip", "-4", "address", "show", "dev", "va").contains("192.0.2.100"));
        }
    }

    /** {@code count} adverts of VRID 51 from 192.0.2.2, 0.5 s apart; the second one corrupted if asked. */
    private Path adverts(int priority, int count, boolean oneBad) throws IOException {
        IpEnvelope envelope = new IpEnvelope(InetAddress.getByName("192.0.2.2"), InetAddress.getByName("224.0.0.18"),
                255);
        Advertisement advert = Advertisement.v3(51, priority, 100, List.of(InetAddress.getByName("192.0.2.100")));
        byte[] good = new AdvertCodec(false).encode(advert, envelope);
        byte[] bad = good.clone();
        bad[7] ^= 0x01;
        PcapWriter pcap = new PcapWriter(true);
        for (int i = 0; i < count; i++) {
            pcap.add(envelope, oneBad && i == 1 ? bad : good, 500_000);
        }
        return Files.write(directory.resolve("adverts-" + priority + ".pcap"), pcap.bytes());
    }

    private static void replay(NetworkNamespace namespace, Path pcap) throws IOException {
        namespace.exec("tcpreplay", "-q", "-i", "vb", pcap.toString());
    }

    /** Polls the log (keepalived's own timers are real time) until the text appears or the limit passes. */
    private static void awaitLog(Path log, String text, int seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        assertEquals(text, "not in the keepalived log after " + seconds + " s:\n" + Files.readString(log));
    }
}
