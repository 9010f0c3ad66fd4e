package dev.fulcrum.proxy.route;

import dev.fulcrum.api.model.proxy.Frontend;
import dev.fulcrum.proxy.log.FrontendLog;
import dev.fulcrum.proxy.net.ConnectionGate;
import dev.fulcrum.proxy.pool.BackendDirectory;
import dev.fulcrum.proxy.pool.ServerConnector;

/**
 * What a frontend's pipeline works with, whatever its mode: its revision, where its requests go,
 * how servers are reached, its maxconn gate and where its traffic logs go.
 */
public record FrontendContext(Frontend config, Router router, BackendDirectory backends, ServerConnector connector,
        ConnectionGate gate, FrontendLog log) {

    /** A frontend that logs nothing. */
    public FrontendContext(Frontend config, Router router, BackendDirectory backends, ServerConnector connector,
            ConnectionGate gate) {
        this(config, router, backends, connector, gate, FrontendLog.NONE);
    }
}
