package dev.fulcrum.syslog;

import java.util.Arrays;

/**
 * The 24 syslog facilities, numbered as RFC 3164 section 4.1.1 (table 1) and named as HAProxy's
 * configuration.txt 3.1 "log" names them ({@code auth2}, {@code cron2}, {@code ntp}, {@code audit},
 * {@code alert} are HAProxy's names for codes 10, 15, 12, 13, 14).
 */
public enum Facility {
    KERN, USER, MAIL, DAEMON, AUTH, SYSLOG, LPR, NEWS, UUCP, CRON, AUTH2, FTP, NTP, AUDIT, ALERT, CRON2,
    LOCAL0, LOCAL1, LOCAL2, LOCAL3, LOCAL4, LOCAL5, LOCAL6, LOCAL7;

    /** The numeric code: the declaration order is RFC 3164's numbering. */
    public int code() {
        return ordinal();
    }

    /** The haproxy.cfg keyword, e.g. {@code local0}. */
    public String keyword() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the keyword and the accepted ones */
    public static Facility fromKeyword(String keyword) {
        return Arrays.stream(values()).filter(f -> f.keyword().equals(keyword)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown syslog facility '" + keyword
                        + "'; expected one of " + Arrays.stream(values()).map(Facility::keyword).toList()));
    }
}
