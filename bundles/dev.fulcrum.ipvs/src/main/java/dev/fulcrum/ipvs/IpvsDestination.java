package dev.fulcrum.ipvs;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * One real server of a service (ip_vs.h IPVS_CMD_ATTR_DEST).
 *
 * @param port             IPVS_DEST_ATTR_PORT; 0 for a fwmark service's destination takes the packet's port
 * @param weight           IPVS_DEST_ATTR_WEIGHT, 0..65535 here (0 = quiesced: no new connections)
 * @param upperThreshold   IPVS_DEST_ATTR_U_THRESH, 0 = no limit
 * @param lowerThreshold   IPVS_DEST_ATTR_L_THRESH
 * @param tunnel           IPVS_DEST_ATTR_TUN_*, present exactly for {@link IpvsForwarding#TUNNEL}
 * @param connections      IPVS_DEST_ATTR_ACTIVE_CONNS, INACT_CONNS, PERSIST_CONNS of a dump
 * @param stats            the counters a dump carries; empty in requests
 */
public record IpvsDestination(InetAddress address, int port, IpvsForwarding forwarding, int weight,
        long upperThreshold, long lowerThreshold, Optional<IpvsTunnel> tunnel, Connections connections,
        Optional<IpvsStats> stats) {

    public IpvsDestination {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(forwarding, "forwarding");
        Objects.requireNonNull(tunnel, "tunnel");
        Objects.requireNonNull(connections, "connections");
        Objects.requireNonNull(stats, "stats");
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        if (weight < 0 || weight > 0xFFFF) {
            throw new IllegalArgumentException("weight must be 0..65535: " + weight);
        }
        if (upperThreshold < 0 || upperThreshold > 0xFFFF_FFFFL || lowerThreshold < 0 || lowerThreshold > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("thresholds must be 0..4294967295: " + upperThreshold + ", " + lowerThreshold);
        }
        if (tunnel.isPresent() != (forwarding == IpvsForwarding.TUNNEL)) {
            throw new IllegalArgumentException("tunnel settings belong to exactly the TUNNEL forwarding method, not " + forwarding);
        }
    }

    /** A destination as a request carries it. */
    public static IpvsDestination of(InetAddress address, int port, IpvsForwarding forwarding, int weight) {
        return new IpvsDestination(address, port, forwarding, weight, 0, 0,
                forwarding == IpvsForwarding.TUNNEL ? Optional.of(IpvsTunnel.IPIP) : Optional.empty(),
                Connections.NONE, Optional.empty());
    }

    /** The same destination (address and port), whatever its settings. */
    public boolean sameServer(IpvsDestination other) {
        return address.equals(other.address) && port == other.port;
    }

    /** Everything a request sets, compared; counters and statistics are ignored. */
    public boolean sameSettings(IpvsDestination other) {
        return sameServer(other) && forwarding == other.forwarding && weight == other.weight
                && upperThreshold == other.upperThreshold && lowerThreshold == other.lowerThreshold
                && tunnel.equals(other.tunnel);
    }

    public IpvsDestination withWeight(int newWeight) {
        return new IpvsDestination(address, port, forwarding, newWeight, upperThreshold, lowerThreshold, tunnel,
                connections, stats);
    }

    /** The connection counts of a dump: active, inactive, persistent (templates). */
    public record Connections(long active, long inactive, long persistent) {
        public static final Connections NONE = new Connections(0, 0, 0);
    }
}
