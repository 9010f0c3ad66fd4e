package dev.fulcrum.proxy.service;

import dev.fulcrum.api.model.proxy.Frontend;
import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.proxy.http.HttpFrontend;
import dev.fulcrum.proxy.log.FrontendLog;
import dev.fulcrum.proxy.net.ClientPipeline;
import dev.fulcrum.proxy.net.ConnectionGate;
import dev.fulcrum.proxy.pool.BackendDirectory;
import dev.fulcrum.proxy.pool.ServerConnector;
import dev.fulcrum.proxy.route.FrontendContext;
import dev.fulcrum.proxy.route.Router;
import dev.fulcrum.proxy.stats.CountingPipeline;
import dev.fulcrum.proxy.stats.FrontendCounters;
import dev.fulcrum.proxy.tcp.TcpFrontend;

/** Builds the pipeline of a frontend's revision for its {@code mode} (configuration.txt 4.2 "mode"). */
final class FrontendFactory {

    private final BackendDirectory backends;
    private final ServerConnector connector;

    FrontendFactory(BackendDirectory backends, ServerConnector connector) {
        this.backends = backends;
        this.connector = connector;
    }

    /** @throws IllegalArgumentException when the frontend cannot run as configured */
    ClientPipeline build(Frontend frontend, ConnectionGate gate, FrontendCounters stats, FrontendLog log) {
        FrontendContext context = new FrontendContext(frontend, new Router(frontend), backends, connector, gate, stats,
                log);
        ClientPipeline pipeline = frontend.mode() == Mode.TCP ? new TcpFrontend(context) : new HttpFrontend(context);
        return new CountingPipeline(pipeline, stats);
    }
}
