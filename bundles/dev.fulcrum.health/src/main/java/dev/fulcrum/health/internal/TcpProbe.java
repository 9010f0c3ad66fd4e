package dev.fulcrum.health.internal;

import dev.fulcrum.health.CheckOutcome;
import dev.fulcrum.health.CheckStatus;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

/**
 * A TCP connect check: HAProxy's plain "check" (configuration.txt 5.2) and keepalived's
 * TCP_CHECK. The connection is closed with an RST (SO_LINGER 0) as soon as it is established, so
 * no TIME_WAIT state piles up on the appliance.
 */
final class TcpProbe implements Probe {

    private final Connections connections;
    private final Duration timeout;
    private final LongSupplier nanoTime;

    TcpProbe(Connections connections, Duration timeout, LongSupplier nanoTime) {
        this.connections = connections;
        this.timeout = timeout;
        this.nanoTime = nanoTime;
    }

    @Override
    public CompletionStage<CheckOutcome> check(InetSocketAddress target) {
        long start = nanoTime.getAsLong();
        CompletableFuture<CheckOutcome> result = new CompletableFuture<>();
        ChannelFuture connect = connections.bootstrap(timeout, new ChannelInboundHandlerAdapter()).connect(target);
        connect.addListener((ChannelFuture f) -> {
            Duration elapsed = Duration.ofNanos(nanoTime.getAsLong() - start);
            if (f.isSuccess()) {
                f.channel().close();
                result.complete(CheckOutcome.of(CheckStatus.L4OK, "", elapsed));
            } else {
                result.complete(Connections.connectFailure(f.cause(), elapsed));
            }
        });
        return result;
    }
}
