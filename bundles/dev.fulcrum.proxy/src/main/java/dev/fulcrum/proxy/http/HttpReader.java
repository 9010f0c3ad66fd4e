package dev.fulcrum.proxy.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads HTTP/1.x messages off one connection, pull-based: each {@link #demand()} yields at most one
 * event (the head, one piece of body, or the end) to the {@link Sink}. The sink demands again once
 * it has passed the event on, so a slow peer on the other side stops the reading here
 * (back-pressure, nothing aggregated). Like HAProxy filling its {@code tune.bufsize} buffer, the
 * reader keeps reading ahead while fewer than {@link #READ_AHEAD_BYTES} are buffered: the socket
 * then stays registered for reading between messages instead of being switched off after each
 * read and on again at the next demand (two epoll_ctl calls per message and side).
 *
 * @param <H> {@link RequestHead} or {@link ResponseHead}
 */
public final class HttpReader<H> extends ChannelInboundHandlerAdapter {

    /** Receives one connection's messages; called on its event loop. */
    public interface Sink<H> {
        void head(H head);

        /** A piece of body content, de-chunked; the sink owns (releases or writes) it. */
        void content(ByteBuf piece);

        void end();

        /** The bytes are not acceptable HTTP; no further events follow. */
        void malformed(String reason);

        /** The connection closed, or its input ended (FIN); no further events follow. */
        void closed();

        /**
         * The buffered bytes are used up and the reader now waits for the socket: output the sink
         * held back to send together with the next event should go now.
         */
        default void awaitingInput() {
        }
    }

    /** Parses one head off the buffer; empty while incomplete. */
    @FunctionalInterface
    public interface HeadParse<H> {
        Optional<H> parse(ByteBuf in) throws HttpParseException;
    }

    /** HAProxy's default tune.bufsize (configuration.txt 3.2). */
    static final int READ_AHEAD_BYTES = 16384;

    private final HeadParse<H> parser;
    private final Function<H, RequestHead.Body> bodyOf;
    private Sink<H> sink;
    private ChannelHandlerContext ctx;
    private ByteBuf buffer;
    private BodyDecoder body;
    private Headers trailers = new Headers(List.of());
    private boolean demanded;
    private boolean failed;
    private final List<ByteBuf> pieces = new ArrayList<>(1);

    public HttpReader(HeadParse<H> parser, Function<H, RequestHead.Body> bodyOf) {
        this.parser = parser;
        this.bodyOf = bodyOf;
    }

    /** Who gets the next events; null while the connection is idle (any byte then closes it). */
    public void sink(Sink<H> newSink) {
        this.sink = newSink;
    }

    public boolean hasBufferedBytes() {
        return buffer != null && buffer.isReadable();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
        this.buffer = Unpooled.EMPTY_BUFFER;
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext context) {
        releaseBuffers();
    }

    private void releaseBuffers() {
        buffer.release();
        buffer = Unpooled.EMPTY_BUFFER;
        pieces.forEach(ByteBuf::release);
        pieces.clear();
    }

    /**
     * Adds read bytes to the buffer. Body pieces handed out are retained slices of it, so it is
     * never compacted or grown in place while one is still out (its refCnt is above 1): the unread
     * bytes move to a fresh buffer instead.
     */
    private void append(ByteBuf in) {
        if (!buffer.isReadable()) {
            buffer.release();
            buffer = in;
            return;
        }
        if (buffer.refCnt() == 1 && buffer.maxWritableBytes() >= in.readableBytes()) {
            buffer.writeBytes(in);
            in.release();
            return;
        }
        ByteBuf merged = ctx.alloc().buffer(buffer.readableBytes() + in.readableBytes());
        merged.writeBytes(buffer).writeBytes(in);
        buffer.release();
        in.release();
        buffer = merged;
    }

    /** Asks for the next event; it comes now if buffered, otherwise after the socket is read. */
    public void demand() {
        demanded = true;
        if (!produce()) {
            needMore(ctx);
        }
    }

    /** Reads on, or reports the end of the input when the peer sent its FIN or closed. */
    private void needMore(ChannelHandlerContext context) {
        if (!readable(context.channel())) {
            reportClosed();
        } else {
            if (sink != null) {
                sink.awaitingInput();
            }
            context.read();
        }
    }

    /** Whether more bytes can come: the connection is open and the peer has not sent its FIN. */
    private static boolean readable(Channel channel) {
        boolean inputEnded = channel instanceof DuplexChannel duplex && duplex.isInputShutdown();
        return channel.isActive() && !inputEnded;
    }

    private void reportClosed() {
        Sink<H> current = sink;
        sink = null;
        if (current != null && !failed) {
            current.closed();
        }
    }

    /** Reads while idle so that a server closing a pooled connection is noticed at once. */
    public void watchIdle() {
        ctx.read();
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        if (sink == null) {
            // Bytes on an idle connection: nothing is expected, the connection is unusable.
            in.release();
            context.close();
            return;
        }
        append(in);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext context) {
        if (demanded && !produce()) {
            needMore(context);
        } else if (sink != null && buffer.readableBytes() < READ_AHEAD_BYTES && readable(context.channel())) {
            context.read();
        }
    }

    /** Hands one event to the sink when the buffer holds one; whether it did. */
    private boolean produce() {
        if (failed || sink == null || !demanded) {
            return failed;
        }
        try {
            if (body == null) {
                Optional<H> head = parser.parse(buffer);
                if (head.isEmpty()) {
                    return false;
                }
                body = new BodyDecoder(bodyOf.apply(head.get()));
                demanded = false;
                sink.head(head.get());
                return true;
            }
            boolean done = body.decode(buffer, pieces);
            if (!pieces.isEmpty()) {
                ByteBuf piece = pieces.size() == 1 ? pieces.get(0) : ctx.alloc().compositeBuffer().addComponents(true, pieces);
                pieces.clear();
                demanded = false;
                // When the body is done, its end follows with the next demand.
                sink.content(piece);
                return true;
            }
            if (done) {
                trailers = body.trailers();
                body = null;
                demanded = false;
                sink.end();
                return true;
            }
            return false;
        } catch (HttpParseException e) {
            failed = true;
            demanded = false;
            sink.malformed(e.getMessage());
            return true;
        }
    }

    /** The trailer fields of the message whose end was reported last (RFC 9112 7.1.2). */
    public Headers trailers() {
        return trailers;
    }

    /** An until-close body ends with the connection (RFC 9112 6.3 item 8). */
    public boolean bodyEndsAtClose() {
        return body != null && body.untilClose();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        reportClosed();
        releaseBuffers();
        context.fireChannelInactive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) {
        if (event instanceof ChannelInputShutdownEvent) {
            // The peer sent its FIN: what is buffered is still served; then the sink learns the end.
            if (demanded && !produce()) {
                reportClosed();
            } else if (sink == null) {
                context.close();
            }
            return;
        }
        context.fireUserEventTriggered(event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        context.close();
    }
}
