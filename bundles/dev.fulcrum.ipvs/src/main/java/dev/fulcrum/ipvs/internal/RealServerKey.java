package dev.fulcrum.ipvs.internal;

import dev.fulcrum.api.model.lvs.Protocol;
import dev.fulcrum.api.model.lvs.RealServer;
import dev.fulcrum.api.model.lvs.ServiceKey;
import dev.fulcrum.api.model.lvs.VirtualServer;
import dev.fulcrum.health.KeepalivedLogLines;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;

/**
 * A real server of a virtual server, as far as its health goes: the same address and port under the
 * same virtual server is the same server across revisions (its weight or notify scripts may change).
 */
record RealServerKey(ServiceKey virtualServer, Protocol protocol, InetAddress address, int port) {

    static RealServerKey of(VirtualServer vs, RealServer rs) {
        return new RealServerKey(vs.key(), vs.protocol(), rs.address(), rs.port());
    }

    /** keepalived's name of a real server in its log lines: "[192.168.1.11]:tcp:80". */
    static String describe(RealServer rs, Protocol protocol) {
        return KeepalivedLogLines.endpoint(new InetSocketAddress(rs.address(), rs.port()),
                protocol.name().toLowerCase(Locale.ROOT));
    }

    /** keepalived's name of a virtual server: "[10.0.0.1]:tcp:80", "FWM 7", "[GROUP]:tcp". */
    static String describe(VirtualServer vs) {
        String protocol = vs.protocol().name().toLowerCase(Locale.ROOT);
        if (vs.key() instanceof ServiceKey.Address address) {
            return KeepalivedLogLines.endpoint(new InetSocketAddress(address.address(), address.port()), protocol);
        }
        if (vs.key() instanceof ServiceKey.Fwmark fwmark) {
            return "FWM " + fwmark.mark();
        }
        return "[" + ((ServiceKey.Group) vs.key()).name() + "]:" + protocol;
    }
}
