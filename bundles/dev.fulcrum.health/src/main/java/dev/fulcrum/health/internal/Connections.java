package dev.fulcrum.health.internal;

import dev.fulcrum.health.CheckOutcome;
import dev.fulcrum.health.CheckStatus;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.time.Duration;
import java.util.Optional;

/**
 * Outgoing check connections on the health event loop (JDK NIO transport: checks are few and
 * short, and NIO needs no native library).
 *
 * @param bindTo keepalived.conf(5) {@code bindto}/{@code bind_port}: the local address to connect from
 */
record Connections(EventLoopGroup group, Optional<InetSocketAddress> bindTo) {

    Bootstrap bootstrap(Duration connectTimeout, ChannelHandler handler) {
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
                .option(ChannelOption.SO_LINGER, 0)
                .handler(handler);
        bindTo.ifPresent(bootstrap::localAddress);
        return bootstrap;
    }

    /**
     * A failed connect as HAProxy reports it: "Layer4 timeout" without info, or "Layer4 connection
     * problem" with the errno text ("Connection refused", "No route to host").
     */
    static CheckOutcome connectFailure(Throwable cause, Duration elapsed) {
        if (cause instanceof ConnectTimeoutException) {
            return CheckOutcome.of(CheckStatus.L4TOUT, "", elapsed);
        }
        String info;
        if (cause instanceof NoRouteToHostException) {
            info = "No route to host";
        } else if (cause instanceof ConnectException && String.valueOf(cause.getMessage()).contains("refused")) {
            info = "Connection refused";
        } else {
            info = String.valueOf(cause.getMessage());
            int colon = info.lastIndexOf(": ");
            info = colon >= 0 ? info.substring(colon + 2) : info;
        }
        return CheckOutcome.of(CheckStatus.L4CON, info, elapsed);
    }
}
