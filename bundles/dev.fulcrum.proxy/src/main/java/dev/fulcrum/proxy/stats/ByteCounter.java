package dev.fulcrum.proxy.stats;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.util.function.ObjIntConsumer;

/**
 * First in a channel's pipeline: counts the bytes the socket reads and the bytes written to it into
 * {@code bin}/{@code bout}. For a client connection reads are {@code bin}; for a server connection
 * writes are (HAProxy's columns are seen from the client's side: management.txt 9.1 "bin: bytes in").
 */
public final class ByteCounter extends ChannelDuplexHandler {

    public static final String NAME = "fulcrum.stats.bytes";

    private final ObjIntConsumer<Traffic> sink;
    private final Traffic reads;
    private final Traffic writes;

    private ByteCounter(ObjIntConsumer<Traffic> sink, Traffic reads, Traffic writes) {
        this.sink = sink;
        this.reads = reads;
        this.writes = writes;
    }

    /** For a client connection of the frontend. */
    public static ByteCounter client(FrontendCounters frontend) {
        return new ByteCounter(frontend::bytes, Traffic.BYTES_IN, Traffic.BYTES_OUT);
    }

    /** For a connection to the server. */
    public static ByteCounter server(ServerCounters server) {
        return new ByteCounter(server::bytes, Traffic.BYTES_OUT, Traffic.BYTES_IN);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        count(reads, msg);
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        count(writes, msg);
        ctx.write(msg, promise);
    }

    private void count(Traffic direction, Object msg) {
        int size = msg instanceof ByteBuf buf ? buf.readableBytes()
                : msg instanceof ByteBufHolder holder ? holder.content().readableBytes() : 0;
        if (size > 0) {
            sink.accept(direction, size);
        }
    }
}
