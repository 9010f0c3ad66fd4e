package dev.fulcrum.proxy.tcp;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;

/**
 * Forwards what one side reads to its peer, with back-pressure: the side's channel runs with
 * auto-read off and reads again only after the peer accepted the previous write, so a slow reader
 * never makes the proxy buffer more than one read. A FIN from this side becomes a shutdown of the
 * peer's output once the forwarded bytes are written (TCP half-close, RFC 9293 3.6); the pair
 * closes when both directions are finished, or when either side closes or fails. Writes complete
 * in order, so waiting for the last one waits for all. An error on this side (a reset, a failed
 * read) is this side aborting the transfer: {@code onAbort} counts it (cli_abrt, srv_abrt).
 */
public final class RelayHandler extends ChannelInboundHandlerAdapter {

    private final Channel peer;
    private final Runnable onAbort;
    private ChannelFuture lastWrite;

    public RelayHandler(Channel peer, Runnable onAbort) {
        this.peer = peer;
        this.onAbort = onAbort;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        lastWrite = peer.newSucceededFuture();
        readMore(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        lastWrite = peer.writeAndFlush(msg);
        lastWrite.addListener((ChannelFutureListener) written -> {
            if (written.isSuccess()) {
                readMore(ctx);
            } else {
                closeBoth(ctx.channel());
            }
        });
    }

    /**
     * Asks for the next read unless the side already sent its FIN: the epoll transport has then
     * read everything and dropped the socket's read interest (asking again fails in epoll_ctl).
     */
    private static void readMore(ChannelHandlerContext ctx) {
        Channel self = ctx.channel();
        if (self.isActive() && !(self instanceof DuplexChannel duplex && duplex.isInputShutdown())) {
            ctx.read();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof ChannelInputShutdownEvent) {
            forwardHalfClose(ctx.channel());
            return;
        }
        ctx.fireUserEventTriggered(event);
    }

    private void forwardHalfClose(Channel self) {
        lastWrite.addListener((ChannelFutureListener) flushed -> {
            if (flushed.isSuccess() && peer instanceof DuplexChannel duplex && self instanceof DuplexChannel) {
                duplex.shutdownOutput().addListener(done -> closeWhenBothFinished(self));
            } else {
                closeBoth(self);
            }
        });
    }

    private void closeWhenBothFinished(Channel self) {
        if (((DuplexChannel) self).isInputShutdown() && ((DuplexChannel) peer).isInputShutdown()) {
            closeBoth(self);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        // What the peer still has to write goes out before it closes.
        lastWrite.addListener(written -> peer.close());
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (ctx.channel().isActive()) {
            onAbort.run();
        }
        closeBoth(ctx.channel());
    }

    private void closeBoth(Channel self) {
        self.close();
        peer.close();
    }
}
