package dev.fulcrum.os.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProcSysctlTest {

    @TempDir
    Path temp;

    private FakeTree tree;
    private ProcSysctl sysctl;

    @BeforeEach
    void setUp() {
        tree = new FakeTree(temp)
                .file("proc/sys/net/ipv4/ip_forward", "0\n")
                .file("proc/sys/net/ipv4/conf/eth0.100/rp_filter", "  1 \n")
                .file("proc/sys/net/ipv4/ip_local_port_range", "32768\t60999\n")
                .file("proc/sys/net/ipv4/vs/conntrack", "0\n");
        sysctl = new ProcSysctl(temp);
    }

    @Test
    void dotsSeparateLevels() {
        assertEquals(temp.resolve("proc/sys/net/ipv4/ip_forward"), sysctl.path("net.ipv4.ip_forward"));
    }

    @Test
    void aSlashStandsForADotInsideALevel() throws IOException {
        assertEquals(temp.resolve("proc/sys/net/ipv4/conf/eth0.100/rp_filter"),
                sysctl.path("net.ipv4.conf.eth0/100.rp_filter"));
        assertEquals("1", sysctl.read("net.ipv4.conf.eth0/100.rp_filter"));
    }

    @Test
    void readTrimsButKeepsInnerWhitespace() throws IOException {
        assertEquals("0", sysctl.read("net.ipv4.ip_forward"));
        assertEquals("32768\t60999", sysctl.read("net.ipv4.ip_local_port_range"));
    }

    /** The real procfs: the kernel's integer handlers answer a read past offset 0 with end of file. */
    @Test
    void readsWholeMultiDigitValuesFromTheRealProcSys() throws IOException {
        ProcSysctl real = new ProcSysctl(Path.of("/"));
        assertEquals(Files.readAllLines(Path.of("/proc/sys/kernel/pid_max")).get(0).strip(), real.read("kernel.pid_max"));
        assertEquals(Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).strip(),
                real.read("net.ipv4.ip_local_port_range"));
        assertTrue(real.read("kernel.pid_max").length() > 1, "pid_max is never one digit (at least 301)");
    }

    @Test
    void writeWritesTheValueAndANewline() throws IOException {
        sysctl.write("net.ipv4.ip_forward", "1");
        assertEquals("1\n", tree.read("proc/sys/net/ipv4/ip_forward"));
        assertEquals("1", sysctl.read("net.ipv4.ip_forward"));
    }

    @Test
    void writeReplacesALongerValue() throws IOException {
        sysctl.write("net.ipv4.ip_local_port_range", "1024 2048");
        sysctl.write("net.ipv4.ip_local_port_range", "1 2");
        assertEquals("1 2\n", tree.read("proc/sys/net/ipv4/ip_local_port_range"));
    }

    @Test
    void aMissingKeyIsAnIOExceptionNamingIt() {
        IOException read = assertThrows(IOException.class, () -> sysctl.read("net.ipv4.vs.expire_nodest_conn"));
        assertEquals("no such sysctl: net.ipv4.vs.expire_nodest_conn", read.getMessage());
        IOException write = assertThrows(IOException.class, () -> sysctl.write("net.ipv4.vs.expire_nodest_conn", "1"));
        assertEquals("no such sysctl: net.ipv4.vs.expire_nodest_conn", write.getMessage());
        assertFalse(Files.exists(temp.resolve("proc/sys/net/ipv4/vs/expire_nodest_conn")), "write must not create keys");
    }

    @Test
    void aDirectoryIsNotAValue() {
        IOException e = assertThrows(IOException.class, () -> sysctl.read("net.ipv4"));
        assertTrue(e.getMessage().contains("directory"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "net..ipv4", ".net.ipv4", "net.ipv4.", "net.ipv4.ip forward", "net.ipv4.*",
            "net;reboot", "../../etc/passwd", "net.//.x", "net./.x", "//", "/", "net.ipv4\nkernel", "net\\ipv4"})
    void invalidKeysAreRejectedBeforeAnyPathIsBuilt(String key) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sysctl.read(key));
        assertTrue(e.getMessage().startsWith("invalid sysctl key"), e.getMessage());
    }

    @Test
    void aNullKeyIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> sysctl.read(null));
    }

    @Test
    void keysMayUseColonsAndDashes() {
        assertEquals(temp.resolve("proc/sys/net/ipv6/conf/br-lan:1/forwarding"),
                sysctl.path("net.ipv6.conf.br-lan:1.forwarding"));
    }

    @Test
    void multiLineValuesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> sysctl.write("net.ipv4.ip_forward", "1\n0"));
        assertThrows(IllegalArgumentException.class, () -> sysctl.write("net.ipv4.ip_forward", null));
    }
}
