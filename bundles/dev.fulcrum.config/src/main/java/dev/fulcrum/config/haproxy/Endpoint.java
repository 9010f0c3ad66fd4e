package dev.fulcrum.config.haproxy;

import dev.fulcrum.api.config.SourceLocation;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * An address of a {@code bind} or {@code server} line (configuration.txt 11 "Address formats",
 * "bind" and "server" in 4.2): an IP address or host name with a port specification, or a UNIX
 * socket path.
 */
public sealed interface Endpoint permits Endpoint.Inet, Endpoint.Unix {

    /** Where the address starts in the file. */
    SourceLocation location();

    /** The address family: forced by an {@code ipv4@}/{@code ipv6@} prefix, or implied by a literal. */
    enum Family {
        IPV4,
        IPV6,
        /** A host name without a family prefix: whichever family it resolves to. */
        UNSPECIFIED
    }

    /**
     * An IP endpoint.
     *
     * @param family  the address family
     * @param host    the host as written: a literal, a host name, or empty for "any" ({@code :80}, {@code *:80})
     * @param address the literal address (0.0.0.0 or :: for "any"); empty for a host name, which is
     *                kept unresolved: parsing never does DNS
     * @param port    the port specification
     */
    record Inet(Family family, String host, Optional<InetAddress> address, Port port, SourceLocation location)
            implements Endpoint {

        public Inet {
            Objects.requireNonNull(family, "family");
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(port, "port");
            Objects.requireNonNull(location, "location");
        }

        /** Whether the host is a name still to be resolved rather than a literal address. */
        public boolean isHostName() {
            return address.isEmpty();
        }
    }

    /** A UNIX stream socket: {@code /path} or {@code unix@path}. */
    record Unix(String path, SourceLocation location) implements Endpoint {

        public Unix {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(location, "location");
        }
    }

    /**
     * A port specification.
     *
     * @param kind  NONE: no port written (a server then uses the port the client connected to);
     *              FIXED: the ports {@code first..last} (one port when equal; a range only on bind);
     *              OFFSET: the client's port plus {@code first} (server {@code :+N} / {@code :-N})
     * @param first the first port, or the signed offset
     * @param last  the last port of a range; equal to {@code first} otherwise
     */
    record Port(Kind kind, int first, int last) {

        /** See {@link Port}. */
        public enum Kind {
            NONE,
            FIXED,
            OFFSET
        }

        public static Port none() {
            return new Port(Kind.NONE, 0, 0);
        }

        public static Port fixed(int first, int last) {
            return new Port(Kind.FIXED, first, last);
        }

        public static Port offset(int delta) {
            return new Port(Kind.OFFSET, delta, delta);
        }
    }
}
