package dev.fulcrum.ipvs.internal;

import dev.fulcrum.api.model.lvs.RealServer;
import dev.fulcrum.api.model.lvs.VirtualServer;

/**
 * The health checkers' verdict on one real server of one virtual server, as the reconciler needs it.
 * dev.fulcrum.health will supply it; until then every real server is up (keepalived's behaviour for
 * a real_server without checkers).
 */
@FunctionalInterface
public interface RealServerHealth {

    RealServerHealth ALL_UP = (virtualServer, realServer) -> true;

    boolean isUp(VirtualServer virtualServer, RealServer realServer);
}
