package dev.fulcrum.syslog;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where a {@code log} line goes (configuration.txt 3.1 "log &lt;address&gt;"): a unix datagram
 * socket path or a UDP host and port. {@link #parse} accepts the forms HAProxy 2.6 documents for a
 * syslog target and rejects the others with a message saying why.
 */
public sealed interface SyslogAddress {

    /** configuration.txt 3.1 "log": "port 514 by default" for UDP targets. */
    int DEFAULT_PORT = 514;

    /** sizeof(sockaddr_un.sun_path) in linux/un.h is 108, one byte of it the terminating NUL. */
    int MAX_UNIX_PATH_BYTES = 107;

    /** A unix datagram socket, e.g. {@code /dev/log} (the local syslog daemon). */
    record Unix(String path) implements SyslogAddress {
        public Unix {
            Objects.requireNonNull(path, "path");
            if (path.isEmpty() || path.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("log address: unix socket path must be non-empty without NUL");
            }
            int bytes = path.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_UNIX_PATH_BYTES) {
                throw new IllegalArgumentException("log address: unix socket path is " + bytes
                        + " bytes, the limit is " + MAX_UNIX_PATH_BYTES + " (sun_path): " + path);
            }
        }
    }

    /** A UDP destination; {@code host} is an IP literal (IPv6 without brackets) or a name resolved on open. */
    record Udp(String host, int port) implements SyslogAddress {
        public Udp {
            Objects.requireNonNull(host, "host");
            if (host.isEmpty()) {
                throw new IllegalArgumentException("log address: empty host");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("log address: port " + port + " is not in 1..65535");
            }
        }
    }

    /**
     * Parses a haproxy.cfg log address: {@code /path} or {@code unix@path}; {@code ipv4[:port]},
     * {@code [ipv6][:port]}, {@code host[:port]}, optionally prefixed {@code udp@}, {@code udp4@},
     * {@code udp6@}, {@code ipv4@} or {@code ipv6@}.
     *
     * @throws IllegalArgumentException with the offending address in the message
     */
    static SyslogAddress parse(String address) {
        Objects.requireNonNull(address, "address");
        String text = address.strip();
        if (text.startsWith("/")) {
            return new Unix(text);
        }
        if (text.startsWith("unix@")) {
            return new Unix(text.substring("unix@".length()));
        }
        for (String prefix : new String[] {"udp@", "udp4@", "udp6@", "ipv4@", "ipv6@"}) {
            if (text.startsWith(prefix)) {
                return parseHostPort(address, text.substring(prefix.length()));
            }
        }
        int at = text.indexOf('@');
        if (at >= 0 || text.equals("stdout") || text.equals("stderr")) {
            throw new IllegalArgumentException("log address '" + address
                    + "': only unix datagram paths and UDP targets are supported");
        }
        return parseHostPort(address, text);
    }

    private static Udp parseHostPort(String original, String text) {
        String host;
        String port = null;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("log address '" + original + "': missing ']'");
            }
            host = text.substring(1, close);
            String rest = text.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new IllegalArgumentException("log address '" + original + "': expected ':port' after ']'");
                }
                port = rest.substring(1);
            }
        } else {
            int colon = text.indexOf(':');
            if (colon >= 0 && text.indexOf(':', colon + 1) >= 0) {
                throw new IllegalArgumentException("log address '" + original
                        + "': write an IPv6 address in brackets, e.g. [::1]:514");
            }
            host = colon < 0 ? text : text.substring(0, colon);
            port = colon < 0 ? null : text.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("log address '" + original + "': empty host");
        }
        return new Udp(host, port == null ? DEFAULT_PORT : parsePort(original, port));
    }

    private static int parsePort(String original, String port) {
        if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("log address '" + original + "': port '" + port + "' is not a number");
        }
        int value = Integer.parseInt(port);
        if (value < 1 || value > 65535) {
            throw new IllegalArgumentException("log address '" + original + "': port " + value + " is not in 1..65535");
        }
        return value;
    }
}
