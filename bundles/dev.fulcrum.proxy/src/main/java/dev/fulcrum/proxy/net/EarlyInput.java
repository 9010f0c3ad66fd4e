package dev.fulcrum.proxy.net;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds what a client sends before its server connection exists. Auto-read is off, but the epoll
 * transport still reads once when it sees the peer's FIN (EPOLLRDHUP), so bytes and the
 * input-shutdown event can arrive early; they are replayed, in order, to the handlers installed
 * once connected ({@link #replay}), or released if the client goes away first.
 */
public final class EarlyInput extends ChannelInboundHandlerAdapter {

    public static final String NAME = "early-input";

    private final List<Object> held = new ArrayList<>();
    private final List<Object> events = new ArrayList<>();

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        held.add(msg);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        events.add(event);
    }

    /** Passes everything held to the next handlers and leaves the pipeline. */
    public void replay(ChannelHandlerContext ctx) {
        held.forEach(ctx::fireChannelRead);
        held.clear();
        events.forEach(ctx::fireUserEventTriggered);
        events.clear();
        ctx.pipeline().remove(this);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        held.forEach(ReferenceCountUtil::release);
        held.clear();
    }
}
