package dev.fulcrum.syslog;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One open {@code log} target. {@link #send} formats and hands one datagram to the kernel without
 * ever waiting: a full socket buffer, a missing receiver or an unreachable network drop the line and
 * count it, as HAProxy does. Safe to call from several event-loop threads at once.
 */
@ProviderType
public interface SyslogSink extends AutoCloseable {

    /** What happened to one line. */
    enum Result {
        /** Handed to the kernel. */
        SENT,
        /** Less severe than the target's max level: not sent, not counted as dropped. */
        FILTERED,
        /** Could not be sent at once (see {@link #lastError()}); counted in {@link #dropped()}. */
        DROPPED
    }

    /**
     * @param tag     the program name field, HAProxy's {@code log-tag} (default {@code haproxy})
     * @param pid     the process id field
     * @param message the log line without framing
     */
    Result send(Severity severity, String tag, long pid, String message);

    long sent();

    long dropped();

    /** Why the last drop happened, e.g. "sendto /dev/log: Connection refused". */
    Optional<String> lastError();

    /** The target as configured, for status reports. */
    String describe();

    @Override
    void close();
}
