package dev.fulcrum.proxy.route;

import dev.fulcrum.api.model.proxy.Frontend;
import dev.fulcrum.proxy.net.ConnectionGate;
import dev.fulcrum.proxy.pool.BackendDirectory;
import dev.fulcrum.proxy.pool.ServerConnector;
import dev.fulcrum.proxy.stats.FrontendCounters;
import java.time.InstantSource;

/**
 * What a frontend's pipeline works with, whatever its mode: its revision, where its requests go,
 * how servers are reached, its maxconn gate and its {@code show stat} counters.
 */
public record FrontendContext(Frontend config, Router router, BackendDirectory backends, ServerConnector connector,
        ConnectionGate gate, FrontendCounters stats) {

    /** A context counting into counters of its own (tests, tools). */
    public FrontendContext(Frontend config, Router router, BackendDirectory backends, ServerConnector connector,
            ConnectionGate gate) {
        this(config, router, backends, connector, gate, new FrontendCounters(InstantSource.system()));
    }
}
