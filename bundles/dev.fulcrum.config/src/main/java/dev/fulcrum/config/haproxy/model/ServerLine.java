package dev.fulcrum.config.haproxy.model;

import dev.fulcrum.api.model.proxy.Server;
import dev.fulcrum.config.haproxy.AddressParser;
import dev.fulcrum.config.haproxy.Endpoint;
import dev.fulcrum.config.haproxy.IntegerValue;
import dev.fulcrum.config.haproxy.Line;
import dev.fulcrum.config.haproxy.TimeValue;
import dev.fulcrum.config.haproxy.Token;
import dev.fulcrum.config.internal.ProblemCollector;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * configuration.txt 4.2 "server &lt;name&gt; &lt;address&gt;[:[port]] [param*]" with the 5.2 parameters check,
 * inter, fastinter, downinter, rise, fall, weight, backup, maxconn, maxqueue, disabled, slowstart and
 * send-proxy; any other parameter is reported as unsupported. Defaults per 5.2: inter 2s, fastinter
 * and downinter = inter, rise 2, fall 3, weight 1, maxconn 0 and maxqueue 0 (no limit), or what the
 * proxy's "default-server" lines (4.2 "default-server [param*]", also inherited from a defaults
 * section) set.
 */
final class ServerLine {

    private ServerLine() {
    }

    /**
     * A "default-server" line: its parameters change {@code defaults} for the server lines that
     * follow; nothing changes when one of them is invalid.
     */
    static void parseDefaults(Line line, String context, Params defaults, ProblemCollector problems) {
        Params p = defaults.copy();
        if (parameters(line, 0, "default-server", context, p, problems)) {
            defaults.setAll(p);
        }
    }

    /** @param defaults the proxy's "default-server" parameters so far */
    static Optional<Server> parse(Line line, String context, Params defaults, ProblemCollector problems) {
        Optional<Token> name = Words.require(line, 0, "server", "NAME ADDRESS[:PORT] [PARAMETERS]", problems);
        Optional<Token> address = name.isEmpty() ? Optional.empty()
                : Words.require(line, 1, "server", "an address after the server name", problems);
        if (address.isEmpty()) {
            return Optional.empty();
        }
        Optional<Endpoint> endpoint = AddressParser.parseServer(address.get(), problems);
        if (endpoint.isEmpty()) {
            return Optional.empty();
        }
        if (endpoint.get() instanceof Endpoint.Unix) {
            problems.unsupported(address.get().location(), "server on a UNIX socket", context);
            return Optional.empty();
        }
        Endpoint.Inet inet = (Endpoint.Inet) endpoint.get();
        if (inet.port().kind() == Endpoint.Port.Kind.OFFSET) {
            problems.unsupported(address.get().location(), "server port offset", context);
            return Optional.empty();
        }
        String host = inet.address().map(a -> a.getHostAddress()).orElse(inet.host());
        int port = inet.port().kind() == Endpoint.Port.Kind.FIXED ? inet.port().first() : 0;
        Params p = defaults.copy();
        if (!parameters(line, 2, "server", context, p, problems)) {
            return Optional.empty();
        }
        Duration inter = p.inter == null ? Server.DEFAULT_INTER : p.inter;
        return Optional.of(new Server(name.get().text(), host, port, p.check, inter,
                p.fastinter == null ? inter : p.fastinter, p.downinter == null ? inter : p.downinter, p.rise, p.fall,
                p.weight, p.backup, p.maxconn, p.disabled, p.slowstart, p.sendProxy, OptionalInt.of(p.maxqueue)));
    }

    /** Reads the 5.2 parameters from argument {@code first} on into {@code p}; false after an error. */
    private static boolean parameters(Line line, int first, String keywordOfLine, String context, Params p,
            ProblemCollector problems) {
        boolean ok = true;
        for (int i = first; i < line.arguments().size(); i++) {
            Token word = line.arguments().get(i);
            String keyword = word.text();
            switch (keyword) {
                case "check": p.check = true; break;
                case "backup": p.backup = true; break;
                case "disabled": p.disabled = true; break;
                case "send-proxy": p.sendProxy = true; break;
                case "inter":
                case "fastinter":
                case "downinter":
                case "slowstart": {
                    Optional<Duration> value = time(line, ++i, keywordOfLine, keyword,
                            !keyword.equals("slowstart"), problems);
                    ok &= value.isPresent();
                    value.ifPresent(v -> p.set(keyword, v));
                    break;
                }
                case "rise":
                case "fall":
                case "weight":
                case "maxconn":
                case "maxqueue": {
                    int min = keyword.equals("rise") || keyword.equals("fall") ? 1 : 0;
                    int max = keyword.equals("weight") ? Server.MAX_WEIGHT : Integer.MAX_VALUE;
                    Optional<Token> value = Words.require(line, ++i, keywordOfLine + " " + keyword, "an integer from " + min
                            + " to " + max, problems);
                    OptionalInt parsed = value.isPresent() ? IntegerValue.parse(value.get(), min, max, problems)
                            : OptionalInt.empty();
                    ok &= parsed.isPresent();
                    parsed.ifPresent(v -> p.set(keyword, v));
                    break;
                }
                default:
                    // Its arity is unknown, so the rest of the line cannot be read reliably.
                    problems.unsupported(word.location(), keywordOfLine + " " + keyword, context);
                    return false;
            }
        }
        return ok;
    }

    private static Optional<Duration> time(Line line, int index, String keywordOfLine, String keyword,
            boolean positive, ProblemCollector problems) {
        Optional<Token> value = Words.require(line, index, keywordOfLine + " " + keyword, "a time such as 2s", problems);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Optional<Duration> parsed = TimeValue.parse(value.get(), problems);
        if (parsed.isPresent() && positive && parsed.get().toMillis() == 0) {
            problems.error(value.get().location(), value.get().text(), "'" + keyword + "' must be at least 1ms");
            return Optional.empty();
        }
        return parsed;
    }

    /** The parameters as written so far: a proxy's "default-server" ones, or one server line's. */
    static final class Params {
        boolean check;
        boolean backup;
        boolean disabled;
        boolean sendProxy;
        Duration inter;
        Duration fastinter;
        Duration downinter;
        Duration slowstart = Duration.ZERO;
        int rise = Server.DEFAULT_RISE;
        int fall = Server.DEFAULT_FALL;
        int weight = Server.DEFAULT_WEIGHT;
        int maxconn;
        int maxqueue;

        Params copy() {
            Params c = new Params();
            c.setAll(this);
            return c;
        }

        void setAll(Params o) {
            check = o.check;
            backup = o.backup;
            disabled = o.disabled;
            sendProxy = o.sendProxy;
            inter = o.inter;
            fastinter = o.fastinter;
            downinter = o.downinter;
            slowstart = o.slowstart;
            rise = o.rise;
            fall = o.fall;
            weight = o.weight;
            maxconn = o.maxconn;
            maxqueue = o.maxqueue;
        }

        void set(String keyword, Duration value) {
            switch (keyword) {
                case "inter": inter = value; break;
                case "fastinter": fastinter = value; break;
                case "downinter": downinter = value; break;
                default: slowstart = value;
            }
        }

        void set(String keyword, int value) {
            switch (keyword) {
                case "rise": rise = value; break;
                case "fall": fall = value; break;
                case "weight": weight = value; break;
                case "maxqueue": maxqueue = value; break;
                default: maxconn = value;
            }
        }
    }
}
