package dev.fulcrum.syslog.logformat;

import dev.fulcrum.api.model.proxy.CustomLogFormat;
import dev.fulcrum.api.model.proxy.LogFormatNode;
import dev.fulcrum.api.model.proxy.LogFormatNode.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A "log-format" line (configuration.txt 8.2.6 "Custom log format"), written as HAProxy 2.6 writes
 * each variable (measured with haproxy 2.6.12, LogDifferentialTest): strings and addresses take
 * the Q and E flags and show "-" when empty ({@code ""} when quoted); numbers, ports, dates and
 * termination states are never quoted; X writes addresses as their bytes in hex and ports, %Ts,
 * %rt and %pid as "%04X". A separator writes one space unless the line already ends with one.
 */
public final class CustomLogFormatter {

    /** %T, %Tl, %trg, %trl: "dd/MMM/yyyy:HH:mm:ss +zzzz". */
    private static final DateTimeFormatter ZONED_DATE = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);
    private static final String BAD_REQUEST = "<BADREQ>";

    private final CustomLogFormat format;
    private final boolean http;
    private final ZoneId zone;
    private final String hostname;
    private final long pid;

    /**
     * @param http     whether lines are about HTTP requests (a tcp-mode frontend logs connections)
     * @param zone     HAProxy writes local dates in the local time zone
     * @param hostname {@code %H}
     * @param pid      {@code %pid}
     */
    public CustomLogFormatter(CustomLogFormat format, boolean http, ZoneId zone, String hostname, long pid) {
        this.format = Objects.requireNonNull(format, "format");
        this.http = http;
        this.zone = Objects.requireNonNull(zone, "zone");
        this.hostname = Objects.requireNonNull(hostname, "hostname");
        this.pid = pid;
    }

    public String format(LogFacts facts, SessionDetails details) {
        LineBuilder line = new LineBuilder();
        for (LogFormatNode node : format.nodes()) {
            if (node instanceof LogFormatNode.Separator) {
                line.space();
            } else if (node instanceof LogFormatNode.Text text) {
                line.field(text.text());
            } else {
                line.field(value((Field) node, facts, details));
            }
        }
        return line.toString();
    }

    private String value(Field f, LogFacts facts, SessionDetails details) {
        Connections c = facts.connections();
        Captures captures = facts.captures();
        return switch (f.variable()) {
            case BYTES_READ -> Long.toString(facts.bytesRead());
            case BYTES_UPLOADED -> Long.toString(details.bytesUploaded());
            case CAPTURED_REQUEST_COOKIE -> string(f, captures.requestCookie().orElse(""));
            case CAPTURED_RESPONSE_COOKIE -> string(f, captures.responseCookie().orElse(""));
            case HOSTNAME -> string(f, hostname);
            case UNIQUE_ID -> string(f, ""); // unique-id-format is not supported: never set
            case STATUS -> Integer.toString(facts.status());
            case HTTP_METHOD, HTTP_PATH, HTTP_PATH_ONLY, HTTP_QUERY, HTTP_URI, HTTP_VERSION -> requestPart(f, facts);
            case REQUEST_LINE -> quote(f, facts.requestLine().map(LogFields::uri).orElse(BAD_REQUEST));
            case GMT_DATE -> zoned(facts.acceptDate(), ZoneOffset.UTC);
            case LOCAL_DATE -> zoned(facts.acceptDate(), zone);
            case ACCEPT_DATE -> LogFields.date(facts.acceptDate(), zone);
            case REQUEST_DATE -> LogFields.date(facts.requestDate(), zone);
            case REQUEST_GMT_DATE -> zoned(facts.requestDate(), ZoneOffset.UTC);
            case REQUEST_LOCAL_DATE -> zoned(facts.requestDate(), zone);
            case TIMESTAMP -> hexOr(f, facts.acceptDate().getEpochSecond());
            case ACCEPT_MILLISECONDS -> String.format("%03d", facts.acceptDate().toEpochMilli() % 1000);
            case ACTIVE_TIME, CONNECT_TIME, DATA_TIME, HANDSHAKE_TIME, IDLE_TIME, REQUEST_TIME_WITH_IDLE,
                    REQUEST_TIME, RESPONSE_TIME, TOTAL_TIME, USER_TIME, QUEUE_TIME -> Integer.toString(timer(f, facts));
            case ACTIVE_CONNECTIONS -> Integer.toString(c.active());
            case FRONTEND_CONNECTIONS -> Integer.toString(c.frontend());
            case BACKEND_CONNECTIONS -> Integer.toString(c.backend());
            case SERVER_CONNECTIONS -> Integer.toString(c.server());
            case RETRIES -> LogFields.retries(c);
            case SERVER_QUEUE -> Integer.toString(c.serverQueue());
            case BACKEND_QUEUE -> Integer.toString(c.backendQueue());
            case BACKEND -> string(f, facts.backend());
            case SERVER -> string(f, facts.server().orElse("<NOSRV>"));
            case FRONTEND -> string(f, facts.frontend());
            case FRONTEND_TRANSPORT -> string(f, LogFields.frontend(facts.frontend(), facts.tls()));
            case CLIENT_IP -> ip(f, Optional.of(facts.client()));
            case CLIENT_PORT -> port(f, Optional.of(facts.client()));
            case FRONTEND_IP -> ip(f, details.frontendAddress());
            case FRONTEND_PORT -> port(f, details.frontendAddress());
            case BACKEND_SOURCE_IP -> ip(f, details.backendSource());
            case BACKEND_SOURCE_PORT -> port(f, details.backendSource());
            case SERVER_IP -> ip(f, details.serverAddress());
            case SERVER_PORT -> port(f, details.serverAddress());
            case FRONTEND_LOG_COUNTER -> Long.toString(details.logCounter());
            case REQUEST_COUNTER -> hexOr(f, details.requestCounter());
            case PID -> hexOr(f, pid);
            case CAPTURED_REQUEST_HEADERS -> quote(f, LogFields.headers(captures.requestHeaders()));
            case CAPTURED_RESPONSE_HEADERS -> quote(f, LogFields.headers(captures.responseHeaders()));
            case CAPTURED_REQUEST_HEADER_LIST -> headerList(f, captures.requestHeaders());
            case CAPTURED_RESPONSE_HEADER_LIST -> headerList(f, captures.responseHeaders());
            case TERMINATION_STATE -> facts.termination().twoChars();
            case TERMINATION_STATE_WITH_COOKIES -> facts.termination().fourChars();
        };
    }

    /**
     * 8.4's timers as 8.2.6 combines them. Th (handshake) is 0: Fulcrum does not time TLS handshakes
     * apart, they count in Ti, the idle time from the accept (or the previous request) to the
     * request's first byte. Tq = Th + Ti + TR, Tu = Tt - Ti, Td = Tt - (Tq + Tw + Tc + Tr) in HTTP
     * and Tt - (Tw + Tc) in TCP; -1 for a step never reached.
     */
    private int timer(Field f, LogFacts facts) {
        Timers t = facts.timers();
        int idle = http ? (int) Math.max(0, facts.requestDate().toEpochMilli() - facts.acceptDate().toEpochMilli())
                : Timers.NOT_REACHED;
        int request = t.requestReceive() < 0 ? Timers.NOT_REACHED : idle + t.requestReceive();
        return switch (f.variable()) {
            case ACTIVE_TIME -> http ? t.active() : t.total();
            case CONNECT_TIME -> t.connect();
            case HANDSHAKE_TIME -> 0;
            case IDLE_TIME -> idle;
            case REQUEST_TIME_WITH_IDLE -> request;
            case REQUEST_TIME -> t.requestReceive();
            case RESPONSE_TIME -> t.response();
            case TOTAL_TIME -> t.total();
            case USER_TIME -> t.total() - Math.max(0, idle);
            case QUEUE_TIME -> t.queue();
            default -> {
                if (http) {
                    yield t.response() < 0 ? Timers.NOT_REACHED
                            : Math.max(0, t.total() - request - t.queue() - t.connect() - t.response());
                }
                yield t.connect() < 0 ? Timers.NOT_REACHED : Math.max(0, t.total() - Math.max(0, t.queue()) - t.connect());
            }
        };
    }

    /** %HM %HU %HP %HPO %HQ %HV: parts of "METHOD TARGET HTTP/1.x"; each is "&lt;BADREQ&gt;" without a request. */
    private static String requestPart(Field f, LogFacts facts) {
        if (facts.requestLine().isEmpty()) {
            return quote(f, BAD_REQUEST);
        }
        String line = facts.requestLine().get();
        int first = line.indexOf(' ');
        int last = line.lastIndexOf(' ');
        String target = line.substring(first + 1, last);
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        return switch (f.variable()) {
            case HTTP_METHOD -> string(f, line.substring(0, first));
            case HTTP_VERSION -> string(f, line.substring(last + 1));
            case HTTP_URI -> string(f, LogFields.uri(target));
            case HTTP_PATH -> string(f, LogFields.uri(path));
            case HTTP_PATH_ONLY -> string(f, LogFields.uri(pathOnly(path)));
            // No query: nothing at all, not "-" ("" when quoted; measured).
            default -> query >= 0 ? string(f, LogFields.uri(target.substring(query))) : f.quoted() ? "\"\"" : "";
        };
    }

    /** The path of an absolute-form target ("http://host/p" gives "/p", RFC 9112 3.2.2). */
    private static String pathOnly(String path) {
        int scheme = path.indexOf("://");
        if (path.startsWith("/") || scheme < 0) {
            return path;
        }
        int slash = path.indexOf('/', scheme + 3);
        return slash < 0 ? "/" : path.substring(slash);
    }

    /** %hrl, %hsl: each value on its own, separated by spaces; "-" for an absent one unless quoted. */
    private static String headerList(Field f, List<String> values) {
        StringBuilder text = new StringBuilder();
        for (String value : values) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(value.isEmpty() ? (f.quoted() ? "\"\"" : "-") : quote(f, LogFields.header(value)));
        }
        return text.toString();
    }

    private static String ip(Field f, Optional<InetSocketAddress> address) {
        if (address.isEmpty()) {
            return string(f, "");
        }
        InetAddress ip = address.get().getAddress();
        if (!f.hex()) {
            return string(f, LogFields.address(ip));
        }
        StringBuilder hex = new StringBuilder();
        for (byte b : ip.getAddress()) {
            hex.append(String.format("%02X", b & 0xff));
        }
        return string(f, hex.toString());
    }

    private static String port(Field f, Optional<InetSocketAddress> address) {
        if (address.isEmpty()) {
            return string(f, "");
        }
        int port = address.get().getPort();
        return f.hex() ? string(f, String.format("%04X", port)) : Integer.toString(port);
    }

    private static String hexOr(Field f, long value) {
        return f.hex() ? String.format("%04X", value) : Long.toString(value);
    }

    private static String zoned(Instant instant, ZoneId zone) {
        return ZONED_DATE.format(instant.atZone(zone));
    }

    /** A string variable: "-" when empty, unless quoted. */
    private static String string(Field f, String value) {
        if (value.isEmpty()) {
            return f.quoted() ? "\"\"" : "-";
        }
        return quote(f, value);
    }

    /**
     * Between double quotes with Q, and with E '"', '\' and ']' prefixed with '\' (measured: also
     * in captured headers, after their own "#XX" escaping); an empty text (no capture configured) stays empty.
     */
    private static String quote(Field f, String text) {
        if (text.isEmpty()) {
            return text;
        }
        String escaped = f.escaped() ? text.replace("\\", "\\\\").replace("\"", "\\\"").replace("]", "\\]") : text;
        return f.quoted() ? '"' + escaped + '"' : escaped;
    }
}
