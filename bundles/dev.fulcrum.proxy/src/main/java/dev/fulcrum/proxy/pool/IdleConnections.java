package dev.fulcrum.proxy.pool;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.util.AttributeKey;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server connections kept open between requests, per server and per event loop (a connection
 * serves only clients of its own loop, so both sides stay on one thread). Which request may take
 * one is the caller's rule ({@code http-reuse safe}, configuration.txt 4.2 "http-reuse").
 */
public final class IdleConnections {

    private record Key(EventLoop loop, ProxyServer server) {
    }

    private static final AttributeKey<Boolean> WATCHED = AttributeKey.valueOf("fulcrum.idle.watched");

    private final Map<Key, Deque<Channel>> idle = new ConcurrentHashMap<>();

    /**
     * Parks an open connection; it leaves the pool by itself when it closes. Call on its loop. The
     * close listener is added on the first park only: a kept-alive connection is parked after every
     * request, and its close future would otherwise collect one listener per request.
     */
    public void park(ProxyServer server, Channel channel) {
        Key key = new Key(channel.eventLoop(), server);
        idle.computeIfAbsent(key, k -> new ArrayDeque<>()).push(channel);
        server.counters().idle(1);
        if (channel.attr(WATCHED).setIfAbsent(Boolean.TRUE) == null) {
            channel.closeFuture().addListener(closed -> channel.eventLoop().execute(() -> {
                Deque<Channel> parked = idle.get(key);
                if (parked != null && parked.remove(channel)) {
                    server.counters().idle(-1);
                }
            }));
        }
    }

    /** The most recently parked open connection to the server on this loop. Call on the loop. */
    public Optional<Channel> take(EventLoop loop, ProxyServer server) {
        Deque<Channel> parked = idle.get(new Key(loop, server));
        while (parked != null && !parked.isEmpty()) {
            Channel channel = parked.pop();
            server.counters().idle(-1);
            if (channel.isActive()) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }

    /**
     * How many connections to the server are parked, over all loops: they are open but serve no
     * request (the logs' srv_conn leaves them out). Read from any thread; a count in flux may be off by one.
     */
    public int parked(ProxyServer server) {
        int count = 0;
        for (Map.Entry<Key, Deque<Channel>> entry : idle.entrySet()) {
            if (entry.getKey().server() == server) {
                count += entry.getValue().size();
            }
        }
        return count;
    }

    /** Closes every parked connection of a server that left the backend. */
    public void closeAll(ProxyServer server) {
        idle.keySet().removeIf(key -> {
            if (key.server() != server) {
                return false;
            }
            Deque<Channel> parked = idle.get(key);
            key.loop().execute(() -> List.copyOf(parked).forEach(Channel::close));
            return true;
        });
    }
}
