package dev.fulcrum.proxy.http;

import dev.fulcrum.proxy.pool.BackendPool;
import dev.fulcrum.proxy.pool.ProxyServer;
import dev.fulcrum.proxy.pool.ServerSlot;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.socket.DuplexChannel;

/**
 * One server connection in http mode: its response reader and whose request it serves now. Between
 * requests it is parked in the backend's idle pool, reading only to notice a close.
 */
final class ServerLeg implements HttpReader.Sink<ResponseHead> {

    private final Channel channel;
    private final ProxyServer server;
    private final BackendPool pool;
    private final HttpReader<ResponseHead> reader;
    private String method = "GET";
    private ClientSession session;
    private ServerSlot slot;

    private ServerLeg(Channel channel, ProxyServer server, BackendPool pool, HeadParser parser) {
        this.channel = channel;
        this.server = server;
        this.pool = pool;
        this.reader = new HttpReader<>(in -> parser.parseResponse(in, method), ResponseHead::body);
    }

    /** The leg of a fresh connection, or the one a reused connection already carries. */
    static ServerLeg of(Channel channel, ProxyServer server, BackendPool pool, HeadParser parser) {
        ServerLeg existing = channel.attr(ClientSession.LEG).get();
        if (existing != null) {
            return existing;
        }
        ServerLeg leg = new ServerLeg(channel, server, pool, parser);
        channel.attr(ClientSession.LEG).set(leg);
        channel.closeFuture().addListener(closed -> leg.releaseSlot());
        channel.pipeline().addLast("http-response", leg.reader);
        return leg;
    }

    Channel channel() {
        return channel;
    }

    ProxyServer server() {
        return server;
    }

    /**
     * Serves the session's request next; the response then flows to it. The request holds
     * {@code requestSlot} (its place under the server's maxconn) until it is parked or closed.
     */
    void serve(ClientSession newSession, String requestMethod, ServerSlot requestSlot) {
        this.session = newSession;
        this.method = requestMethod;
        this.slot = requestSlot;
        reader.sink(this);
        if (!channel.isActive()) {
            releaseSlot(); // closed already: its close listener has run
        }
    }

    /** The request's place goes to the next queued request (HAProxy counts requests being served, not idle connections). */
    private void releaseSlot() {
        ServerSlot held = slot;
        slot = null;
        if (held != null) {
            held.release();
        }
    }

    void demand() {
        reader.demand();
    }

    /**
     * Back to the idle pool, still reading to notice the server closing it; closed instead when its
     * server left the backend or already sent its FIN.
     */
    void park() {
        session = null;
        reader.sink(null);
        releaseSlot();
        boolean serverFinished = channel instanceof DuplexChannel duplex && duplex.isInputShutdown();
        if (pool.contains(server) && channel.isActive() && !serverFinished) {
            pool.idle().park(server, channel);
            reader.watchIdle();
        } else {
            channel.close();
        }
    }

    /** The trailer fields of the response that just ended. */
    Headers trailers() {
        return reader.trailers();
    }

    boolean bodyEndsAtClose() {
        return reader.bodyEndsAtClose();
    }

    @Override
    public void head(ResponseHead head) {
        session.responseHead(head);
    }

    @Override
    public void content(ByteBuf piece) {
        session.responseContent(piece);
    }

    @Override
    public void end() {
        session.responseEnd();
    }

    @Override
    public void malformed(String reason) {
        session.responseMalformed(reason);
    }

    @Override
    public void closed() {
        session.serverClosed();
    }

    @Override
    public void awaitingInput() {
        if (session != null) {
            session.flushHeld();
        }
    }
}
