package dev.fulcrum.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The appliance as a new user starts it (README command 1 runs exactly this java command):
 * a separate process without a terminal, reporting its directories, the subsystem table and
 * "ready", and stopping cleanly on SIGTERM.
 */
class ApplianceProcessIT {

    private static final Path APP = Path.of(System.getProperty("fulcrum.test.app", "target/fulcrum"));

    @Test
    void startsReportsReadyAndStopsOnSigterm(@TempDir Path work) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "@" + APP.resolve("lib/jvm.options"),
                "-jar", APP.resolve("lib/fulcrum-launcher.jar").toString())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put("FULCRUM_CONF", work.resolve("etc").toString());
        builder.environment().put("FULCRUM_STATE", work.resolve("state").toString());
        Process process = builder.start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (line.startsWith("ready in ")) {
                    break;
                }
            }
            String transcript = String.join("\n", lines);
            assertTrue(lines.stream().anyMatch(l -> l.matches("ready in \\d+ ms: \\d+ bundles active, \\d+ fragment\\(s\\)")), transcript);
            assertTrue(transcript.contains("hot deploy     " + work.resolve("state").resolve("deploy")), transcript);
            assertTrue(transcript.contains("no terminal: Gogo runs non-interactively"), transcript);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("SUBSYSTEM")), transcript);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("host ")), transcript);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("deploy ") && l.contains("ACTIVE")), transcript);
            assertFalse(transcript.contains("Exception"), transcript);
            assertFalse(transcript.contains("No SLF4J providers"), transcript);

            process.destroy(); // SIGTERM: the shutdown hook stops the framework
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "stopped within 30 s of SIGTERM");
            assertEquals(143, process.exitValue()); // 128 + SIGTERM, after the shutdown hook stopped the framework
        } finally {
            process.destroyForcibly();
        }
    }
}
