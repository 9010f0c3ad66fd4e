package dev.fulcrum.api.model.lvs;

import dev.fulcrum.api.model.internal.Checks;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * keepalived.conf(5) {@code virtual_server <IP> <PORT> | fwmark <INT> | group <NAME> { ... }}.
 *
 * @param delayLoop          {@code delay_loop}, default 60 s
 * @param scheduler          {@code lb_algo} / {@code lvs_sched}, default wlc
 * @param forwarding         {@code lb_kind} / {@code lvs_method}, default NAT
 * @param persistence        {@code persistence_timeout}, {@code persistence_granularity}
 * @param protocol           {@code protocol}, default TCP
 * @param sorryServer        {@code sorry_server}
 * @param sorryServerInhibit {@code sorry_server_inhibit}
 * @param quorum             {@code quorum}, default 1
 * @param hysteresis         {@code hysteresis}, default 0
 * @param quorumUp           {@code quorum_up} command
 * @param quorumDown         {@code quorum_down} command
 * @param inhibitOnFailure   {@code inhibit_on_failure}, default for the real servers
 * @param alpha              {@code alpha}: real servers start down
 * @param omega              {@code omega}: run quorum_down on exit
 * @param haSuspend          {@code ha_suspend}
 * @param virtualhost        {@code virtualhost} for HTTP_GET/SSL_GET
 * @param flags              {@code flag-1/2/3}, {@code sh-*}, {@code mh-*}
 * @param ops                {@code ops}: one-packet scheduling (UDP)
 * @param tunnel             {@code lvs_method TUN type ...} for the real servers without a method of their own;
 *                           absent: ipip. Only with {@code lb_kind TUN}
 */
public record VirtualServer(ServiceKey key, Duration delayLoop, Scheduler scheduler, ForwardingMethod forwarding,
        Optional<Persistence> persistence, Protocol protocol, Optional<Endpoint> sorryServer,
        boolean sorryServerInhibit, int quorum, int hysteresis, Optional<String> quorumUp,
        Optional<String> quorumDown, boolean inhibitOnFailure, boolean alpha, boolean omega, boolean haSuspend,
        Optional<String> virtualhost, SchedulerFlags flags, boolean ops, List<RealServer> realServers,
        Optional<Tunnel> tunnel) {

    public static final Duration DEFAULT_DELAY_LOOP = Duration.ofSeconds(60);
    public static final int DEFAULT_QUORUM = 1;
    public static final int DEFAULT_HYSTERESIS = 0;

    public VirtualServer {
        Objects.requireNonNull(key, "key");
        Checks.positive("delayLoop", delayLoop);
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(forwarding, "forwarding");
        Objects.requireNonNull(persistence, "persistence");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(sorryServer, "sorryServer");
        // keepalived.conf(5): "Minimum total weight of all live servers ... Defaults to 1"; keepalived's parser
        // takes 1 and up ("Invalid quorum" otherwise), and so does the reader.
        Checks.range("quorum", quorum, 1, Integer.MAX_VALUE);
        Checks.range("hysteresis", hysteresis, 0, Integer.MAX_VALUE);
        Objects.requireNonNull(quorumUp, "quorumUp");
        Objects.requireNonNull(quorumDown, "quorumDown");
        Objects.requireNonNull(virtualhost, "virtualhost");
        Objects.requireNonNull(flags, "flags");
        realServers = List.copyOf(realServers);
        Objects.requireNonNull(tunnel, "tunnel");
        if (tunnel.isPresent() && forwarding != ForwardingMethod.TUN) {
            throw new IllegalArgumentException("a tunnel type needs lb_kind TUN");
        }
        if (key instanceof ServiceKey.Address address && address.port() == 0 && persistence.isEmpty()) {
            // ipvsadm(8): "Zero port specified for non-persistent service"; port 0 means every port.
            throw new IllegalArgumentException("port 0 (every port) needs persistence");
        }
    }

    /** A virtual server without tunnel settings (the model before 1.2). */
    public VirtualServer(ServiceKey key, Duration delayLoop, Scheduler scheduler, ForwardingMethod forwarding,
            Optional<Persistence> persistence, Protocol protocol, Optional<Endpoint> sorryServer,
            boolean sorryServerInhibit, int quorum, int hysteresis, Optional<String> quorumUp,
            Optional<String> quorumDown, boolean inhibitOnFailure, boolean alpha, boolean omega, boolean haSuspend,
            Optional<String> virtualhost, SchedulerFlags flags, boolean ops, List<RealServer> realServers) {
        this(key, delayLoop, scheduler, forwarding, persistence, protocol, sorryServer, sorryServerInhibit, quorum,
                hysteresis, quorumUp, quorumDown, inhibitOnFailure, alpha, omega, haSuspend, virtualhost, flags, ops,
                realServers, Optional.empty());
    }
}
