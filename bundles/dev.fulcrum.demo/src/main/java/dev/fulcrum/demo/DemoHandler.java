package dev.fulcrum.demo;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.StandardCharsets;

/**
 * Answers every request on a connection with the same small text body ("backend 1"), keeping
 * the connection open unless the client asked to close. Pipelined requests are answered in order.
 */
final class DemoHandler extends ChannelInboundHandlerAdapter {

    private final byte[] response;
    private ByteBuf received;

    DemoHandler(String body) {
        this.response = response(body);
    }

    static byte[] response(String body) {
        String text = body + "\n";
        return ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: "
                + text.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + text).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf bytes = (ByteBuf) msg;
        if (received == null) {
            received = bytes;
        } else {
            received = Unpooled.wrappedBuffer(received, bytes);
        }
        try {
            RequestFramer.Request request;
            while ((request = RequestFramer.next(received)) != null) {
                received.skipBytes(request.length());
                if (request.close()) {
                    ctx.writeAndFlush(Unpooled.wrappedBuffer(response)).addListener(ChannelFutureListener.CLOSE);
                    release();
                    return;
                }
                ctx.write(Unpooled.wrappedBuffer(response));
            }
            ctx.flush();
            if (!received.isReadable()) {
                release();
            }
        } catch (RequestFramer.BadRequest e) {
            release();
            byte[] bad = ("HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: "
                    + (e.getMessage().length() + 1) + "\r\n\r\n" + e.getMessage() + "\n").getBytes(StandardCharsets.ISO_8859_1);
            ctx.writeAndFlush(Unpooled.wrappedBuffer(bad)).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        release();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // a client resetting its connection is routine for a load generator: just close
        release();
        ctx.close();
    }

    private void release() {
        if (received != null) {
            received.release();
            received = null;
        }
    }
}
