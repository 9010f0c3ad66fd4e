package dev.fulcrum.os.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.testing.NetworkNamespace;
import dev.fulcrum.testing.SystemTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * System tier: runs {@link ProbeMain} in a fresh network namespace, in its own JVM, as root.
 * The namespace has only its own loopback and an empty nftables ruleset, so what the probe
 * reports there can be checked against the namespace itself.
 */
@SystemTest
class CapabilityProbeInNamespaceTest {

    @Test
    void probeInsideANamespaceSeesRootAndAUsableEmptyNetworkStack() throws IOException {
        String name;
        try (NetworkNamespace namespace = NetworkNamespace.create("probe")) {
            name = namespace.name();
            assertTrue(NetworkNamespace.exists(name));

            String output = namespace.exec(java(), "-cp", System.getProperty("java.class.path"), ProbeMain.class.getName());
            System.out.println("ProbeMain in " + name + ":\n" + output);
            Map<String, String> probe = keyValues(output);

            assertEquals("true", probe.get("root"), probe::toString);
            assertEquals("true", probe.get("netAdmin"), probe::toString);
            assertEquals("true", probe.get("netRaw"), probe::toString);
            assertNotNull(probe.get("ipvs"), probe::toString);
            if (!Boolean.parseBoolean(probe.get("ipvs"))) {
                String release = Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip();
                assertEquals("no ip_vs in kernel " + release + " (CONFIG_IP_VS not set?)", probe.get("ipvs.detail"));
            }

            // Namespace-specific: a new namespace has its own loopback and nothing else.
            List<String> links = namespace.exec("ip", "-o", "link").lines().toList();
            assertEquals(1, links.size(), links::toString);
            assertTrue(links.get(0).contains(": lo:"), links.get(0));

            if (Boolean.parseBoolean(probe.get("nftables"))) {
                // The probe said nftables is usable: it is, and this namespace's ruleset starts empty.
                assertEquals("", namespace.exec("nft", "list", "ruleset").strip());
                namespace.exec("nft", "add", "table", "inet", "fulcrum_probe");
                assertTrue(namespace.exec("nft", "list", "tables").contains("table inet fulcrum_probe"));
                assertFalse(NetworkNamespace.exists(name) && hostTables().contains("fulcrum_probe"),
                        "the table must stay inside the namespace");
            } else {
                assertFalse(probe.getOrDefault("nftables.detail", "").isBlank(), probe::toString);
            }
        }
        assertFalse(NetworkNamespace.exists(name), "namespace " + name + " left behind");
    }

    /** The JVM running this test, so that the probe runs on the same Java. */
    private static String java() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** The host's nftables tables (empty when nft is not installed on the host). */
    private static String hostTables() throws IOException {
        OsProcessRunner runner = new OsProcessRunner();
        return runner.isInstalled("nft") ? runner.run(dev.fulcrum.api.os.Command.of("nft", "list", "tables")).stdout() : "";
    }

    /** ProbeMain's key=value lines (the JVM may add lines of its own on the merged stderr). */
    private static Map<String, String> keyValues(String output) {
        Map<String, String> values = new HashMap<>();
        output.lines().forEach(line -> {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.put(line.substring(0, equals), line.substring(equals + 1));
            }
        });
        return values;
    }
}
