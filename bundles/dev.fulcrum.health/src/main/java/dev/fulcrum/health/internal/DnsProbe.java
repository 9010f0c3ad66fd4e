package dev.fulcrum.health.internal;

import dev.fulcrum.health.CheckOutcome;
import dev.fulcrum.health.CheckStatus;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * keepalived.conf(5) DNS_CHECK: one UDP query of {@code type} for {@code name}; the server is up
 * when it answers NOERROR with at least one answer record within connect_timeout. The socket is
 * connected, so an ICMP port unreachable surfaces as "Connection refused".
 */
final class DnsProbe implements Probe {

    private final Connections connections;
    private final Duration timeout;
    private final String name;
    private final int type;
    private final LongSupplier nanoTime;

    DnsProbe(Connections connections, Duration timeout, String name, String type, LongSupplier nanoTime) {
        this.connections = connections;
        this.timeout = timeout;
        this.name = name;
        this.type = DnsMessages.type(type);
        DnsMessages.query(0, name, this.type); // rejects a bad name now, not at every check
        this.nanoTime = nanoTime;
    }

    @Override
    public CompletionStage<CheckOutcome> check(InetSocketAddress target) {
        long start = nanoTime.getAsLong();
        int id = ThreadLocalRandom.current().nextInt(0x10000);
        CompletableFuture<CheckOutcome> result = new CompletableFuture<>();
        Bootstrap bootstrap = new Bootstrap().group(connections.group()).channel(NioDatagramChannel.class)
                .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
                        ByteBuf content = packet.content();
                        byte[] bytes = new byte[content.readableBytes()];
                        content.readBytes(bytes);
                        Duration elapsed = Duration.ofNanos(nanoTime.getAsLong() - start);
                        DnsMessages.Verdict verdict = DnsMessages.judge(bytes, id);
                        if (verdict instanceof DnsMessages.Answered) {
                            result.complete(CheckOutcome.of(CheckStatus.L7OK, "", elapsed));
                        } else if (verdict instanceof DnsMessages.Failed failed && failed.rcode() >= 0) {
                            result.complete(CheckOutcome.of(CheckStatus.L7RSP, failed.reason(), elapsed));
                        }
                        // a stray datagram (wrong id) is ignored: the real answer may still come
                    }

                    @Override
                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                        Duration elapsed = Duration.ofNanos(nanoTime.getAsLong() - start);
                        result.complete(cause instanceof PortUnreachableException
                                ? CheckOutcome.of(CheckStatus.L4CON, "Connection refused", elapsed)
                                : CheckOutcome.of(CheckStatus.L7RSP, String.valueOf(cause.getMessage()), elapsed));
                    }
                });
        ChannelFuture connect = connections.bindTo().map(local -> bootstrap.connect(target, local))
                .orElseGet(() -> bootstrap.connect(target));
        connect.addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                result.complete(Connections.connectFailure(f.cause(), Duration.ofNanos(nanoTime.getAsLong() - start)));
                return;
            }
            f.channel().writeAndFlush(Unpooled.wrappedBuffer(DnsMessages.query(id, name, type)));
            f.channel().eventLoop().schedule(() -> result.complete(CheckOutcome.of(CheckStatus.L7TOUT, "",
                    Duration.ofNanos(nanoTime.getAsLong() - start))), timeout.toNanos(), TimeUnit.NANOSECONDS);
            result.whenComplete((outcome, error) -> f.channel().close());
        });
        return result;
    }
}
