package dev.fulcrum.proxy.route;

import dev.fulcrum.api.model.proxy.Frontend;
import dev.fulcrum.proxy.net.ConnectionGate;
import dev.fulcrum.proxy.pool.BackendDirectory;
import dev.fulcrum.proxy.pool.ServerConnector;

/**
 * What a frontend's pipeline works with, whatever its mode: its revision, where its requests go,
 * how servers are reached, and its maxconn gate.
 */
public record FrontendContext(Frontend config, Router router, BackendDirectory backends, ServerConnector connector,
        ConnectionGate gate) {
}
