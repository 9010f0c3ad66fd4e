package dev.fulcrum.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.it.Await;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.launch.Framework;

/**
 * {@code fulcrum-launcher.jar check} as an admin runs it (a process on the built image, no
 * framework), and {@code fulcrum:check} inside the running appliance.
 */
class ConfigCheckIT {

    private static final Path APP = Path.of(System.getProperty("fulcrum.test.app", "target/fulcrum"));

    private static final String KEEPALIVED = """
            global_defs {
                router_id LB1
            }
            virtual_server 10.0.0.1 80 {
                lb_algo rr
                protocol TCP
                real_server 192.168.0.1 80 {
                    TCP_CHECK {
                        connect_timeout 3
                    }
                }
            }
            """;

    private static final String HAPROXY = """
            defaults
                mode ftp
            backend app
                server a1 10.0.0.71:80 check
            """;

    private record Run(int exitCode, String stdout, String stderr) {
    }

    private static Run check(Path work, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-jar", APP.resolve("lib/fulcrum-launcher.jar").toString(),
                "check"));
        command.addAll(List.of(args));
        Path out = work.resolve("stdout");
        Path err = work.resolve("stderr");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        try {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "check finished within 60 s");
        } finally {
            process.destroyForcibly();
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void validFileIsExitZero(@TempDir Path work) throws Exception {
        Path file = Files.writeString(work.resolve("keepalived.conf"), KEEPALIVED);
        Run run = check(work, "-f", file.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(file + " (keepalived): valid, 0 errors, 0 warnings\nConfiguration is valid\n", run.stdout());
        assertEquals("", run.stderr(), "no framework start, no log line");
    }

    @Test
    void invalidFileIsExitOneWithTheLocatedMessage(@TempDir Path work) throws Exception {
        Path file = Files.writeString(work.resolve("haproxy.cfg"), HAPROXY);
        Run run = check(work, "-f", file.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals(file + ":2:10: error: 'ftp': unknown proxy mode: expected tcp or http\n"
                + file + " (haproxy): invalid, 1 error, 0 warnings\n"
                + "1 error, 0 warnings\n", run.stdout());
    }

    @Test
    void missingFileIsExitTwo(@TempDir Path work) throws Exception {
        Path missing = work.resolve("nowhere.conf");
        Run run = check(work, "-f", missing.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("fulcrum check: cannot read " + missing + ": no such file\n", run.stderr());
    }

    @Test
    void gogoCommandInsideTheRuntime(@TempDir Path work) throws Exception {
        Path file = Files.writeString(work.resolve("haproxy.cfg"), HAPROXY);
        Directories directories = new Directories(APP, work.resolve("etc"), work.resolve("state"));
        Map<String, String> properties = FrameworkConfiguration.build(directories, new Properties(), false);
        Appliance appliance = new Appliance(directories, properties);
        try {
            Framework framework = appliance.start();
            String[] last = {""};
            try {
                Await.until("fulcrum:check answers", () -> {
                    last[0] = ShellCommand.run(framework.getBundleContext(), "fulcrum:check " + file);
                    return last[0].endsWith("1 error, 0 warnings\n");
                });
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; last output:\n" + last[0], e);
            }
            assertTrue(last[0].startsWith(file + ":2:10: error: 'ftp': unknown proxy mode: expected tcp or http\n"), last[0]);
            // options pass through Gogo unchanged: the unsupported keyword becomes a warning
            Path lenient = Files.writeString(work.resolve("lenient.cfg"),
                    HAPROXY.replace("mode ftp", "mode http") + "    stick-table type ip size 1m\n");
            String text = ShellCommand.run(framework.getBundleContext(), "fulcrum:check --lenient " + lenient);
            assertTrue(text.endsWith("Configuration is valid (1 warning)\n"), text);
        } finally {
            appliance.stop();
        }
    }
}
