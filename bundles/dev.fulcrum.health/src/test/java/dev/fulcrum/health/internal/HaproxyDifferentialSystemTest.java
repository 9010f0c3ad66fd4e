package dev.fulcrum.health.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.health.CheckSpec;
import dev.fulcrum.health.CheckTarget;
import dev.fulcrum.health.HaproxyLogLines;
import dev.fulcrum.health.HealthEvent;
import dev.fulcrum.health.HealthMonitor;
import dev.fulcrum.health.HealthState;
import dev.fulcrum.os.internal.OsProcessRunner;
import dev.fulcrum.testing.SystemTest;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential: the Debian haproxy package and Fulcrum check the same real server on 127.0.0.1; the
 * server is stopped and restarted; HAProxy's log lines (sent to a UDP socket this test listens on)
 * and Fulcrum's are compared field by field. Only the measured check duration may differ.
 */
@SystemTest
class HaproxyDifferentialSystemTest {

    private static final Duration INTER = Duration.ofMillis(200);
    /** Generous: the first checks in a cold JVM on a busy machine took up to 2.5 s here. */
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(10);

    @Test
    void downAndUpLinesMatchHaproxyFieldByField(@TempDir Path dir) throws Exception {
        try (DatagramSocket syslog = new DatagramSocket(new InetSocketAddress(LoopbackServers.LOOPBACK, 0));
                LoopbackServers.TcpCounter other = new LoopbackServers.TcpCounter(0);
                LoopbackServers.TcpCounter spare = new LoopbackServers.TcpCounter(0)) {
            syslog.setSoTimeout(250);
            LoopbackServers.TcpCounter app1 = new LoopbackServers.TcpCounter(0);
            int port = app1.address().getPort();
            Process haproxy = startHaproxy(dir, syslog, "mode tcp", port, other.address().getPort(),
                    spare.address().getPort());
            HealthServiceImpl service = new HealthServiceImpl(new OsProcessRunner(), null);
            BlockingQueue<HealthEvent> events = new LinkedBlockingQueue<>();
            try {
                var server = Specs.server("app1", port, INTER, INTER, INTER, 2, 2);
                HealthMonitor monitor = service.start(new CheckTarget("app/app1", app1.address()),
                        new CheckSpec.Haproxy(server, Optional.empty(), Optional.of(CHECK_TIMEOUT)), events::add);
                // both checkers connect to app1: wait until each had time to reach its steady state
                LoopbackServers.awaitCount(app1.accepted::get, 6);

                app1.close();
                // as the proxy would count them after the change: app2 active, app3 backup
                assertSameChange(syslog, events, HealthState.DOWN, new HaproxyLogLines.Backend(1, 1, 0, 0, 0));

                LoopbackServers.TcpCounter restarted = new LoopbackServers.TcpCounter(port);
                try {
                    assertSameChange(syslog, events, HealthState.UP, new HaproxyLogLines.Backend(2, 1, 0, 0, 0));
                } finally {
                    restarted.close();
                }
                monitor.stop();
            } finally {
                service.deactivate();
                haproxy.destroy();
                haproxy.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void layer7WrongStatusLinesMatchHaproxyFieldByField(@TempDir Path dir) throws Exception {
        try (DatagramSocket syslog = new DatagramSocket(new InetSocketAddress(LoopbackServers.LOOPBACK, 0));
                LoopbackServers.Http app1 = LoopbackServers.Http.start(0);
                LoopbackServers.Http other = LoopbackServers.Http.start(0);
                LoopbackServers.Http spare = LoopbackServers.Http.start(0)) {
            syslog.setSoTimeout(250);
            int port = app1.address().getPort();
            Process haproxy = startHaproxy(dir, syslog, "mode http\n  option httpchk GET /health", port,
                    other.address().getPort(), spare.address().getPort());
            HealthServiceImpl service = new HealthServiceImpl(new OsProcessRunner(), null);
            BlockingQueue<HealthEvent> events = new LinkedBlockingQueue<>();
            try {
                var server = Specs.server("app1", port, INTER, INTER, INTER, 2, 2);
                // the same "timeout check" as HAProxy's configuration
                CheckSpec.Haproxy spec = new CheckSpec.Haproxy(server, Specs.httpchk(server, "/health").httpCheck(),
                        Optional.of(CHECK_TIMEOUT));
                HealthMonitor monitor = service.start(new CheckTarget("app/app1", app1.address()), spec, events::add);
                LoopbackServers.awaitCount(app1.served::size, 6);

                app1.status.set(503);
                // as the proxy would count them after the change: app2 active, app3 backup
                assertSameChange(syslog, events, HealthState.DOWN, new HaproxyLogLines.Backend(1, 1, 0, 0, 0));

                app1.status.set(200);
                assertSameChange(syslog, events, HealthState.UP, new HaproxyLogLines.Backend(2, 1, 0, 0, 0));
                monitor.stop();
            } finally {
                service.deactivate();
                haproxy.destroy();
                haproxy.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /** The next change of app1, as HAProxy logged it and as Fulcrum formats it: the same fields. */
    private static void assertSameChange(DatagramSocket syslog, BlockingQueue<HealthEvent> events, HealthState state,
            HaproxyLogLines.Backend after) throws Exception {
        String theirs = awaitLine(syslog, "Server app/app1 is " + state);
        HealthEvent event = events.poll(20, TimeUnit.SECONDS);
        assertTrue(event != null, "Fulcrum reported no change within 20 s");
        assertEquals(state, event.state());
        assertSameFields(theirs, state == HealthState.DOWN
                ? HaproxyLogLines.serverDown("app", "app1", false, event.cause(), after)
                : HaproxyLogLines.serverUp("app", "app1", false, event.cause(), after));
    }

    /** HAProxy with backend "app": app1 and app2 active, app3 backup, logging raw lines to the UDP socket. */
    private static Process startHaproxy(Path dir, DatagramSocket syslog, String backendMode, int app1, int app2,
            int app3) throws Exception {
        Path config = dir.resolve("haproxy.cfg");
        Files.writeString(config, String.join("\n",
                "global",
                "  log 127.0.0.1:" + syslog.getLocalPort() + " len 4096 format raw local0",
                "defaults",
                "  log global",
                "  timeout connect 1s",
                "  timeout client 5s",
                "  timeout server 5s",
                "  timeout check " + CHECK_TIMEOUT.toSeconds() + "s",
                "listen app",
                "  " + backendMode,
                "  bind 127.0.0.1:" + LoopbackServers.closedPort(),
                "  server app1 127.0.0.1:" + app1 + " check inter 200 rise 2 fall 2",
                "  server app2 127.0.0.1:" + app2 + " check inter 200 rise 2 fall 2",
                "  server app3 127.0.0.1:" + app3 + " check inter 200 rise 2 fall 2 backup",
                ""));
        return new ProcessBuilder("haproxy", "-db", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("haproxy.out").toFile()).start();
    }

    /** Compares the comma- and period-separated fields; the check duration's value is measured, not compared. */
    private static void assertSameFields(String theirs, String ours) {
        System.out.println("haproxy: " + theirs + "\nfulcrum: " + ours);
        assertTrue(theirs.matches(".*check duration: \\d+ms.*"), theirs);
        assertEquals(fields(theirs), fields(ours));
    }

    private static List<String> fields(String line) {
        return Arrays.asList(line.strip().replaceAll("check duration: \\d+ms", "check duration: Nms")
                .split("(?<=[,.]) "));
    }

    private static String awaitLine(DatagramSocket syslog, String prefix) throws Exception {
        byte[] buffer = new byte[8192];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                syslog.receive(packet);
            } catch (SocketTimeoutException e) {
                continue;
            }
            String line = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8).strip();
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("haproxy logged no '" + prefix + "' line within 20 s");
    }
}
