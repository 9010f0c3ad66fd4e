package dev.fulcrum.config.haproxy;

import dev.fulcrum.config.internal.IpLiterals;
import dev.fulcrum.config.internal.ProblemCollector;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Addresses of {@code bind} and {@code server} lines (configuration.txt 4.2 "bind" and "server",
 * 11 "Address formats"; behaviour checked against HAProxy 2.6.12):
 * <ul>
 *   <li>{@code bind [<address>]:<port_range> [, ...]} and {@code bind /<path>}: the port is
 *       mandatory, 1..65535 or a range {@code 2000-2100}; an empty address or {@code *} means all
 *       IPv4 addresses; for IPv6 "the port is always the number after the last colon", or the
 *       address is written in brackets ({@code [::1]:80});</li>
 *   <li>{@code server <name> <address>[:[port]]}: the port is optional (0 or none: the client's
 *       port), {@code +N}/{@code -N} is an offset to the client's port, ranges are not allowed; a
 *       host name is kept unresolved;</li>
 *   <li>prefixes {@code ipv4@}, {@code ipv6@}, {@code ip@}, {@code unix@} (11.1), the stream
 *       aliases {@code tcp@}, {@code tcp4@}, {@code tcp6@} (11.3) and {@code stream+} (11.2).
 *       The other prefixes of section 11 (fd@, abns@, sockpair@, udp, quic, dgram+) are reported
 *       as unsupported.</li>
 * </ul>
 * Stricter than HAProxy where it accepts nonsense silently: {@code :8a} or a trailing comma in a
 * bind list are errors here, and IPv4 octets with leading zeros are rejected rather than resolved.
 */
public final class AddressParser {

    private static final String CONTEXT = "haproxy.cfg addresses";
    private static final Map<String, Endpoint.Family> FAMILY_PREFIXES = Map.of(
            "ip@", Endpoint.Family.UNSPECIFIED, "ipv4@", Endpoint.Family.IPV4, "ipv6@", Endpoint.Family.IPV6,
            "tcp@", Endpoint.Family.UNSPECIFIED, "tcp4@", Endpoint.Family.IPV4, "tcp6@", Endpoint.Family.IPV6);
    private static final Set<String> UNSUPPORTED_PREFIXES = Set.of("abns@", "fd@", "sockpair@", "udp@", "udp4@",
            "udp6@", "quic4@", "quic6@", "uxst@", "uxdg@");

    private enum Use {
        BIND,
        SERVER
    }

    private AddressParser() {
    }

    /** The listening addresses of one bind word, a comma-separated list; bad items are reported and left out. */
    public static List<Endpoint> parseBind(Token token, ProblemCollector problems) {
        List<Endpoint> endpoints = new ArrayList<>();
        String text = token.text();
        int start = 0;
        while (true) {
            int comma = text.indexOf(',', start);
            int end = comma < 0 ? text.length() : comma;
            Token item = token.slice(start, end);
            if (item.text().isEmpty()) {
                problems.error(item.location(), text, text.isEmpty() ? "missing address: expected [ADDRESS]:PORT or /PATH"
                        : "empty address in a comma-separated list");
            } else {
                parse(item, Use.BIND, problems).ifPresent(endpoints::add);
            }
            if (comma < 0) {
                return endpoints;
            }
            start = comma + 1;
        }
    }

    /** The address of a server line, or empty after reporting why it is not one. */
    public static Optional<Endpoint> parseServer(Token token, ProblemCollector problems) {
        if (token.text().isEmpty()) {
            problems.error(token.location(), "", "missing address: expected ADDRESS[:PORT] or /PATH");
            return Optional.empty();
        }
        return parse(token, Use.SERVER, problems);
    }

    private static Optional<Endpoint> parse(Token item, Use use, ProblemCollector problems) {
        String text = item.text();
        if (text.startsWith("/")) {
            return Optional.of(new Endpoint.Unix(text, item.location()));
        }
        int at = text.indexOf('@');
        Endpoint.Family forced = Endpoint.Family.UNSPECIFIED;
        int offset = 0;
        if (at >= 0) {
            String prefix = text.substring(0, at + 1);
            String family = prefix.startsWith("stream+") ? prefix.substring("stream+".length()) : prefix;
            if (family.equals("unix@")) {
                if (at + 1 == text.length()) {
                    problems.error(item.location(), text, "missing socket path after 'unix@'");
                    return Optional.empty();
                }
                return Optional.of(new Endpoint.Unix(text.substring(at + 1), item.location()));
            }
            if (UNSUPPORTED_PREFIXES.contains(family) || prefix.startsWith("dgram+")) {
                problems.unsupported(item.location(), prefix, CONTEXT);
                return Optional.empty();
            }
            if (!FAMILY_PREFIXES.containsKey(family)) {
                problems.error(item.location(), text, "unknown address prefix '" + prefix
                        + "': expected ipv4@, ipv6@, ip@, tcp@, tcp4@, tcp6@ or unix@");
                return Optional.empty();
            }
            forced = FAMILY_PREFIXES.get(family);
            offset = at + 1;
        }
        return hostAndPort(item, offset, forced, use, problems);
    }

    private static Optional<Endpoint> hostAndPort(Token item, int offset, Endpoint.Family forced, Use use,
            ProblemCollector problems) {
        String text = item.text();
        int hostStart = offset;
        int hostEnd;
        int portStart = -1;
        if (text.startsWith("[", offset)) {
            int close = text.indexOf(']', offset);
            if (close < 0) {
                problems.error(item.locationAt(offset), text, "missing ']' after the IPv6 address");
                return Optional.empty();
            }
            hostStart = offset + 1;
            hostEnd = close;
            if (close + 1 < text.length()) {
                if (text.charAt(close + 1) != ':') {
                    problems.error(item.locationAt(close + 1), text, "unexpected character '" + text.charAt(close + 1)
                            + "' after ']': expected :PORT");
                    return Optional.empty();
                }
                portStart = close + 2;
            }
        } else {
            int colon = text.lastIndexOf(':');
            hostEnd = colon >= offset ? colon : text.length();
            portStart = colon >= offset ? colon + 1 : -1;
        }
        Optional<Host> host = Host.parse(item, hostStart, hostEnd, forced, problems);
        if (host.isEmpty()) {
            return Optional.empty();
        }
        Optional<Endpoint.Port> port = use == Use.BIND ? bindPort(item, portStart, problems)
                : serverPort(item, portStart, problems);
        return port.map(p -> new Endpoint.Inet(host.get().family, host.get().text, host.get().address, p,
                item.location()));
    }

    /** Mandatory: a port or a range FIRST-LAST, each 1..65535. */
    private static Optional<Endpoint.Port> bindPort(Token item, int start, ProblemCollector problems) {
        String text = item.text();
        if (start < 0 || start == text.length()) {
            problems.error(item.location(), text, "missing port: a bind address needs :PORT or :FIRST-LAST");
            return Optional.empty();
        }
        if (text.charAt(start) == '+' || text.charAt(start) == '-') {
            problems.error(item.locationAt(start), text, "port offset not permitted on a bind address");
            return Optional.empty();
        }
        int dash = text.indexOf('-', start);
        int firstEnd = dash < 0 ? text.length() : dash;
        int first = portNumber(item, start, firstEnd, 1, problems);
        int last = dash < 0 ? first : portNumber(item, dash + 1, text.length(), 1, problems);
        if (first < 0 || last < 0) {
            return Optional.empty();
        }
        if (first > last) {
            problems.error(item.locationAt(start), text, "invalid port range '" + text.substring(start)
                    + "': the first port must not exceed the last");
            return Optional.empty();
        }
        return Optional.of(Endpoint.Port.fixed(first, last));
    }

    /** Optional: none or 0 (the client's port), N, or an offset +N / -N. */
    private static Optional<Endpoint.Port> serverPort(Token item, int start, ProblemCollector problems) {
        String text = item.text();
        if (start < 0 || start == text.length()) {
            return Optional.of(Endpoint.Port.none());
        }
        char sign = text.charAt(start);
        if (sign == '+' || sign == '-') {
            int delta = portNumber(item, start + 1, text.length(), 0, problems);
            return delta < 0 ? Optional.empty() : Optional.of(Endpoint.Port.offset(sign == '-' ? -delta : delta));
        }
        if (text.indexOf('-', start) >= 0) {
            problems.error(item.locationAt(text.indexOf('-', start)), text, "port range not permitted on a server address");
            return Optional.empty();
        }
        int port = portNumber(item, start, text.length(), 0, problems);
        if (port < 0) {
            return Optional.empty();
        }
        return Optional.of(port == 0 ? Endpoint.Port.none() : Endpoint.Port.fixed(port, port));
    }

    /** Decimal digits in [min, 65535], or -1 after reporting. */
    private static int portNumber(Token item, int start, int end, int min, ProblemCollector problems) {
        String text = item.text();
        String digits = text.substring(start, end);
        boolean numeric = !digits.isEmpty() && digits.length() <= 5 && digits.chars().allMatch(c -> c >= '0' && c <= '9');
        int value = numeric ? Integer.parseInt(digits) : -1;
        if (value < min || value > 65535) {
            problems.error(item.locationAt(start), text, "invalid port '" + digits + "': expected a number from " + min
                    + " to 65535");
            return -1;
        }
        return value;
    }

    /** The host part: "any", an IPv4 or IPv6 literal, or a host name. */
    private static final class Host {

        private final Endpoint.Family family;
        private final String text;
        private final Optional<InetAddress> address;

        private Host(Endpoint.Family family, String text, Optional<InetAddress> address) {
            this.family = family;
            this.text = text;
            this.address = address;
        }

        static Optional<Host> parse(Token item, int start, int end, Endpoint.Family forced, ProblemCollector problems) {
            String host = item.text().substring(start, end);
            String all = item.text();
            if (host.isEmpty() || host.equals("*")) {
                boolean v6 = forced == Endpoint.Family.IPV6;
                return Optional.of(new Host(v6 ? Endpoint.Family.IPV6 : Endpoint.Family.IPV4, host,
                        Optional.of(v6 ? IpLiterals.anyIpv6() : IpLiterals.anyIpv4())));
            }
            if (host.indexOf(':') >= 0) {
                Optional<InetAddress> v6 = IpLiterals.ipv6(host);
                if (v6.isEmpty()) {
                    problems.error(item.locationAt(start), all, "invalid IPv6 address '" + host
                            + "': write an IPv6 address followed by a port as [ADDRESS]:PORT");
                } else if (forced == Endpoint.Family.IPV4) {
                    problems.error(item.locationAt(start), all, "'" + host + "' is not an IPv4 address, as 'ipv4@' requires");
                }
                return v6.isEmpty() || forced == Endpoint.Family.IPV4 ? Optional.empty()
                        : Optional.of(new Host(Endpoint.Family.IPV6, host, v6));
            }
            Optional<InetAddress> v4 = IpLiterals.ipv4(host);
            if (v4.isPresent()) {
                if (forced == Endpoint.Family.IPV6) {
                    problems.error(item.locationAt(start), all, "'" + host + "' is not an IPv6 address, as 'ipv6@' requires");
                    return Optional.empty();
                }
                return Optional.of(new Host(Endpoint.Family.IPV4, host, v4));
            }
            if (host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'))) {
                problems.error(item.locationAt(start), all, "invalid IPv4 address '" + host
                        + "': expected four numbers 0-255 without leading zeros");
                return Optional.empty();
            }
            for (int i = 0; i < host.length(); i++) {
                char c = host.charAt(i);
                boolean edge = i == 0 || i == host.length() - 1;
                if (!(ProxyNames.isNameCharacter(c) && c != ':') || (edge && (c == '.' || c == '-'))) {
                    problems.error(item.locationAt(start + i), all, "invalid character '" + c + "' in host name '" + host
                            + "': expected an IP address or a host name of letters, digits, '-', '_' and '.'");
                    return Optional.empty();
                }
            }
            return Optional.of(new Host(forced, host, Optional.empty()));
        }
    }
}
