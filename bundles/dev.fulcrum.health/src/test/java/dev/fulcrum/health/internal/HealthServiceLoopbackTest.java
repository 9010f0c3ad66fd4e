package dev.fulcrum.health.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.lvs.HealthChecker;
import dev.fulcrum.health.CheckSpec;
import dev.fulcrum.health.CheckStatus;
import dev.fulcrum.health.CheckTarget;
import dev.fulcrum.health.HealthEvent;
import dev.fulcrum.health.HealthMonitor;
import dev.fulcrum.health.HealthState;
import dev.fulcrum.health.KeepalivedLogLines;
import dev.fulcrum.os.internal.OsProcessRunner;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole service on 127.0.0.1 with real timers: a real HTTP server is stopped, restarted, made
 * to fail. Waits are bounded; the assertions are about counts and order, and only lower bounds on
 * time (a check cannot come before its interval), which cannot flake on a slow machine.
 */
class HealthServiceLoopbackTest {

    private static final Duration INTER = Duration.ofMillis(150);
    private static final int RISE = 2;
    private static final int FALL = 3;

    private HealthServiceImpl service;
    private final BlockingQueue<HealthEvent> events = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        service = new HealthServiceImpl(new OsProcessRunner(), null);
    }

    @AfterEach
    void stop() {
        service.deactivate();
    }

    private HealthEvent next() throws InterruptedException {
        HealthEvent event = events.poll(20, TimeUnit.SECONDS);
        assertTrue(event != null, "no state change within 20 s");
        return event;
    }

    @Test
    void aStoppedServerGoesDownAndComesBackUp() throws Exception {
        LoopbackServers.TcpCounter tcp = new LoopbackServers.TcpCounter(0);
        InetSocketAddress address = tcp.address();
        var server = Specs.server("app1", address.getPort(), INTER, INTER, INTER, RISE, FALL);
        HealthMonitor monitor = service.start(new CheckTarget("app/app1", address), Specs.tcp(server), events::add);
        try {
            // fall - 1 successes take the counter from rise (the start) to its top: fall failures needed now
            LoopbackServers.awaitCount(tcp.accepted::get, FALL);
            assertEquals(HealthState.UP, monitor.state());
            assertTrue(events.isEmpty(), "no change while healthy: " + events);

            long stoppedAt = System.nanoTime();
            tcp.close();
            HealthEvent down = next();
            long downAfter = System.nanoTime() - stoppedAt;
            assertEquals(HealthState.DOWN, down.state());
            assertEquals(CheckStatus.L4CON, down.cause().status());
            assertEquals("Connection refused", down.cause().info());
            assertTrue(downAfter >= INTER.multipliedBy(FALL - 1).toNanos(),
                    "fall failed checks, inter apart, cannot take less than (fall - 1) x inter: " + downAfter);

            long restartedAt = System.nanoTime();
            LoopbackServers.TcpCounter restarted = new LoopbackServers.TcpCounter(address.getPort());
            try {
                HealthEvent up = next();
                assertEquals(HealthState.UP, up.state());
                assertEquals(CheckStatus.L4OK, up.cause().status());
                assertTrue(System.nanoTime() - restartedAt >= INTER.multipliedBy(RISE - 1).toNanos());
                assertEquals(HealthState.UP, monitor.state());
            } finally {
                restarted.close();
            }
        } finally {
            monitor.stop();
        }
    }

    @Test
    void httpchkCountsExactlyFallFailuresAndRiseSuccesses() throws Exception {
        try (LoopbackServers.Http http = LoopbackServers.Http.start(0)) {
            var server = Specs.server("app1", http.address().getPort(), INTER, INTER, INTER, RISE, FALL);
            CheckSpec.Haproxy spec = Specs.httpchk(server, "/health");
            // The listener runs on the event loop before the next check is scheduled: what the server had
            // answered at that moment is exactly what the verdict was based on.
            Map<HealthState, List<Integer>> servedAt = new ConcurrentHashMap<>();
            HealthMonitor monitor = service.start(new CheckTarget("app/app1", http.address()), spec, event -> {
                servedAt.put(event.state(), List.copyOf(http.served));
                events.add(event);
            });
            try {
                LoopbackServers.awaitCount(http.served::size, FALL);
                assertTrue(events.isEmpty(), "no change while healthy: " + events);

                http.status.set(503);
                HealthEvent down = next();
                assertEquals(HealthState.DOWN, down.state());
                assertEquals(CheckStatus.L7STS, down.cause().status());
                assertEquals("Service Unavailable", down.cause().info());
                assertEquals(FALL, trailing(servedAt.get(HealthState.DOWN), 503), "DOWN at the fall-th failed check");

                http.status.set(200);
                HealthEvent up = next();
                assertEquals(HealthState.UP, up.state());
                assertEquals(CheckStatus.L7OK, up.cause().status());
                assertEquals(RISE, trailing(servedAt.get(HealthState.UP), 200), "UP at the rise-th passed check");
            } finally {
                monitor.stop();
            }
        }
    }

    /** How many of the last responses, counting back from the end, had this status. */
    private static int trailing(List<Integer> served, int status) {
        int count = 0;
        for (int i = served.size() - 1; i >= 0 && served.get(i) == status; i--) {
            count++;
        }
        return count;
    }

    @Test
    void notifyScriptsRunAndOmegaReportsDownOnStop(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("notify.log");
        Path script = dir.resolve("notify.sh");
        Files.writeString(script, "#!/bin/sh\necho \"$1 $2\" >> '" + log + "'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        try (LoopbackServers.Http http = LoopbackServers.Http.start(0)) {
            CheckSpec.Keepalived spec = new CheckSpec.Keepalived(new HealthChecker.TcpCheck(
                    Specs.common(Specs.GENEROUS_TIMEOUT, 0, Duration.ofMillis(100), Optional.empty())),
                    Duration.ofMillis(100), true, true, Optional.of(script + " up 'app one'"),
                    Optional.of(script + " down 'app one'"));
            HealthMonitor monitor = service.start(new CheckTarget(KeepalivedLogLines.endpoint(http.address()),
                    http.address()), spec, events::add);
            assertEquals(HealthState.UP, next().state(), "alpha: DOWN until the first success");
            monitor.stop();
            HealthEvent omega = next();
            assertEquals(HealthState.DOWN, omega.state());
            assertEquals(CheckStatus.STOPPED, omega.cause().status());
        }
        service.deactivate(); // waits for the notify scripts
        service = new HealthServiceImpl(new OsProcessRunner(), null);
        assertEquals(List.of("up app one", "down app one"), Files.readAllLines(log));
    }
}
