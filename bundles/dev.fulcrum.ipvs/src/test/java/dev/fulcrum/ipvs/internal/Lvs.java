package dev.fulcrum.ipvs.internal;

import dev.fulcrum.api.model.lvs.Endpoint;
import dev.fulcrum.api.model.lvs.ForwardingMethod;
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
