package dev.fulcrum.proxy.stats;

import dev.fulcrum.proxy.net.ClientPipeline;
import dev.fulcrum.proxy.net.ConnectionGate;
import io.netty.channel.Channel;

/**
 * A frontend's pipeline with its FRONTEND-row counters in front: each accepted connection is a
 * session until it closes, and its bytes are counted before any other handler sees them.
 */
public final class CountingPipeline implements ClientPipeline {

    private final ClientPipeline frontend;
    private final FrontendCounters counters;

    public CountingPipeline(ClientPipeline frontend, FrontendCounters counters) {
        this.frontend = frontend;
        this.counters = counters;
    }

    @Override
    public ConnectionGate gate() {
        return frontend.gate();
    }

    @Override
    public void accept(Channel client) {
        counters.connectionAccepted();
        client.closeFuture().addListener(closed -> counters.connectionClosed());
        client.pipeline().addFirst(ByteCounter.NAME, ByteCounter.client(counters));
        frontend.accept(client);
    }
}
