package dev.fulcrum.syslog.logformat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The field encodings the log formats share (configuration.txt 8.2.4 "Custom log format"). */
final class LogFields {

    /** {@code %t} and {@code %tr}: "dd/MMM/yyyy:HH:mm:ss.SSS" in local time. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss.SSS", Locale.ENGLISH);

    /** Characters HAProxy escapes as "#XX" in the request line (besides control and non-ASCII bytes). */
    private static final String REQUEST_ESCAPED = "\"#";
    /** ... and in captured headers and cookies, where braces and the pipe delimit values. */
    private static final String HEADER_ESCAPED = "\"#{|}";

    private LogFields() {
    }

    static String date(Instant instant, ZoneId zone) {
        return DATE.format(instant.atZone(zone));
    }

    static String frontend(String name, boolean tls) {
        return tls ? name + "~" : name;
    }

    /** The address as inet_ntop(3) writes it: dotted IPv4, RFC 5952 compressed lowercase IPv6. */
    static String address(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        byte[] bytes = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (bytes[2 * i] & 0xff) << 8 | bytes[2 * i + 1] & 0xff;
        }
        int bestStart = -1;
        int bestLength = 1; // RFC 5952 4.2.2: a single zero group is not compressed
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    /** {@code %ci:%cp [DATE] %ft %b/%s}: the head both formats share. */
    static LineBuilder head(LogFacts facts, Instant date, ZoneId zone) {
        return new LineBuilder()
                .field(address(facts.client().getAddress())).literal(':').field(facts.client().getPort())
                .space().field("[" + date(date, zone) + "]")
                .space().field(frontend(facts.frontend(), facts.tls()))
                .space().field(facts.backend()).literal('/').field(facts.server().orElse("<NOSRV>"));
    }

    /** {@code %ac/%fc/%bc/%sc/%rc %sq/%bq}. */
    static LineBuilder counters(LineBuilder line, Connections c) {
        return line.field(c.active()).literal('/').field(c.frontend()).literal('/').field(c.backend())
                .literal('/').field(c.server()).literal('/').field(retries(c))
                .space().field(c.serverQueue()).literal('/').field(c.backendQueue());
    }

    static String retries(Connections connections) {
        return connections.redispatched() ? "+" + connections.retries() : Integer.toString(connections.retries());
    }

    static String requestLine(String line) {
        return '"' + uri(line) + '"';
    }

    /** The request line or a part of it, escaped as HAProxy escapes %r, %HU, %HP and %HQ. */
    static String uri(String text) {
        return escape(text, REQUEST_ESCAPED);
    }

    /** One captured header value, escaped as in %hr and %hrl. */
    static String header(String value) {
        return escape(value, HEADER_ESCAPED);
    }

    static String cookie(Optional<String> cookie) {
        return cookie.map(c -> escape(c, HEADER_ESCAPED)).orElse("-");
    }

    /** "{v1|v2}", or nothing when no capture is configured. */
    static String headers(List<String> values) {
        if (values.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder().append('{');
        for (int i = 0; i < values.size(); i++) {
            text.append(i == 0 ? "" : "|").append(header(values.get(i)));
        }
        return text.append('}').toString();
    }

    /** Control characters, DEL and non-ASCII bytes, and the given characters become "#XX" (uppercase hex). */
    static String escape(String value, String alsoEscaped) {
        StringBuilder text = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xff) {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    hex(text, b & 0xff);
                }
            } else if (c < 0x20 || c >= 0x7f || alsoEscaped.indexOf(c) >= 0) {
                hex(text, c);
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }

    private static void hex(StringBuilder text, int value) {
        text.append('#').append(Character.toUpperCase(Character.forDigit(value >> 4, 16)))
                .append(Character.toUpperCase(Character.forDigit(value & 0xf, 16)));
    }
}
