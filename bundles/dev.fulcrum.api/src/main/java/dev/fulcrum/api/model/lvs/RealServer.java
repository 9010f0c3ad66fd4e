package dev.fulcrum.api.model.lvs;

import dev.fulcrum.api.model.internal.Checks;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * keepalived.conf(5) {@code real_server <IPADDR> <PORT> { ... }}.
 *
 * @param weight           {@code weight} 0..65535 (IPVS), default 1
 * @param forwarding       {@code lvs_method}; absent: the virtual server's lb_kind
 * @param inhibitOnFailure {@code inhibit_on_failure}: weight 0 instead of removal when a check fails
 * @param upperThreshold   {@code uthreshold}, 0 = unlimited
 * @param lowerThreshold   {@code lthreshold}, 0 = unlimited
 * @param checkers         the health checkers; none means always up
 * @param tunnel           {@code lvs_method TUN type ...}; absent: the virtual server's tunnel, else ipip.
 *                         Only with {@code lvs_method TUN}
 */
public record RealServer(InetAddress address, int port, int weight, Optional<ForwardingMethod> forwarding,
        boolean inhibitOnFailure, Optional<String> notifyUp, Optional<String> notifyDown, int upperThreshold,
        int lowerThreshold, List<HealthChecker> checkers, Optional<Tunnel> tunnel) {

    public static final int DEFAULT_WEIGHT = 1;

    public RealServer {
        Objects.requireNonNull(address, "address");
        Checks.range("port", port, 0, 65535);
        Checks.range("weight", weight, 0, 65535);
        Objects.requireNonNull(forwarding, "forwarding");
        Objects.requireNonNull(notifyUp, "notifyUp");
        Objects.requireNonNull(notifyDown, "notifyDown");
        Checks.range("upperThreshold", upperThreshold, 0, Integer.MAX_VALUE);
        Checks.range("lowerThreshold", lowerThreshold, 0, Integer.MAX_VALUE);
        checkers = List.copyOf(checkers);
        Objects.requireNonNull(tunnel, "tunnel");
        if (tunnel.isPresent() && !forwarding.equals(Optional.of(ForwardingMethod.TUN))) {
            throw new IllegalArgumentException("a tunnel type needs lvs_method TUN");
        }
    }

    /** A real server without tunnel settings of its own (the model before 1.2). */
    public RealServer(InetAddress address, int port, int weight, Optional<ForwardingMethod> forwarding,
            boolean inhibitOnFailure, Optional<String> notifyUp, Optional<String> notifyDown, int upperThreshold,
            int lowerThreshold, List<HealthChecker> checkers) {
        this(address, port, weight, forwarding, inhibitOnFailure, notifyUp, notifyDown, upperThreshold, lowerThreshold,
                checkers, Optional.empty());
    }
}
