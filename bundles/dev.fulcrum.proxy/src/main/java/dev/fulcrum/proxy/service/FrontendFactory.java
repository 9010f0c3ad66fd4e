package dev.fulcrum.proxy.service;

import dev.fulcrum.api.model.proxy.Frontend;
import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.proxy.net.ClientPipeline;
import dev.fulcrum.proxy.net.ConnectionGate;
import dev.fulcrum.proxy.pool.BackendDirectory;
import dev.fulcrum.proxy.pool.ServerConnector;
import dev.fulcrum.proxy.route.Router;
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
    ClientPipeline build(Frontend frontend, ConnectionGate gate) {
        Router router = new Router(frontend);
        if (frontend.mode() == Mode.TCP) {
            return new TcpFrontend(frontend, router, backends, connector, gate);
        }
        throw new IllegalArgumentException("mode http is not supported yet");
    }
}
