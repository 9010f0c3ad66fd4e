package dev.fulcrum.proxy.pool;

import dev.fulcrum.api.sched.RequestContext;
import io.netty.channel.Channel;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** A connection-level pick ({@code mode tcp}): the addresses only. */
public record ConnectionRequest(InetSocketAddress source, InetSocketAddress destination) implements RequestContext {

    public static ConnectionRequest of(Channel client) {
        return new ConnectionRequest((InetSocketAddress) client.remoteAddress(), (InetSocketAddress) client.localAddress());
    }

    @Override
    public InetAddress sourceAddress() {
        return source.getAddress();
    }

    @Override
    public int sourcePort() {
        return source.getPort();
    }

    @Override
    public InetAddress destinationAddress() {
        return destination.getAddress();
    }

    @Override
    public int destinationPort() {
        return destination.getPort();
    }
}
