package dev.fulcrum.syslog;

import java.util.Arrays;
import java.util.Locale;

/**
 * The 8 syslog severities, numbered as RFC 3164 section 4.1.1 (table 2), most severe first, with
 * HAProxy's level keywords (configuration.txt 3.1 "log").
 */
public enum Severity {
    EMERG, ALERT, CRIT, ERR, WARNING, NOTICE, INFO, DEBUG;

    /** The numeric code: 0 (emerg) to 7 (debug). */
    public int code() {
        return ordinal();
    }

    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this severity is at least as severe as {@code max}: what a target's max level lets through. */
    public boolean atLeast(Severity max) {
        return code() <= max.code();
    }

    /** @throws IllegalArgumentException naming the keyword and the accepted ones */
    public static Severity fromKeyword(String keyword) {
        return Arrays.stream(values()).filter(s -> s.keyword().equals(keyword)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown syslog level '" + keyword
                        + "'; expected one of " + Arrays.stream(values()).map(Severity::keyword).toList()));
    }
}
