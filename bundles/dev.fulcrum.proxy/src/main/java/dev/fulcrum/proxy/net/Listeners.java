package dev.fulcrum.proxy.net;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The listening sockets, one per address and port, each pointing at the {@link ClientPipeline} of
 * the frontend that owns it now. A revision applies in two steps: {@link #bindMissing} binds the new
 * addresses (all or none) without accepting yet, so clients wait in the backlog; {@link #commit}
 * re-points every listener at its new pipeline, starts the new ones and closes those no longer
 * wanted. A listener that stays is never re-bound, and closing a listening socket leaves the
 * connections it accepted running.
 */
public final class Listeners implements AutoCloseable {

    /** A listener that failed to bind; nothing of the failed call stays bound. */
    public static final class BindException extends Exception {
        private static final long serialVersionUID = 1L;

        BindException(InetSocketAddress address, Throwable cause) {
            super("cannot bind " + address + ": " + cause.getMessage(), cause);
        }
    }

    private static final class Listener {
        final Channel channel;
        volatile ClientPipeline target;

        Listener(Channel channel) {
            this.channel = channel;
        }
    }

    private final Transport transport;
    private final Map<InetSocketAddress, Listener> bound = new HashMap<>();

    public Listeners(Transport transport) {
        this.transport = transport;
    }

    public Set<InetSocketAddress> addresses() {
        return Set.copyOf(bound.keySet());
    }

    /** Binds each address not bound yet, paused; on a failure closes those this call bound. */
    public void bindMissing(Set<InetSocketAddress> wanted) throws BindException {
        List<InetSocketAddress> added = new ArrayList<>();
        try {
            for (InetSocketAddress address : wanted) {
                if (!bound.containsKey(address)) {
                    bound.put(address, bind(address));
                    added.add(address);
                }
            }
        } catch (BindException e) {
            added.forEach(address -> bound.remove(address).channel.close().syncUninterruptibly());
            throw e;
        }
    }

    /** Points each wanted listener at its pipeline (all must be bound) and closes the others. */
    public void commit(Map<InetSocketAddress, ClientPipeline> wanted) {
        wanted.forEach((address, pipeline) -> {
            Listener listener = bound.get(address);
            ClientPipeline previous = listener.target;
            listener.target = pipeline;
            if (previous != null && previous.gate() != pipeline.gate()) {
                previous.gate().unregister(listener.channel);
            }
            pipeline.gate().register(listener.channel);
        });
        List<InetSocketAddress> removed = bound.keySet().stream().filter(a -> !wanted.containsKey(a)).toList();
        for (InetSocketAddress address : removed) {
            Listener listener = bound.remove(address);
            listener.target.gate().unregister(listener.channel);
            listener.channel.close().syncUninterruptibly();
        }
    }

    private Listener bind(InetSocketAddress address) throws BindException {
        Listener listener;
        ChannelFuture future = transport.serverBootstrap()
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childHandler(new Acceptor(transport))
                .bind(address)
                .awaitUninterruptibly();
        if (!future.isSuccess()) {
            throw new BindException(address, future.cause());
        }
        listener = new Listener(future.channel());
        future.channel().attr(Acceptor.LISTENER).set(listener);
        return listener;
    }

    @Override
    public void close() {
        bound.values().forEach(l -> l.channel.close().syncUninterruptibly());
        bound.clear();
    }

    /** Hands each accepted connection to its listener's current pipeline. */
    @ChannelHandler.Sharable
    private static final class Acceptor extends ChannelInboundHandlerAdapter {
        static final AttributeKey<Listener> LISTENER = AttributeKey.valueOf("fulcrum.listener");

        private final Transport transport;

        Acceptor(Transport transport) {
            this.transport = transport;
        }

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            ctx.pipeline().remove(this);
            Channel client = ctx.channel();
            transport.track(client);
            client.parent().attr(LISTENER).get().target.accept(client);
        }
    }
}
