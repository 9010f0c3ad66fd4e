package dev.fulcrum.ipvs.internal;

import dev.fulcrum.api.model.lvs.RealServer;
import dev.fulcrum.api.model.lvs.VirtualServer;

/**
 * The health checkers' verdict on one real server of one virtual server, as the reconciler needs it:
 * whether it is up, and the weight it should have while it is. Without checkers every real server is
 * up at its configured weight (keepalived's behaviour for a real_server without checkers).
 */
@FunctionalInterface
public interface RealServerHealth {

    RealServerHealth ALL_UP = (virtualServer, realServer) -> true;

    boolean isUp(VirtualServer virtualServer, RealServer realServer);

    /**
     * The weight the real server gets while it is up: its configured {@code weight}, unless a
     * keepalived.conf(5) MISC_CHECK with {@code misc_dynamic} asked for another one.
     */
    default int weight(VirtualServer virtualServer, RealServer realServer) {
        return realServer.weight();
    }
}
