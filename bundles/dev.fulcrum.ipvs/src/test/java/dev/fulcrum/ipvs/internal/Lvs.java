package dev.fulcrum.ipvs.internal;

import dev.fulcrum.api.model.lvs.CheckCommon;
import dev.fulcrum.api.model.lvs.Endpoint;
import dev.fulcrum.api.model.lvs.ForwardingMethod;
import dev.fulcrum.api.model.lvs.HealthChecker;
import dev.fulcrum.api.model.lvs.Persistence;
import dev.fulcrum.api.model.lvs.Protocol;
import dev.fulcrum.api.model.lvs.RealServer;
import dev.fulcrum.api.model.lvs.Scheduler;
import dev.fulcrum.api.model.lvs.SchedulerFlags;
import dev.fulcrum.api.model.lvs.ServiceKey;
import dev.fulcrum.api.model.lvs.VirtualServer;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Short ways to write keepalived.conf(5) virtual and real servers in tests. */
final class Lvs {

    private Lvs() {
    }

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static RealServer real(String address, int port, int weight) {
        return new RealServer(ip(address), port, weight, Optional.empty(), false, Optional.empty(), Optional.empty(), 0, 0,
                List.of());
    }

    static RealServer inhibited(RealServer r) {
        return new RealServer(r.address(), r.port(), r.weight(), r.forwarding(), true, r.notifyUp(), r.notifyDown(),
                r.upperThreshold(), r.lowerThreshold(), r.checkers());
    }

    static VirtualServer virtual(String address, int port, Scheduler scheduler, RealServer... reals) {
        return virtual(new ServiceKey.Address(ip(address), port), scheduler, reals);
    }

    static VirtualServer virtual(ServiceKey key, Scheduler scheduler, RealServer... reals) {
        return new VirtualServer(key, VirtualServer.DEFAULT_DELAY_LOOP, scheduler, ForwardingMethod.NAT,
                Optional.empty(), Protocol.TCP, Optional.empty(), false, VirtualServer.DEFAULT_QUORUM,
                VirtualServer.DEFAULT_HYSTERESIS, Optional.empty(), Optional.empty(), false, false, false, false,
                Optional.empty(), SchedulerFlags.NONE, false, List.of(reals));
    }

    /** The same real server with these checkers and notify scripts. */
    static RealServer checked(RealServer r, Optional<String> notifyUp, Optional<String> notifyDown, HealthChecker... checkers) {
        return new RealServer(r.address(), r.port(), r.weight(), r.forwarding(), r.inhibitOnFailure(), notifyUp, notifyDown,
                r.upperThreshold(), r.lowerThreshold(), List.of(checkers));
    }

    static RealServer checked(RealServer r, HealthChecker... checkers) {
        return checked(r, Optional.empty(), Optional.empty(), checkers);
    }

    /** keepalived TCP_CHECK with a connect_port (when not 0) and a delay_loop of its own (when not null). */
    static HealthChecker.TcpCheck tcpCheck(int connectPort, Duration delayLoop) {
        CheckCommon d = CheckCommon.DEFAULTS;
        return new HealthChecker.TcpCheck(new CheckCommon(d.connectIp(), connectPort == 0 ? OptionalInt.empty()
                : OptionalInt.of(connectPort), d.bindTo(), d.bindPort(), d.connectTimeout(), d.retry(), d.delayBeforeRetry(),
                d.warmup(), Optional.ofNullable(delayLoop)));
    }

    /** keepalived MISC_CHECK running {@code path}, with or without {@code misc_dynamic}. */
    static HealthChecker.MiscCheck miscCheck(String path, boolean dynamic) {
        return new HealthChecker.MiscCheck(CheckCommon.DEFAULTS, path, Optional.empty(), dynamic, Optional.empty());
    }

    /** The same virtual server with keepalived.conf(5) alpha. */
    static VirtualServer alpha(VirtualServer v) {
        return new VirtualServer(v.key(), v.delayLoop(), v.scheduler(), v.forwarding(), v.persistence(), v.protocol(),
                v.sorryServer(), v.sorryServerInhibit(), v.quorum(), v.hysteresis(), v.quorumUp(), v.quorumDown(),
                v.inhibitOnFailure(), true, v.omega(), v.haSuspend(), v.virtualhost(), v.flags(), v.ops(), v.realServers());
    }

    /** The same virtual server with quorum, hysteresis and a sorry server. */
    static VirtualServer withQuorum(VirtualServer v, int quorum, int hysteresis, Endpoint sorry) {
        return new VirtualServer(v.key(), v.delayLoop(), v.scheduler(), v.forwarding(), v.persistence(), v.protocol(),
                Optional.of(sorry), v.sorryServerInhibit(), quorum, hysteresis, v.quorumUp(), v.quorumDown(),
                v.inhibitOnFailure(), v.alpha(), v.omega(), v.haSuspend(), v.virtualhost(), v.flags(), v.ops(), v.realServers());
    }

    static VirtualServer persistent(VirtualServer v, int seconds, String granularity) {
        return new VirtualServer(v.key(), v.delayLoop(), v.scheduler(), ForwardingMethod.DR,
                Optional.of(new Persistence(Duration.ofSeconds(seconds), Optional.of(ip(granularity)))), v.protocol(),
                v.sorryServer(), v.sorryServerInhibit(), v.quorum(), v.hysteresis(), v.quorumUp(), v.quorumDown(),
                v.inhibitOnFailure(), v.alpha(), v.omega(), v.haSuspend(), v.virtualhost(), new SchedulerFlags(true, true, false),
                v.ops(), v.realServers());
    }
}
