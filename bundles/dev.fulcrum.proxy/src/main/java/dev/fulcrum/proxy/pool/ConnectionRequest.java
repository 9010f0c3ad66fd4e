package dev.fulcrum.proxy.pool;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;

/** A connection-level pick ({@code mode tcp}): the addresses only. */
public record ConnectionRequest(InetSocketAddress source, InetSocketAddress destination) implements SocketRequest {

    public static ConnectionRequest of(Channel client) {
        return new ConnectionRequest((InetSocketAddress) client.remoteAddress(), (InetSocketAddress) client.localAddress());
    }
}
