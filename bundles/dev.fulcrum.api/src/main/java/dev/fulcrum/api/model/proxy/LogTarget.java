package dev.fulcrum.api.model.proxy;

import dev.fulcrum.api.model.internal.Checks;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One syslog destination: configuration.txt 3.1 "log &lt;address&gt; &lt;facility&gt; [&lt;level&gt;]".
 *
 * @param address  as written: {@code /dev/log}, {@code 127.0.0.1}, {@code 10.0.0.1:514}, ...
 * @param facility one of {@link #FACILITIES}
 * @param level    the maximum level sent, one of {@link #LEVELS}; empty: all levels
 */
public record LogTarget(String address, String facility, Optional<String> level) {

    /** The 24 syslog facilities of configuration.txt 3.1 "log". */
    public static final List<String> FACILITIES = List.of("kern", "user", "mail", "daemon", "auth", "syslog", "lpr",
            "news", "uucp", "cron", "auth2", "ftp", "ntp", "audit", "alert", "cron2", "local0", "local1", "local2",
            "local3", "local4", "local5", "local6", "local7");

    /** The 8 syslog levels of configuration.txt 3.1 "log", most severe first. */
    public static final List<String> LEVELS = List.of("emerg", "alert", "crit", "err", "warning", "notice", "info",
            "debug");

    public LogTarget {
        Checks.name("log address", address);
        Objects.requireNonNull(facility, "facility");
        Objects.requireNonNull(level, "level");
        if (!FACILITIES.contains(facility)) {
            throw new IllegalArgumentException("unknown syslog facility '" + facility + "'");
        }
        if (level.isPresent() && !LEVELS.contains(level.get())) {
            throw new IllegalArgumentException("unknown syslog level '" + level.get() + "'");
        }
    }
}
