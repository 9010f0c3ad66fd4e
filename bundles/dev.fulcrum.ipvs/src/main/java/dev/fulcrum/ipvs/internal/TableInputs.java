package dev.fulcrum.ipvs.internal;

import dev.fulcrum.api.model.lvs.RealServer;
import dev.fulcrum.api.model.lvs.ServiceKey;
import dev.fulcrum.api.model.lvs.VirtualServer;
import java.util.List;

/**
 * Whether two virtual servers ask for the same IPVS services: equal in every setting
 * {@link DesiredTable} builds the services and destinations from (keepalived.conf(5): the service
 * key and protocol, lb_algo, lb_kind, persistence, ops, flag-1/2/3, tunnel, inhibit_on_failure,
 * sorry_server and sorry_server_inhibit; per real server its address, port, weight, lvs_method,
 * tunnel, uthreshold, lthreshold and inhibit_on_failure). Checkers, notify scripts, delay_loop,
 * alpha/omega and quorum do not matter here (the quorum's verdict is compared apart).
 * <p>
 * Written out rather than the records' equals: a revision parsed anew brings 10,000 new but equal
 * virtual servers, and the generated record equals (method handles) costs more per virtual server
 * than rebuilding its services until the JIT has compiled it, which is the whole of the first such
 * revision on a freshly started appliance. DesiredTableInputsTest changes each record component in
 * turn and fails when one that changes the built table is not compared here. Pure.
 */
final class TableInputs {

    private TableInputs() {
    }

    static boolean same(VirtualServer a, VirtualServer b) {
        return sameKey(a.key(), b.key()) && a.protocol() == b.protocol() && a.scheduler() == b.scheduler()
                && a.forwarding() == b.forwarding() && a.ops() == b.ops()
                && a.inhibitOnFailure() == b.inhibitOnFailure() && a.sorryServerInhibit() == b.sorryServerInhibit()
                && same(a.flags(), b.flags()) && same(a.persistence(), b.persistence()) && same(a.tunnel(), b.tunnel())
                && same(a.sorryServer(), b.sorryServer()) && sameRealServers(a.realServers(), b.realServers());
    }

    private static boolean sameRealServers(List<RealServer> a, List<RealServer> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            RealServer x = a.get(i);
            RealServer y = b.get(i);
            if (x != y && !(x.port() == y.port() && x.weight() == y.weight() && x.upperThreshold() == y.upperThreshold()
                    && x.lowerThreshold() == y.lowerThreshold() && x.inhibitOnFailure() == y.inhibitOnFailure()
                    && x.address().equals(y.address()) && same(x.forwarding(), y.forwarding())
                    && same(x.tunnel(), y.tunnel()))) {
                return false;
            }
        }
        return true;
    }

    /** Address keys, nearly all of them, without the record's generated equals. */
    static boolean sameKey(ServiceKey a, ServiceKey b) {
        if (a instanceof ServiceKey.Address x && b instanceof ServiceKey.Address y) {
            return x.port() == y.port() && x.address().equals(y.address());
        }
        return a.equals(b);
    }

    /** Shared objects (Optional.empty(), SchedulerFlags.NONE) compare by identity first. */
    private static boolean same(Object a, Object b) {
        return a == b || a.equals(b);
    }
}
