package dev.fulcrum.proxy.log;

import dev.fulcrum.api.model.proxy.LogFormat;
import dev.fulcrum.api.model.proxy.LogSettings;
import dev.fulcrum.api.model.proxy.LogTarget;
import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.syslog.Severity;
import dev.fulcrum.syslog.SyslogSink;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;

/** Doubles for the logging unit tests: a clock the test moves, a sink that keeps lines, a channel with IP addresses. */
final class LogFixtures {

    /** 2026-11-25 01:02:03.456 UTC: lines are formatted in UTC in these tests. */
    static final Instant START = Instant.parse("2026-11-25T01:02:03.456Z");
    static final InetSocketAddress CLIENT = new InetSocketAddress("192.0.2.7", 40000);
    static final InetSocketAddress LOCAL = new InetSocketAddress("198.51.100.1", 80);

    private LogFixtures() {
    }

    /** An {@link InstantSource} that stands still until the test moves it. */
    static final class ManualClock implements InstantSource {
        private Instant now = START;

        void advance(long millis) {
            now = now.plusMillis(millis);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Keeps every line it is given, with its severity and tag. */
    static final class RecordingSink implements SyslogSink {
        record Line(Severity severity, String tag, String message) {
        }

        final List<Line> lines = new ArrayList<>();
        boolean closed;

        @Override
        public Result send(Severity severity, String tag, long pid, String message) {
            lines.add(new Line(severity, tag, message));
            return Result.SENT;
        }

        List<String> messages() {
            return lines.stream().map(Line::message).toList();
        }

        @Override
        public long sent() {
            return lines.size();
        }

        @Override
        public long dropped() {
            return 0;
        }

        @Override
        public Optional<String> lastError() {
            return Optional.empty();
        }

        @Override
        public String describe() {
            return "recording";
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** An embedded client connection that reports IP addresses, as a socket channel would. */
    static final class IpChannel extends EmbeddedChannel {
        @Override
        protected SocketAddress remoteAddress0() {
            return CLIENT;
        }

        @Override
        protected SocketAddress localAddress0() {
            return LOCAL;
        }
    }

    static FrontendLog log(String frontend, Mode mode, LogFormat format, boolean dontLogNull, SyslogSink sink,
            InstantSource clock, IntSupplier active) {
        LogSettings settings = new LogSettings(true, List.of(new LogTarget("127.0.0.1", "local0", Optional.empty())),
                format, dontLogNull);
        return new FrontendLog(frontend, mode, settings, List.of(sink), clock, ZoneOffset.UTC, active);
    }
}
