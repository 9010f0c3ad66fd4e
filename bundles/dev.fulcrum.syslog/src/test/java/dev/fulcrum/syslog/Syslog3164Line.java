package dev.fulcrum.syslog;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses one RFC 3164 datagram into its fields, the same way for HAProxy's and Fulcrum's. */
public record Syslog3164Line(int priority, String month, String day, String time, String hostname, String tag,
        long pid, String message) {

    private static final Pattern LINE = Pattern.compile("<(\\d{1,3})>([A-Z][a-z]{2}) ([ 1-3]\\d) (\\d\\d:\\d\\d:\\d\\d) "
            + "(?:([^\\s\\[]+) )?([^\\s\\[]+)\\[(\\d+)\\]: (.*)\n", Pattern.DOTALL);

    public static Syslog3164Line parse(String datagram) {
        Matcher m = LINE.matcher(datagram);
        assertTrue(m.matches(), "not an RFC 3164 line as HAProxy frames it: " + datagram);
        return new Syslog3164Line(Integer.parseInt(m.group(1)), m.group(2), m.group(3), m.group(4),
                m.group(5) == null ? "" : m.group(5), m.group(6), Long.parseLong(m.group(7)), m.group(8));
    }
}
