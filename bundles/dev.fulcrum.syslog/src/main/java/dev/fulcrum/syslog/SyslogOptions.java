package dev.fulcrum.syslog;

import java.util.Objects;
import java.util.Optional;

/**
 * Framing settings shared by the targets of one proxy.
 *
 * @param hostname  the host name field; HAProxy sends none unless the global section says
 *                  {@code log-send-hostname [name]} (configuration.txt 3.1). The configuration model
 *                  does not carry that keyword yet, so {@link #DEFAULTS} leaves it out as HAProxy does.
 * @param maxLength the longest line (the datagram adds a line feed), configuration.txt 3.1 "log ... len" (default 1024, at least 80
 *                  so a header always fits)
 */
public record SyslogOptions(Optional<String> hostname, int maxLength) {

    /** HAProxy's defaults: no hostname, 1024 bytes. The tag ({@code log-tag}) is passed on each send. */
    public static final SyslogOptions DEFAULTS = new SyslogOptions(Optional.empty(), Rfc3164.DEFAULT_MAX_LENGTH);

    public SyslogOptions {
        Objects.requireNonNull(hostname, "hostname");
        hostname.ifPresent(h -> {
            if (h.isEmpty() || h.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
                throw new IllegalArgumentException("log-send-hostname: '" + h + "' must be printable ASCII without spaces");
            }
        });
        if (maxLength < 80 || maxLength > 65535) {
            throw new IllegalArgumentException("log len " + maxLength + " is not in 80..65535");
        }
    }
}
