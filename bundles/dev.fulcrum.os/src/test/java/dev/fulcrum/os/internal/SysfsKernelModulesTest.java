package dev.fulcrum.os.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.os.Command;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SysfsKernelModulesTest {

    private static final String TREE = "lib/modules/" + FakeTree.RELEASE + "/";

    @TempDir
    Path temp;

    private FakeTree tree;
    private FakeProcessRunner runner;
    private SysfsKernelModules modules;

    @BeforeEach
    void setUp() {
        tree = new FakeTree(temp).release()
                // built in with parameters, or loaded: a directory in /sys/module
                .directory("sys/module/nf_conntrack/parameters")
                // loaded (first field of /proc/modules, kernel/module/procfs.c)
                .file("proc/modules", String.join("\n",
                        "ip_vs_rr 12288 1 - Live 0x0000000000000000",
                        "nf_nat 61440 1 ip_vs_rr, Live 0x0000000000000000",
                        ""))
                .file(TREE + "modules.dep", String.join("\n",
                        "kernel/net/netfilter/ipvs/ip_vs.ko.xz: kernel/net/netfilter/nf_conntrack.ko.xz kernel/lib/libcrc32c.ko.xz",
                        "kernel/net/netfilter/ipvs/ip_vs_wlc.ko.zst: kernel/net/netfilter/ipvs/ip_vs.ko.xz",
                        "kernel/sound/pci/hda/snd-hda-intel.ko.gz:",
                        "kernel/drivers/net/dummy.ko:",
                        "kernel/net/netfilter/ip_vs_nokofile.o:",
                        ""))
                .file(TREE + "modules.builtin", String.join("\n",
                        "kernel/net/netfilter/nf_tables.ko",
                        "kernel/drivers/block/virtio-blk.ko",
                        ""));
        runner = new FakeProcessRunner();
        modules = new SysfsKernelModules(temp, runner);
    }

    @Test
    void loadedFromSysModuleOrProcModules() {
        assertTrue(modules.isLoaded("nf_conntrack"), "in /sys/module");
        assertTrue(modules.isLoaded("ip_vs_rr"), "in /proc/modules");
        assertTrue(modules.isLoaded("nf_nat"), "second line of /proc/modules");
        assertFalse(modules.isLoaded("ip_vs"), "only in modules.dep: available, not loaded");
        assertFalse(modules.isLoaded("nf_tables"), "built in without parameters leaves no /sys/module entry");
        assertFalse(modules.isLoaded("Live"), "only the first field of /proc/modules is a name");
    }

    @Test
    void dashesAndUnderscoresAreTheSame() {
        assertTrue(modules.isLoaded("nf-conntrack"));
        assertTrue(modules.isLoaded("ip-vs-rr"));
        assertTrue(modules.isAvailable("snd_hda_intel"), "file snd-hda-intel.ko.gz, asked with '_'");
        assertTrue(modules.isAvailable("snd-hda-intel"));
        assertTrue(modules.isAvailable("virtio_blk"), "modules.builtin virtio-blk.ko");
    }

    @Test
    void availableFromTheModuleTreeOfTheRunningKernel() {
        assertTrue(modules.isAvailable("ip_vs"), ".ko.xz in modules.dep");
        assertTrue(modules.isAvailable("ip_vs_wlc"), ".ko.zst in modules.dep");
        assertTrue(modules.isAvailable("dummy"), "uncompressed .ko");
        assertTrue(modules.isAvailable("nf_tables"), "modules.builtin");
        assertTrue(modules.isAvailable("ip_vs_rr"), "loaded implies available");
        assertFalse(modules.isAvailable("ip_vs_ftp"));
        assertFalse(modules.isAvailable("libcrc32c"), "a dependency is not an entry of its own");
        assertFalse(modules.isAvailable("ip_vs_nokofile"), "not a .ko file");
        assertFalse(modules.isAvailable("ip"), "no prefix match");
    }

    @Test
    void anotherKernelsTreeDoesNotCount() {
        new FakeTree(temp).file("proc/sys/kernel/osrelease", "6.12.0-other\n");
        assertFalse(modules.isAvailable("ip_vs"));
        assertTrue(modules.isAvailable("nf_conntrack"), "loaded modules need no tree");
    }

    @Test
    void mergedUsrTreeIsSearchedToo() {
        new FakeTree(temp).file("usr/lib/modules/" + FakeTree.RELEASE + "/modules.dep", "kernel/net/sched/sch_cake.ko.xz:\n");
        assertTrue(modules.isAvailable("sch_cake"));
    }

    @Test
    void nothingIsAvailableOnAnEmptyTree(@TempDir Path empty) {
        SysfsKernelModules none = new SysfsKernelModules(empty, runner);
        assertFalse(none.isLoaded("ip_vs"));
        assertFalse(none.isAvailable("ip_vs"));
    }

    @Test
    void moduleNamesFromIndexEntries() {
        assertEquals("ip_vs", SysfsKernelModules.moduleName("kernel/net/netfilter/ipvs/ip_vs.ko.xz: a.ko b.ko"));
        assertEquals("snd_hda_intel", SysfsKernelModules.moduleName("kernel/sound/snd-hda-intel.ko"));
        assertNull(SysfsKernelModules.moduleName("kernel/x/readme.txt"));
        assertNull(SysfsKernelModules.moduleName(""));
    }

    @Test
    void loadRunsModprobeWithATimeLimit() throws IOException {
        modules.load("ip-vs");
        assertEquals(1, runner.commands.size());
        Command command = runner.commands.get(0);
        assertEquals(List.of("modprobe", "--", "ip_vs"), command.argv());
        assertEquals(Duration.ofSeconds(10), command.timeout());
        assertTrue(command.user().isEmpty());
    }

    @Test
    void loadDoesNothingWhenLoaded() throws IOException {
        modules.load("nf_conntrack");
        modules.load("ip_vs_rr");
        assertTrue(runner.commands.isEmpty(), () -> "ran " + runner.commands);
    }

    @Test
    void loadFailureCarriesModprobesMessage() {
        runner.answering(1, "modprobe: FATAL: Module ip_vs not found in directory /lib/modules/6.1.0-test-amd64\n");
        IOException e = assertThrows(IOException.class, () -> modules.load("ip_vs"));
        assertEquals("cannot load kernel module ip_vs: modprobe: FATAL: Module ip_vs not found in directory "
                + "/lib/modules/6.1.0-test-amd64", e.getMessage());
    }

    @Test
    void loadFailureWithoutStderrSaysHowModprobeEnded() {
        runner.answering(1, "");
        IOException e = assertThrows(IOException.class, () -> modules.load("ip_vs"));
        assertTrue(e.getMessage().contains("exited with status 1"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ip_vs.ko", "../ip_vs", "ip vs", "ip_vs;reboot", "nf/tables"})
    void invalidNamesAreRejected(String name) {
        assertThrows(IllegalArgumentException.class, () -> modules.isLoaded(name));
        assertThrows(IllegalArgumentException.class, () -> modules.isAvailable(name));
        assertThrows(IllegalArgumentException.class, () -> modules.load(name));
        assertTrue(runner.commands.isEmpty());
    }
}
