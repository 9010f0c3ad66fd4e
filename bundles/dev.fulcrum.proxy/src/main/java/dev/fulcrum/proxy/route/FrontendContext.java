package dev.fulcrum.proxy.route;

import dev.fulcrum.api.model.proxy.Frontend;
import dev.fulcrum.proxy.log.FrontendLog;
import dev.fulcrum.proxy.net.ConnectionGate;
import dev.fulcrum.proxy.pool.BackendDirectory;
import dev.fulcrum.proxy.pool.ServerConnector;
import dev.fulcrum.proxy.stats.FrontendCounters;
import java.time.InstantSource;

/**
 * What a frontend's pipeline works with, whatever its mode: its revision, where its requests go,
 * how servers are reached, its maxconn gate, its {@code show stat} counters and where its traffic
 * logs go.
 */
public record FrontendContext(Frontend config, Router router, BackendDirectory backends, ServerConnector connector,
        ConnectionGate gate, FrontendCounters stats, FrontendLog log) {

    /** A context counting into counters of its own and logging nothing (tests, tools). */
    public FrontendContext(Frontend config, Router router, BackendDirectory backends, ServerConnector connector,
            ConnectionGate gate) {
        this(config, router, backends, connector, gate, new FrontendCounters(InstantSource.system()), FrontendLog.NONE);
    }

    /** A context logging nothing. */
    public FrontendContext(Frontend config, Router router, BackendDirectory backends, ServerConnector connector,
            ConnectionGate gate, FrontendCounters stats) {
        this(config, router, backends, connector, gate, stats, FrontendLog.NONE);
    }

    /** A context counting into counters of its own. */
    public FrontendContext(Frontend config, Router router, BackendDirectory backends, ServerConnector connector,
            ConnectionGate gate, FrontendLog log) {
        this(config, router, backends, connector, gate, new FrontendCounters(InstantSource.system()), log);
    }
}
