package dev.fulcrum.health.internal;

import dev.fulcrum.health.CheckOutcome;
import dev.fulcrum.health.CheckStatus;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;

/**
 * One HTTP request and its response, optionally over TLS: keepalived's HTTP_GET/SSL_GET url and
 * HAProxy's "option httpchk". The whole exchange is bounded by the timeout (keepalived
 * {@code connect_timeout}, HAProxy "timeout check" or "inter").
 */
final class HttpProbe implements Probe {

    /** Responses are read to their end for the MD5 digest; beyond this the server is misbehaving. */
    static final int MAX_RESPONSE_BYTES = 1 << 20;

    /** TLS for SSL_GET: no certificate verification, as keepalived; SNI when a name is given. */
    record Tls(SslContext context, Optional<String> sniHost) {
    }

    private final Connections connections;
    private final Duration timeout;
    private final byte[] request;
    private final Optional<Tls> tls;
    private final BiFunction<HttpResponse, Duration, CheckOutcome> judge;
    private final LongSupplier nanoTime;

    HttpProbe(Connections connections, Duration timeout, byte[] request, Optional<Tls> tls,
            BiFunction<HttpResponse, Duration, CheckOutcome> judge, LongSupplier nanoTime) {
        this.connections = connections;
        this.timeout = timeout;
        this.request = request.clone();
        this.tls = tls;
        this.judge = judge;
        this.nanoTime = nanoTime;
    }

    @Override
    public CompletionStage<CheckOutcome> check(InetSocketAddress target) {
        Exchange exchange = new Exchange(nanoTime.getAsLong());
        ChannelFuture connect = connections.bootstrap(timeout, new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel channel) {
                tls.ifPresent(t -> channel.pipeline().addLast(t.sniHost()
                        .map(host -> t.context().newHandler(channel.alloc(), host, target.getPort()))
                        .orElseGet(() -> t.context().newHandler(channel.alloc()))));
                channel.pipeline().addLast(exchange);
            }
        }).connect(target);
        connect.addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                exchange.result.complete(Connections.connectFailure(f.cause(), exchange.elapsed()));
                return;
            }
            f.channel().eventLoop().schedule(exchange::timedOut, timeout.toNanos(), TimeUnit.NANOSECONDS);
            exchange.result.whenComplete((outcome, error) -> f.channel().close());
        });
        return exchange.result;
    }

    /** The state of one exchange; all methods run on the channel's event loop. */
    private final class Exchange extends ChannelInboundHandlerAdapter {
        final CompletableFuture<CheckOutcome> result = new CompletableFuture<>();
        private final long start;
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private boolean handshakeDone;

        Exchange(long start) {
            this.start = start;
        }

        Duration elapsed() {
            return Duration.ofNanos(nanoTime.getAsLong() - start);
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            SslHandler ssl = ctx.pipeline().get(SslHandler.class);
            if (ssl == null) {
                handshakeDone = true;
                ctx.writeAndFlush(Unpooled.wrappedBuffer(request));
                return;
            }
            ssl.handshakeFuture().addListener(f -> {
                if (f.isSuccess()) {
                    handshakeDone = true;
                    ctx.writeAndFlush(Unpooled.wrappedBuffer(request));
                } else {
                    result.complete(CheckOutcome.of(CheckStatus.L6RSP, rootMessage(f.cause()), elapsed()));
                }
            });
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf buf = (ByteBuf) msg;
            try {
                if (received.size() + buf.readableBytes() > MAX_RESPONSE_BYTES) {
                    result.complete(CheckOutcome.of(CheckStatus.L7RSP,
                            "response larger than " + MAX_RESPONSE_BYTES + " bytes", elapsed()));
                    return;
                }
                byte[] chunk = new byte[buf.readableBytes()];
                buf.readBytes(chunk);
                received.writeBytes(chunk);
            } finally {
                buf.release();
            }
            conclude(false);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            conclude(true);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            CheckStatus status = handshakeDone ? CheckStatus.L7RSP : CheckStatus.L6RSP;
            result.complete(CheckOutcome.of(status, rootMessage(cause), elapsed()));
        }

        void timedOut() {
            result.complete(CheckOutcome.of(handshakeDone ? CheckStatus.L7TOUT : CheckStatus.L6TOUT, "", elapsed()));
        }

        private void conclude(boolean eof) {
            if (result.isDone()) {
                return;
            }
            HttpResponseParser.Result parsed = HttpResponseParser.parse(received.toByteArray(), eof);
            if (parsed instanceof HttpResponseParser.Complete complete) {
                result.complete(judge.apply(complete.response(), elapsed()));
            } else if (parsed instanceof HttpResponseParser.Malformed malformed) {
                result.complete(CheckOutcome.of(CheckStatus.L7RSP, malformed.reason(), elapsed()));
            } else if (eof) {
                result.complete(CheckOutcome.of(CheckStatus.L7RSP, "connection closed before a response", elapsed()));
            }
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
