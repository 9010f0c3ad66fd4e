package dev.fulcrum.syslog.internal;

import dev.fulcrum.syslog.Facility;
import dev.fulcrum.syslog.Rfc3164;
import dev.fulcrum.syslog.Severity;
import dev.fulcrum.syslog.SyslogOptions;
import dev.fulcrum.syslog.SyslogSink;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** Filters by the target's max level, frames as RFC 3164, sends without waiting, counts. */
public final class DatagramSyslogSink implements SyslogSink {

    private final String description;
    private final Facility facility;
    private final Severity maxSeverity;
    private final SyslogOptions options;
    private final InstantSource clock;
    private final ZoneId zone;
    private final DatagramTransport transport;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Consumer<SyslogSink> onClose;
    private volatile String lastError;

    public DatagramSyslogSink(String description, Facility facility, Severity maxSeverity, SyslogOptions options,
            InstantSource clock, ZoneId zone, DatagramTransport transport, Consumer<SyslogSink> onClose) {
        this.description = description + " " + facility.keyword() + " " + maxSeverity.keyword();
        this.facility = facility;
        this.maxSeverity = maxSeverity;
        this.options = options;
        this.clock = clock;
        this.zone = zone;
        this.transport = transport;
        this.onClose = onClose;
    }

    @Override
    public Result send(Severity severity, String tag, long pid, String message) {
        if (!severity.atLeast(maxSeverity)) {
            return Result.FILTERED;
        }
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), zone);
        byte[] datagram = Rfc3164.frame(facility, severity, now, options.hostname(), tag, pid, message,
                options.maxLength());
        Optional<String> failure = transport.trySend(datagram);
        if (failure.isPresent()) {
            lastError = failure.get();
            dropped.incrementAndGet();
            return Result.DROPPED;
        }
        sent.incrementAndGet();
        return Result.SENT;
    }

    @Override
    public long sent() {
        return sent.get();
    }

    @Override
    public long dropped() {
        return dropped.get();
    }

    @Override
    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        transport.close();
        onClose.accept(this);
    }
}
