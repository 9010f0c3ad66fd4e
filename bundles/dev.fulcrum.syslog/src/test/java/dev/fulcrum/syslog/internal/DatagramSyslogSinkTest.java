package dev.fulcrum.syslog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.syslog.Facility;
import dev.fulcrum.syslog.Severity;
import dev.fulcrum.syslog.SyslogOptions;
import dev.fulcrum.syslog.SyslogSink.Result;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatagramSyslogSinkTest {

    /** Records datagrams; fails the sends while {@code full} is set, like a socket with a full buffer. */
    private static final class RecordingTransport implements DatagramTransport {
        final List<String> datagrams = new ArrayList<>();
        boolean full;
        boolean closed;

        @Override
        public Optional<String> trySend(byte[] datagram) {
            if (full) {
                return Optional.of("sendto test: Resource temporarily unavailable");
            }
            datagrams.add(new String(datagram, StandardCharsets.UTF_8));
            return Optional.empty();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private final RecordingTransport transport = new RecordingTransport();
    private final InstantSource clock = InstantSource.fixed(Instant.parse("2026-11-24T21:03:09.500Z"));

    private DatagramSyslogSink sink(Severity max, ZoneId zone) {
        return new DatagramSyslogSink("127.0.0.1", Facility.LOCAL1, max, SyslogOptions.DEFAULTS, clock, zone, transport,
                closed -> { });
    }

    @Test
    void framesWithTheInjectedClockInTheGivenZone() {
        DatagramSyslogSink sink = sink(Severity.DEBUG, ZoneId.of("Asia/Tokyo"));
        assertEquals(Result.SENT, sink.send(Severity.NOTICE, "haproxy", 77, "Proxy fe started."));
        assertEquals(List.of("<141>Nov 25 06:03:09 haproxy[77]: Proxy fe started.\n"), transport.datagrams);
        assertEquals(1, sink.sent());
    }

    @Test
    void linesLessSevereThanTheMaxLevelAreFilteredNotDropped() {
        DatagramSyslogSink sink = sink(Severity.NOTICE, ZoneId.of("UTC"));
        assertEquals(Result.FILTERED, sink.send(Severity.INFO, "haproxy", 1, "request"));
        assertEquals(Result.SENT, sink.send(Severity.NOTICE, "haproxy", 1, "server up"));
        assertEquals(Result.SENT, sink.send(Severity.ALERT, "haproxy", 1, "no server"));
        assertEquals(2, transport.datagrams.size());
        assertEquals(0, sink.dropped());
    }

    @Test
    void aFullSocketDropsAndCountsAndRemembersWhy() {
        DatagramSyslogSink sink = sink(Severity.DEBUG, ZoneId.of("UTC"));
        transport.full = true;
        assertEquals(Result.DROPPED, sink.send(Severity.INFO, "haproxy", 1, "a"));
        assertEquals(Result.DROPPED, sink.send(Severity.INFO, "haproxy", 1, "b"));
        transport.full = false;
        assertEquals(Result.SENT, sink.send(Severity.INFO, "haproxy", 1, "c"));
        assertEquals(2, sink.dropped());
        assertEquals(1, sink.sent());
        assertEquals(Optional.of("sendto test: Resource temporarily unavailable"), sink.lastError());
        assertTrue(sink.describe().contains("local1"), sink.describe());
        sink.close();
        assertTrue(transport.closed);
    }
}
