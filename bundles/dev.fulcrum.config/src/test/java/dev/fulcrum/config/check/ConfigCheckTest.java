package dev.fulcrum.config.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every exit code, both kinds alone and together, lenient mode, environment and config ids. */
class ConfigCheckTest {

    static final String KEEPALIVED = """
            ! Configuration File for keepalived
            global_defs {
                router_id LB1
            }
            virtual_server 10.0.0.1 80 {
                lb_algo rr
                lb_kind NAT
                protocol TCP
                real_server 192.168.0.1 80 {
                    TCP_CHECK {
                        connect_timeout 3
                    }
                }
            }
            """;

    static final String HAPROXY = """
            global
                daemon
            defaults
                mode http
                timeout connect 5s
                timeout client 30s
                timeout server 30s
            frontend web
                bind *:80
                default_backend app
            backend app
                balance roundrobin
                server a1 10.0.0.71:80 check
            """;

    @TempDir
    Path dir;

    private final ConfigCheck check = new ConfigCheck(Map.of("ALGO", "leastconn"), Set.of("lb1"));

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void validKeepalivedIsExitZero() throws IOException {
        Path file = write("keepalived.conf", KEEPALIVED);
        ConfigCheck.Report report = check.run(List.of("-f", file.toString()));
        assertEquals(0, report.exitCode(), report::toString);
        assertEquals(file + " (keepalived): valid, 0 errors, 0 warnings\nConfiguration is valid\n", report.output());
        assertEquals("", report.errors());
    }

    @Test
    void validHaproxyIsExitZero() throws IOException {
        Path file = write("haproxy.cfg", HAPROXY);
        ConfigCheck.Report report = check.run(List.of("-f", file.toString()));
        assertEquals(0, report.exitCode(), report::toString);
        assertEquals(file + " (haproxy): valid, 0 errors, 0 warnings\nConfiguration is valid\n", report.output());
    }

    @Test
    void invalidKeepalivedPrintsTheLocatedErrorAndIsExitOne() throws IOException {
        Path file = write("keepalived.conf", KEEPALIVED.replace("lb_algo rr", "lb_algo nope"));
        ConfigCheck.Report report = check.run(List.of(file.toString()));
        assertEquals(1, report.exitCode(), report::toString);
        List<String> lines = report.output().lines().toList();
        assertTrue(lines.get(0).startsWith(file + ":6:13: error: 'nope': "), report.output());
        assertEquals("1 error, 0 warnings", lines.get(lines.size() - 1));
    }

    @Test
    void everyErrorOfBothFilesIsPrinted() throws IOException {
        Path keepalived = write("a.conf", KEEPALIVED.replace("lb_algo rr", "lb_algo nope"));
        Path haproxy = write("b.cfg", HAPROXY.replace("balance roundrobin", "balance nope").replace("mode http", "mode ftp"));
        ConfigCheck.Report report = check.run(List.of("-f", keepalived.toString(), "-f", haproxy.toString()));
        assertEquals(1, report.exitCode(), report::toString);
        String out = report.output();
        assertTrue(out.contains(keepalived + ":6:13: error: 'nope'"), out);
        assertTrue(out.contains(haproxy + ":4:10: error: 'ftp': unknown proxy mode: expected tcp or http"), out);
        assertTrue(out.contains(haproxy + ":12:13: error: 'nope'"), out);
        assertTrue(out.contains(keepalived + " (keepalived): invalid, 1 error, 0 warnings\n"), out);
        assertTrue(out.contains(haproxy + " (haproxy): invalid, 2 errors, 0 warnings\n"), out);
        assertTrue(out.endsWith("\n3 errors, 0 warnings\n"), out);
    }

    @Test
    void bothValidTogether() throws IOException {
        ConfigCheck.Report report = check.run(List.of("-f", write("k", KEEPALIVED).toString(),
                "-f", write("h", HAPROXY).toString()));
        assertEquals(0, report.exitCode(), report::toString);
        assertTrue(report.output().contains("(keepalived): valid") && report.output().contains("(haproxy): valid"),
                report.output());
    }

    @Test
    void lenientTurnsAnUnsupportedKeywordIntoAPrintedWarning() throws IOException {
        Path file = write("haproxy.cfg", HAPROXY + "    stick-table type ip size 1m\n");
        ConfigCheck.Report strict = check.run(List.of(file.toString()));
        assertEquals(1, strict.exitCode(), strict::toString);
        assertTrue(strict.output().contains(file + ":14:5: error: 'stick-table': unsupported keyword in backend 'app'\n"),
                strict.output());

        ConfigCheck.Report lenient = check.run(List.of("--lenient", file.toString()));
        assertEquals(0, lenient.exitCode(), lenient::toString);
        assertTrue(lenient.output().startsWith(file + ":14:5: warning: 'stick-table': unsupported keyword in backend "
                + "'app' (ignored: --lenient)\n"), lenient.output());
        assertTrue(lenient.output().endsWith("Configuration is valid (1 warning)\n"), lenient.output());
    }

    @Test
    void haproxyEnvironmentComesFromTheInjectedMap() throws IOException {
        Path file = write("haproxy.cfg", HAPROXY.replace("balance roundrobin", "balance \"${ALGO}\""));
        assertEquals(0, check.run(List.of(file.toString())).exitCode());
        ConfigCheck without = new ConfigCheck(Map.of(), Set.of("lb1"));
        assertEquals(1, without.run(List.of(file.toString())).exitCode());
    }

    @Test
    void configIdsSelectKeepalivedLines() throws IOException {
        // "@lb2" lines are ignored for config id lb1: the bad algorithm only counts on lb2
        Path file = write("keepalived.conf", KEEPALIVED.replace("lb_algo rr", "lb_algo rr\n@lb2 lb_algo nope"));
        assertEquals(0, check.run(List.of(file.toString())).exitCode());
        assertEquals(1, check.run(List.of("--config-id", "lb2", file.toString())).exitCode());
    }

    @Test
    void missingFileIsExitTwoAndNothingIsChecked() throws IOException {
        Path bad = write("bad.cfg", HAPROXY.replace("mode http", "mode ftp"));
        Path missing = dir.resolve("missing.conf");
        ConfigCheck.Report report = check.run(List.of("-f", bad.toString(), "-f", missing.toString()));
        assertEquals(2, report.exitCode());
        assertEquals("", report.output());
        assertEquals("fulcrum check: cannot read " + missing + ": no such file\n", report.errors());
        assertEquals("fulcrum check: cannot read " + dir + ": not a regular file\n",
                check.run(List.of(dir.toString())).errors());
    }

    @Test
    void undecidableKindIsExitTwoUnlessForced() throws IOException {
        Path file = write("mystery", "# nothing but\n\nglobal_def {\n}\n");
        ConfigCheck.Report report = check.run(List.of(file.toString()));
        assertEquals(2, report.exitCode());
        assertTrue(report.errors().startsWith("fulcrum check: " + file + ": cannot tell a keepalived.conf from a haproxy.cfg"),
                report.errors());
        assertTrue(report.errors().contains("use --keepalived FILE or --haproxy FILE"), report.errors());
        ConfigCheck.Report forced = check.run(List.of("--keepalived", file.toString()));
        assertEquals(1, forced.exitCode(), forced::toString);
        assertTrue(forced.output().startsWith(file + ":3:1: error: 'global_def'"), forced.output());
    }

    @Test
    void badCommandLineIsExitTwoWithUsage() {
        ConfigCheck.Report report = check.run(List.of("--bogus"));
        assertEquals(2, report.exitCode());
        assertTrue(report.errors().contains("unknown option --bogus"), report.errors());
        assertTrue(report.errors().contains(CheckRequest.USAGE), report.errors());
    }

    @Test
    void staticEntryPrintsAndReturnsTheExitCode() throws IOException {
        Path file = write("keepalived.conf", KEEPALIVED);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ConfigCheck.main(new String[] {"-f", file.toString(), "-i", "lb1"}, "lb2.example.com",
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code);
        assertTrue(out.toString(StandardCharsets.UTF_8).endsWith("Configuration is valid\n"));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void gogoCommandReturnsTheSameText() throws IOException {
        Path file = write("haproxy.cfg", HAPROXY.replace("mode http", "mode ftp"));
        CheckCommand command = new CheckCommand(hostNamed("lb1.example.com\n"));
        String text = command.check(file.toString());
        assertTrue(text.startsWith(file + ":4:10: error: 'ftp': unknown proxy mode: expected tcp or http\n"), text);
        assertTrue(text.endsWith("1 error, 0 warnings\n"), text);
        assertTrue(command.check(dir.resolve("none").toString()).endsWith("(exit 2: not checked)\n"));
    }

    /** The OS door's sysctl, answering kernel.hostname only. */
    private static dev.fulcrum.api.os.Sysctl hostNamed(String name) {
        return new dev.fulcrum.api.os.Sysctl() {
            @Override
            public String read(String key) throws IOException {
                if (!key.equals("kernel.hostname")) {
                    throw new IOException("no such sysctl: " + key);
                }
                return name;
            }

            @Override
            public void write(String key, String value) throws IOException {
                throw new IOException("read-only in this test");
            }
        };
    }

    @Test
    void hostNameUpToTheFirstDot() {
        assertEquals("lb1", HostName.configId("lb1.example.com\n"));
        assertEquals("lb1", HostName.configId("lb1"));
    }
}
