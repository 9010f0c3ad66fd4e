package dev.fulcrum.health.internal;

import dev.fulcrum.health.CheckOutcome;
import dev.fulcrum.health.CheckStatus;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * keepalived.conf(5) SMTP_CHECK: the server's greeting must be 220, the reply to
 * "HELO helo_name" 250 (RFC 5321 sections 4.3.1 and 4.1.1.1); then QUIT. Bounded by connect_timeout.
 */
final class SmtpProbe implements Probe {

    private final Connections connections;
    private final Duration timeout;
    private final String heloName;
    private final LongSupplier nanoTime;

    SmtpProbe(Connections connections, Duration timeout, String heloName, LongSupplier nanoTime) {
        if (!heloName.matches("[A-Za-z0-9.\\-\\[\\]:]+")) {
            throw new IllegalArgumentException("helo_name must be a domain or address literal, was '" + heloName + "'");
        }
        this.connections = connections;
        this.timeout = timeout;
        this.heloName = heloName;
        this.nanoTime = nanoTime;
    }

    @Override
    public CompletionStage<CheckOutcome> check(InetSocketAddress target) {
        Dialogue dialogue = new Dialogue(nanoTime.getAsLong());
        ChannelFuture connect = connections.bootstrap(timeout, dialogue).connect(target);
        connect.addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                dialogue.result.complete(Connections.connectFailure(f.cause(), dialogue.elapsed()));
                return;
            }
            f.channel().eventLoop().schedule(() -> dialogue.result.complete(
                    CheckOutcome.of(CheckStatus.L7TOUT, "", dialogue.elapsed())), timeout.toNanos(), TimeUnit.NANOSECONDS);
            dialogue.result.whenComplete((outcome, error) -> f.channel().close());
        });
        return dialogue.result;
    }

    /** Greeting, then HELO; runs on the channel's event loop. */
    private final class Dialogue extends ChannelInboundHandlerAdapter {
        final CompletableFuture<CheckOutcome> result = new CompletableFuture<>();
        private final long start;
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private int consumed;
        private boolean greeted;

        Dialogue(long start) {
            this.start = start;
        }

        Duration elapsed() {
            return Duration.ofNanos(nanoTime.getAsLong() - start);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf buf = (ByteBuf) msg;
            try {
                byte[] chunk = new byte[buf.readableBytes()];
                buf.readBytes(chunk);
                received.writeBytes(chunk);
            } finally {
                buf.release();
            }
            byte[] data = received.toByteArray();
            SmtpReplyParser.Result parsed = SmtpReplyParser.parse(data, consumed, data.length);
            if (parsed instanceof SmtpReplyParser.Malformed malformed) {
                result.complete(CheckOutcome.of(CheckStatus.L7RSP, malformed.reason(), elapsed()));
            } else if (parsed instanceof SmtpReplyParser.Reply reply) {
                consumed += reply.consumed();
                int expected = greeted ? 250 : 220;
                if (reply.code() != expected) {
                    result.complete(CheckOutcome.withCode(CheckStatus.L7STS, reply.code(), reply.text(), elapsed()));
                } else if (!greeted) {
                    greeted = true;
                    ctx.writeAndFlush(ascii("HELO " + heloName + "\r\n"));
                } else {
                    ctx.writeAndFlush(ascii("QUIT\r\n"));
                    result.complete(CheckOutcome.withCode(CheckStatus.L7OK, reply.code(), "", elapsed()));
                }
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            result.complete(CheckOutcome.of(CheckStatus.L7RSP, "connection closed before the reply", elapsed()));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            result.complete(CheckOutcome.of(CheckStatus.L7RSP, String.valueOf(cause.getMessage()), elapsed()));
        }
    }

    private static ByteBuf ascii(String text) {
        return Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.US_ASCII));
    }
}
