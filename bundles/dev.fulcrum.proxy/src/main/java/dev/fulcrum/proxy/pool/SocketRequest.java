package dev.fulcrum.proxy.pool;

import dev.fulcrum.api.sched.RequestContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** A request known by the two ends of its client connection; the address parts of {@link RequestContext}. */
public interface SocketRequest extends RequestContext {

    InetSocketAddress source();

    InetSocketAddress destination();

    @Override
    default InetAddress sourceAddress() {
        return source().getAddress();
    }

    @Override
    default int sourcePort() {
        return source().getPort();
    }

    @Override
    default InetAddress destinationAddress() {
        return destination().getAddress();
    }

    @Override
    default int destinationPort() {
        return destination().getPort();
    }
}
