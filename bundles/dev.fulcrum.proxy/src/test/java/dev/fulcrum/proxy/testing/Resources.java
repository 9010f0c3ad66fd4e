package dev.fulcrum.proxy.testing;

import dev.fulcrum.proxy.net.Transport;
import dev.fulcrum.proxy.service.ProxyRuntime;
import dev.fulcrum.proxy.tls.TlsTermination;
import io.netty.handler.ssl.SslProvider;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/** What a socket test opened (servers, clients, the proxy), closed in reverse order after each test. */
public final class Resources implements AutoCloseable {

    private final List<AutoCloseable> opened = new ArrayList<>();

    public <T extends AutoCloseable> T keep(T resource) {
        opened.add(resource);
        return resource;
    }

    /** A proxy runtime on two event loops of the given transport, balancing with the round-robin double. */
    public ProxyRuntime runtime(boolean epoll) {
        return runtime(epoll, TlsTermination.preferredProvider());
    }

    /** The same with the given TLS provider for {@code ssl} binds. */
    public ProxyRuntime runtime(boolean epoll, SslProvider tlsProvider) {
        Transport transport = keep(Transport.create(2, epoll));
        return keep(new ProxyRuntime(transport, new RoundRobinRegistry(), InstantSource.system(), tlsProvider));
    }

    @Override
    public void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
        opened.clear();
    }
}
