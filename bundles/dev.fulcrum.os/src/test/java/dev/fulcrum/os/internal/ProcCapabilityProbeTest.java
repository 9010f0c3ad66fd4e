package dev.fulcrum.os.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.host.Feature;
import dev.fulcrum.api.host.HostCapabilities;
import dev.fulcrum.api.os.KernelModules;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcCapabilityProbeTest {

    private static final String TREE = "lib/modules/" + FakeTree.RELEASE + "/";

    @TempDir
    Path temp;

    private FakeTree tree;

    @BeforeEach
    void setUp() {
        tree = new FakeTree(temp).release();
    }

    private HostCapabilities probe(String... installed) {
        FakeProcessRunner runner = new FakeProcessRunner(installed);
        HostCapabilities capabilities = new ProcCapabilityProbe(temp, runner, new SysfsKernelModules(temp, runner)).probe();
        assertTrue(runner.commands.isEmpty(), () -> "the probe must not run programs, ran " + runner.commands);
        return capabilities;
    }

    @Test
    void rootWithAllCapabilities() {
        tree.status(0, "000001ffffffffff");
        HostCapabilities host = probe();
        assertTrue(host.root());
        assertTrue(host.netAdmin());
        assertTrue(host.netRaw());
    }

    @Test
    void unprivilegedWithNetAdminAndNetRaw() {
        tree.status(998, "0000000000003000"); // bits 12 and 13
        HostCapabilities host = probe();
        assertFalse(host.root());
        assertTrue(host.netAdmin());
        assertTrue(host.netRaw());
    }

    @Test
    void bitTwelveIsNetAdminAndBitThirteenNetRaw() {
        tree.status(998, "0000000000001000");
        HostCapabilities admin = probe();
        assertTrue(admin.netAdmin());
        assertFalse(admin.netRaw());

        tree.status(998, "0000000000002000");
        HostCapabilities raw = probe();
        assertFalse(raw.netAdmin());
        assertTrue(raw.netRaw());
    }

    @Test
    void plainUnprivileged() {
        tree.status(1000, "0000000000000000");
        HostCapabilities host = probe();
        assertFalse(host.root());
        assertFalse(host.netAdmin());
        assertFalse(host.netRaw());
    }

    @Test
    void rootWhoseCapabilitiesWereDropped() {
        tree.status(0, "00000000a80425fb"); // Docker's default set: no CAP_NET_ADMIN, has CAP_NET_RAW
        HostCapabilities host = probe();
        assertTrue(host.root());
        assertFalse(host.netAdmin());
        assertTrue(host.netRaw());
    }

    @Test
    void missingOrGarbledStatusMeansNoPrivilegesAndNoException() {
        HostCapabilities missing = probe();
        assertFalse(missing.root() || missing.netAdmin() || missing.netRaw());

        tree.file("proc/self/status", "Uid:\tzero\nCapEff:\txyz\n");
        HostCapabilities garbled = probe();
        assertFalse(garbled.root() || garbled.netAdmin() || garbled.netRaw());
    }

    @Test
    void ipvsLoaded() {
        tree.file("proc/net/ip_vs", "IP Virtual Server version 1.2.1 (size=4096)\n");
        assertEquals(Feature.available("ip_vs loaded"), probe().ipvs());
    }

    @Test
    void ipvsLoadable() {
        tree.file(TREE + "modules.dep", "kernel/net/netfilter/ipvs/ip_vs.ko.xz: kernel/net/netfilter/nf_conntrack.ko.xz\n");
        assertEquals(Feature.available("ip_vs module available for kernel " + FakeTree.RELEASE + ", not loaded"),
                probe().ipvs());
    }

    @Test
    void ipvsMissing() {
        assertEquals(Feature.missing("no ip_vs in kernel " + FakeTree.RELEASE + " (CONFIG_IP_VS not set?)"),
                probe().ipvs());
    }

    @Test
    void ipvsMissingWithUnknownRelease(@TempDir Path empty) {
        FakeProcessRunner runner = new FakeProcessRunner();
        Feature ipvs = new ProcCapabilityProbe(empty, runner, new SysfsKernelModules(empty, runner)).probe().ipvs();
        assertEquals(Feature.missing("no ip_vs in kernel unknown (CONFIG_IP_VS not set?)"), ipvs);
    }

    @Test
    void nftablesNeedsProgramAndKernel() {
        tree.file(TREE + "modules.dep", "kernel/net/netfilter/nf_tables.ko.xz: kernel/net/netfilter/nfnetlink.ko.xz\n");
        Feature both = probe("nft").nftables();
        assertTrue(both.available(), both.detail());
        assertTrue(both.detail().startsWith("nft installed, nf_tables available for kernel"), both.detail());

        Feature noProgram = probe().nftables();
        assertFalse(noProgram.available());
        assertTrue(noProgram.detail().contains("nft program is not installed"), noProgram.detail());
    }

    @Test
    void nftablesWithoutKernelSupport() {
        Feature kernelOnlyMissing = probe("nft").nftables();
        assertFalse(kernelOnlyMissing.available());
        assertEquals("nft installed, but no nf_tables in kernel " + FakeTree.RELEASE + " (CONFIG_NF_TABLES not set?)",
                kernelOnlyMissing.detail());

        Feature bothMissing = probe().nftables();
        assertFalse(bothMissing.available());
        assertTrue(bothMissing.detail().endsWith("and no nft program"), bothMissing.detail());
    }

    @Test
    void nftablesLoaded() {
        tree.directory("sys/module/nf_tables");
        assertEquals(Feature.available("nft installed, nf_tables loaded"), probe("nft").nftables());
    }

    @Test
    void nftablesBuiltIntoAKernelWithoutModules() {
        // CONFIG_MODULES not set: no /proc/modules, no /lib/modules; only the configuration tells.
        tree.gzip("proc/config.gz", "# CONFIG_MODULES is not set\nCONFIG_NF_TABLES=y\n");
        Feature nftables = probe("nft").nftables();
        assertTrue(nftables.available(), nftables.detail());
        assertEquals("nft installed, nf_tables built into kernel " + FakeTree.RELEASE
                + " (CONFIG_NF_TABLES=y in proc/config.gz)", nftables.detail());
    }

    @Test
    void nftablesAsAnUninstalledModuleIsMissing() {
        tree.file("boot/config-" + FakeTree.RELEASE, "CONFIG_NF_TABLES=m\n");
        assertFalse(probe("nft").nftables().available());
    }

    @Test
    void aFailingKernelModulesServiceBecomesADetail() {
        tree.status(0, "000001ffffffffff");
        KernelModules broken = new KernelModules() {
            @Override
            public boolean isLoaded(String module) {
                throw new IllegalStateException("sysfs gone");
            }

            @Override
            public boolean isAvailable(String module) {
                throw new IllegalStateException("sysfs gone");
            }

            @Override
            public void load(String module) {
                throw new AssertionError("the probe must not load modules");
            }
        };
        HostCapabilities host = new ProcCapabilityProbe(temp, new FakeProcessRunner("nft"), broken).probe();
        assertTrue(host.root());
        assertFalse(host.ipvs().available());
        assertTrue(host.ipvs().detail().contains("sysfs gone"), host.ipvs().detail());
        assertFalse(host.nftables().available());
        assertTrue(host.nftables().detail().startsWith("probe failed"), host.nftables().detail());
    }
}
