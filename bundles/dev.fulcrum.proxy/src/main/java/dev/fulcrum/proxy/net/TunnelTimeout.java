package dev.fulcrum.proxy.net;

import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.concurrent.Ticker;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * HAProxy's {@code timeout tunnel} (configuration.txt 4.2): once a connection is established in
 * both directions, one inactivity timeout for the pair replaces {@code timeout client} and
 * {@code timeout server}; the pair closes when neither side read nor wrote for that long. Both
 * channels must run on the same thread (the proxy connects servers on the client's event loop), so
 * the shared state needs no lock; time is the client loop's ticker.
 */
public final class TunnelTimeout {

    public static final String NAME = "tunnel-timeout";

    private final Channel client;
    private final Channel server;
    private final long timeoutNanos;
    private final Ticker ticker;
    private long lastActivity;
    private ScheduledFuture<?> check;

    private TunnelTimeout(Channel client, Channel server, Duration timeout) {
        this.client = client;
        this.server = server;
        this.timeoutNanos = timeout.toNanos();
        this.ticker = client.eventLoop().ticker();
    }

    /**
     * Puts the pair under one tunnel timeout, removing the per-side inactivity timeouts. Call on
     * the shared event loop.
     */
    public static void install(Channel client, Channel server, Duration timeout) {
        TunnelTimeout tunnel = new TunnelTimeout(client, server, timeout);
        for (Channel side : new Channel[] {client, server}) {
            if (side.pipeline().get(IdleCloseHandler.NAME) != null) {
                side.pipeline().remove(IdleCloseHandler.NAME);
            }
            side.pipeline().addFirst(NAME, tunnel.new Activity());
        }
        tunnel.lastActivity = tunnel.ticker.nanoTime();
        tunnel.schedule(tunnel.timeoutNanos);
        client.closeFuture().addListener(closed -> tunnel.cancel());
        server.closeFuture().addListener(closed -> tunnel.cancel());
    }

    private void schedule(long delayNanos) {
        check = client.eventLoop().schedule(this::expireIfIdle, delayNanos, TimeUnit.NANOSECONDS);
    }

    /** Closes the pair after a full timeout without activity, else checks again when it could be. */
    private void expireIfIdle() {
        long idle = ticker.nanoTime() - lastActivity;
        if (idle >= timeoutNanos) {
            client.close();
            server.close();
        } else if (client.isActive() || server.isActive()) {
            schedule(timeoutNanos - idle);
        }
    }

    private void cancel() {
        if (check != null) {
            check.cancel(false);
        }
    }

    /** Stamps every read and every completed write of one side. */
    private final class Activity extends ChannelDuplexHandler {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            lastActivity = ticker.nanoTime();
            ctx.fireChannelRead(msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            ctx.write(msg, promise.unvoid()).addListener(written -> lastActivity = ticker.nanoTime());
        }
    }
}
