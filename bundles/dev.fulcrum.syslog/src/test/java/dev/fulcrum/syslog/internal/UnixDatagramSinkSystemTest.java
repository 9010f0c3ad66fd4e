package dev.fulcrum.syslog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.proxy.LogTarget;
import dev.fulcrum.syslog.Severity;
import dev.fulcrum.syslog.SyslogOptions;
import dev.fulcrum.syslog.SyslogSink;
import dev.fulcrum.syslog.SyslogSink.Result;
import dev.fulcrum.syslog.SyslogSinks;
import dev.fulcrum.testing.SystemTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real AF_UNIX datagram sockets in a temporary directory, as /dev/log would be. */
@SystemTest
class UnixDatagramSinkSystemTest {

    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-11-04T09:05:07Z"));

    @TempDir
    Path dir;

    private SyslogSink open(Path socket) throws Exception {
        return SyslogSinks.open(new LogTarget(socket.toString(), "local0", Optional.of("info")), SyslogOptions.DEFAULTS,
                CLOCK, ZoneId.of("UTC"));
    }

    @Test
    void theReceiverGetsExactlyTheFramedBytes() throws Exception {
        Path path = dir.resolve("log");
        try (UnixDatagramReceiver receiver = new UnixDatagramReceiver(path.toString()); SyslogSink sink = open(path)) {
            assertEquals(Result.SENT, sink.send(Severity.INFO, "haproxy", 321, "Proxy fe started."));
            assertEquals(Result.FILTERED, sink.send(Severity.DEBUG, "haproxy", 321, "not sent"));
            assertEquals("<134>Nov  4 09:05:07 haproxy[321]: Proxy fe started.\n",
                    new String(receiver.poll().orElseThrow(), StandardCharsets.UTF_8));
            assertEquals(Optional.empty(), receiver.poll());
        }
    }

    @Test
    void aReceiverThatDoesNotReadMakesTheSinkDropAndCountInsteadOfBlocking() throws Exception {
        Path path = dir.resolve("slow");
        int lines = 5000;
        try (UnixDatagramReceiver receiver = new UnixDatagramReceiver(path.toString()); SyslogSink sink = open(path)) {
            for (int i = 0; i < lines; i++) {
                sink.send(Severity.INFO, "haproxy", 1, "line " + i);
            }
            assertTrue(sink.dropped() > 0, "the receive queue (net.unix.max_dgram_qlen) never filled");
            assertEquals(lines, sink.sent() + sink.dropped());
            assertTrue(sink.lastError().orElseThrow().contains("Resource temporarily unavailable"),
                    sink.lastError().orElseThrow());
            long received = 0;
            while (receiver.poll().isPresent()) {
                received++;
            }
            assertEquals(sink.sent(), received, "every line counted as sent arrived");
        }
    }

    @Test
    void concurrentSendersShareOneSinkWithoutLosingCount() throws Exception {
        Path path = dir.resolve("shared");
        int threads = 4;
        int linesEach = 2000;
        try (UnixDatagramReceiver receiver = new UnixDatagramReceiver(path.toString()); SyslogSink sink = open(path)) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            try {
                java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < linesEach; i++) {
                            sink.send(Severity.INFO, "haproxy", thread, "line " + i);
                        }
                    }));
                }
                for (java.util.concurrent.Future<?> future : done) {
                    future.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(threads * linesEach, sink.sent() + sink.dropped());
            long received = 0;
            while (receiver.poll().isPresent()) {
                received++;
            }
            assertEquals(sink.sent(), received);
        }
    }

    @Test
    void noReceiverDropsWithTheReasonAndASyslogRestartIsPickedUp() throws Exception {
        Path path = dir.resolve("restarting");
        try (SyslogSink sink = open(path)) {
            assertEquals(Result.DROPPED, sink.send(Severity.INFO, "haproxy", 1, "lost"));
            assertTrue(sink.lastError().orElseThrow().contains("No such file or directory"), sink.lastError().get());
            try (UnixDatagramReceiver receiver = new UnixDatagramReceiver(path.toString())) {
                assertEquals(Result.SENT, sink.send(Severity.INFO, "haproxy", 1, "back"));
                assertTrue(new String(receiver.poll().orElseThrow(), StandardCharsets.UTF_8).endsWith(": back\n"));
            }
            // The daemon is gone but its socket file stays: the kernel refuses the datagram.
            assertEquals(Result.DROPPED, sink.send(Severity.INFO, "haproxy", 1, "refused"));
            assertTrue(sink.lastError().orElseThrow().contains("Connection refused"), sink.lastError().get());
            assertEquals(2, sink.dropped());
            assertEquals(1, sink.sent());
        }
    }
}
