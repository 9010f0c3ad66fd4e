package dev.fulcrum.proxy.log;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.time.InstantSource;

/**
 * Counts a client connection's plain bytes (after TLS) in both directions and notes when the first
 * byte after a {@link #mark} arrived: tcplog's %B, dontlognull's "no data", and %tr, the date the request
 * started (configuration.txt 8.2.3: "the exact date when the first byte of the HTTP request was
 * received").
 */
final class ClientTraffic extends ChannelDuplexHandler {

    static final String NAME = "log-traffic";

    private final InstantSource clock;
    private long received;
    private long sent;
    private long firstByteMillis = -1;

    ClientTraffic(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        int bytes = size(msg);
        if (bytes > 0 && firstByteMillis < 0) {
            firstByteMillis = clock.millis();
        }
        received += bytes;
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        sent += size(msg);
        ctx.write(msg, promise);
    }

    private static int size(Object msg) {
        if (msg instanceof ByteBuf buf) {
            return buf.readableBytes();
        }
        return msg instanceof ByteBufHolder holder ? holder.content().readableBytes() : 0;
    }

    /** Starts the next request: its first-byte date is the next byte's. */
    void mark() {
        firstByteMillis = -1;
    }

    long received() {
        return received;
    }

    /** Bytes written to the client. */
    long sent() {
        return sent;
    }

    /** When the first byte after the mark arrived, or {@code fallback} when none did yet. */
    long firstByteMillis(long fallback) {
        return firstByteMillis < 0 ? fallback : firstByteMillis;
    }
}
