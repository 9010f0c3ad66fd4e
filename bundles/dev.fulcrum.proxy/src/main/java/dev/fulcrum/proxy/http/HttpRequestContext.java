package dev.fulcrum.proxy.http;

import dev.fulcrum.proxy.pool.SocketRequest;
import java.net.InetSocketAddress;
import java.util.Optional;

/** One HTTP request as the router and the balancing algorithms see it. */
public record HttpRequestContext(InetSocketAddress source, InetSocketAddress destination, RequestHead head)
        implements SocketRequest {

    @Override
    public Optional<String> path() {
        return Optional.of(head.path());
    }

    @Override
    public Optional<String> query() {
        return head.query();
    }

    @Override
    public Optional<String> header(String name) {
        return head.headers().first(name);
    }

    @Override
    public Optional<String> method() {
        return Optional.of(head.method());
    }
}
