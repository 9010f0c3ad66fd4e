package dev.fulcrum.proxy.http;

import dev.fulcrum.api.model.proxy.ForwardFor;
import dev.fulcrum.api.model.proxy.HttpConnectionMode;
import dev.fulcrum.proxy.log.HttpExchangeLog;
import dev.fulcrum.proxy.pool.BackendPool;
import dev.fulcrum.proxy.pool.ProxyServer;
import dev.fulcrum.proxy.pool.QueueTicket;
import dev.fulcrum.proxy.pool.ServerConnector;
import dev.fulcrum.proxy.pool.ServerSlot;
import dev.fulcrum.proxy.stats.RequestTimer;
import dev.fulcrum.syslog.logformat.TerminationCause;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * One client connection in http mode: requests one at a time, each routed, sent to a server
 * (reusing an idle connection from the second request on: {@code http-reuse safe},
 * configuration.txt 4.2 "http-reuse"), bodies streamed both ways, keep-alive between requests.
 * Errors become HAProxy's answers: 400 malformed request, 408 {@code timeout http-request}, 503 no
 * server, every connection attempt failed or {@code timeout queue} ran out, 502 invalid or missing response, 504
 * {@code timeout server}. Everything runs on the client's event loop.
 */
final class ClientSession implements HttpReader.Sink<RequestHead> {

    static final AttributeKey<ServerLeg> LEG = AttributeKey.valueOf("fulcrum.http.leg");

    private final Runnable onServerTimeout = this::serverTimedOut;
    private final ChannelFutureListener abortOnFailure = written -> {
        if (!written.isSuccess()) {
            abort(TerminationCause.CLIENT_ABORT);
        }
    };

    private final HttpFrontend frontend;
    private final Channel client;
    private final HttpReader<RequestHead> reader;
    private final HttpExchangeLog log;
    private int requests;
    private final SessionTimeout timeout;
    private boolean finished;

    private RequestHead request;
    private BackendPool pool;
    private ServerLeg leg;
    private RequestTimer timer;
    private ResponseHead response;
    private boolean requestSent;
    private boolean responseDone;
    private boolean chunkedToClient;
    /** Written to the client but not flushed: a response head waiting for its first body bytes. */
    private boolean clientHeld;

    ClientSession(HttpFrontend frontend, Channel client, HttpReader<RequestHead> reader, HttpExchangeLog log) {
        this.frontend = frontend;
        this.client = client;
        this.reader = reader;
        this.timeout = new SessionTimeout(client);
        this.log = log;
    }

    void start() {
        waitForRequest();
    }

    private void waitForRequest() {
        // 4.2 "timeout http-request" for the first request, "timeout http-keep-alive" between
        // requests; each falls back as configuration.txt documents, finally to "timeout client".
        var timeouts = frontend.context().config().timeouts();
        Optional<Duration> wait = requests == 0 ? timeouts.httpRequest().or(timeouts::client)
                : timeouts.httpKeepAlive().or(timeouts::httpRequest).or(timeouts::client);
        wait.ifPresent(d -> arm(d, this::requestTimedOut));
        reader.sink(this);
        reader.demand();
    }

    private void requestTimedOut() {
        if (requests == 0 || reader.hasBufferedBytes()) {
            fail(ErrorPages.REQUEST_TIMEOUT, TerminationCause.CLIENT_TIMEOUT);
        } else {
            finish(); // an idle keep-alive connection just closes
        }
    }

    @Override
    public void head(RequestHead head) {
        cancelTimer();
        requests++;
        frontend.context().stats().requestReceived();
        request = head;
        requestSent = false;
        responseDone = false;
        response = null;
        log.request(head.method(), head.target(), head.minorVersion(), head.headers());
        HttpRequestContext context = new HttpRequestContext((InetSocketAddress) client.remoteAddress(),
                (InetSocketAddress) client.localAddress(), head);
        Optional<BackendPool> target = frontend.context().router().route(context).flatMap(frontend.context().backends()::backend);
        if (target.isEmpty()) {
            fail(ErrorPages.SERVICE_UNAVAILABLE, TerminationCause.SERVER_ABORT);
            return;
        }
        pool = target.get();
        log.backend(pool);
        frontend.context().connector().connect(client, pool, context, context.destinationPort(), requests > 1,
                new ServerConnector.Outcome() {
                    @Override
                    public void connected(Channel server, ServerSlot slot) {
                        log.connected(slot.server(), server);
                        send(server, slot, context);
                    }

                    @Override
                    public void failed(ServerConnector.Failure failure) {
                        pool.counters().answered(ErrorPages.SERVICE_UNAVAILABLE.status());
                        // 8.5: "sQ" when "timeout queue" ran out, "SC" when no server could be reached.
                        fail(ErrorPages.SERVICE_UNAVAILABLE, failure == ServerConnector.Failure.QUEUE_TIMEOUT
                                ? TerminationCause.SERVER_TIMEOUT : TerminationCause.SERVER_ABORT);
                    }

                    @Override
                    public void attempting(ProxyServer server, int retry) {
                        log.attempt(server, retry);
                    }

                    @Override
                    public void queued(QueueTicket ticket) {
                        log.queued(ticket);
                    }
                });
    }

    private void send(Channel server, ServerSlot slot, HttpRequestContext context) {
        if (finished || !client.isActive()) {
            slot.release();
            server.close();
            return;
        }
        leg = ServerLeg.of(server, slot.server(), pool, frontend.parser());
        timer = slot.timer();
        leg.serve(this, request.method(), slot);
        Headers headers = request.headers();
        Optional<ForwardFor> forwardFor = pool.config().options().forwardFor().or(frontend.context().config().options()::forwardFor);
        if (forwardFor.isPresent()) {
            headers = new ForwardedFor(forwardFor.get()).apply(headers, context.sourceAddress());
        }
        if (serverClose()) {
            headers = headers.without("Connection").with("Connection", "close");
        }
        writeToServer(HeadWriter.request(client.alloc(), request.method(), request.target(), request.minorVersion(),
                headers), false);
        leg.demand();
        if (!(request.body() instanceof RequestHead.NoBody)) {
            armClientTimeout();
        }
        reader.demand(); // the body, or at once the end of a bodiless request
    }

    private void armClientTimeout() {
        frontend.context().config().timeouts().client().ifPresent(d -> arm(d, () -> abort(TerminationCause.CLIENT_TIMEOUT)));
    }

    /** 4.2 "option http-server-close" on either side closes the server connection after each response. */
    private boolean serverClose() {
        return frontend.context().config().options().connectionMode() == HttpConnectionMode.SERVER_CLOSE
                || pool.config().options().connectionMode() == HttpConnectionMode.SERVER_CLOSE;
    }

    /**
     * Sends request bytes on. While the body comes in, the client is the side expected to act:
     * 4.2 "timeout client" (a stalled upload closes both sides); once the request is complete it is
     * the server: "timeout server".
     */
    private void writeToServer(ByteBuf data, boolean thenReadClient) {
        leg.channel().writeAndFlush(data).addListener((ChannelFutureListener) written -> {
            if (!written.isSuccess()) {
                abort(TerminationCause.SERVER_ABORT);
            } else if (thenReadClient && !finished && !requestSent) {
                armClientTimeout();
                reader.demand();
            }
        });
    }

    @Override
    public void content(ByteBuf piece) {
        if (leg == null) {
            piece.release();
            return;
        }
        boolean chunked = request.body() instanceof RequestHead.Chunked;
        writeToServer(chunked ? HeadWriter.chunk(client.alloc(), piece) : piece, true);
    }

    @Override
    public void end() {
        if (leg == null) {
            return;
        }
        if (request.body() instanceof RequestHead.Chunked) {
            writeToServer(HeadWriter.lastChunk(client.alloc(), reader.trailers()), false);
        }
        requestSent = true;
        if (responseDone) {
            finishExchange();
        } else if (response == null) {
            armServerTimeout();
        }
    }

    @Override
    public void malformed(String reason) {
        if (response == null) {
            frontend.context().stats().invalidRequest();
            fail(ErrorPages.BAD_REQUEST, TerminationCause.PROXY_ABORT);
        } else {
            abort(TerminationCause.PROXY_ABORT);
        }
    }

    @Override
    public void closed() {
        if (requests == 0 && !finished) {
            frontend.context().stats().abandoned();
        }
        abort(TerminationCause.CLIENT_ABORT);
    }

    void responseHead(ResponseHead head) {
        if (finished) {
            return;
        }
        armServerTimeout();
        if (head.informational() && head.status() != 101) {
            // 100-continue and other interim answers pass through; the final one follows.
            client.writeAndFlush(HeadWriter.response(client.alloc(), head, head.headers()))
                    .addListener(written -> leg.demand());
            return;
        }
        if (head.status() == 101) {
            responseMalformed("protocol upgrades are not supported yet");
            return;
        }
        frontend.context().stats().responded(leg.server().counters(), head.status());
        response = head;
        timer.responded();
        // An HTTP/1.0 client cannot read chunked framing (RFC 9112 6.1): it gets the content as
        // is, without Transfer-Encoding, and the end of the connection marks the end of the body.
        chunkedToClient = head.body() instanceof RequestHead.Chunked && request.minorVersion() == 1;
        Headers headers = head.body() instanceof RequestHead.Chunked && !chunkedToClient
                ? head.headers().without("Transfer-Encoding") : head.headers();
        log.response(head.status(), head.reason(), headers, head.body() instanceof RequestHead.Chunked);
        // Held until the body's first piece (or the end) is there, so that both leave in one write
        // (one syscall and usually one TCP segment); flushed at once when the server's next bytes
        // are not read yet (awaitingInput). A head is small: it needs no back-pressure.
        client.write(HeadWriter.response(client.alloc(), head, headers)).addListener(abortOnFailure);
        clientHeld = true;
        leg.demand();
    }

    /** Sends what is held for the client (see {@link #responseHead}). */
    void flushHeld() {
        if (clientHeld) {
            clientHeld = false;
            client.flush();
        }
    }

    void responseContent(ByteBuf piece) {
        if (finished) {
            piece.release();
            return;
        }
        armServerTimeout();
        log.responseData(piece.readableBytes());
        writeToClient(chunkedToClient ? HeadWriter.chunk(client.alloc(), piece) : piece);
    }

    private void writeToClient(ByteBuf data) {
        clientHeld = false;
        client.writeAndFlush(data).addListener((ChannelFutureListener) written -> {
            if (!written.isSuccess()) {
                abort(TerminationCause.CLIENT_ABORT);
            } else if (leg != null && !responseDone) {
                leg.demand();
            }
        });
    }

    void responseEnd() {
        if (finished) {
            return;
        }
        cancelTimer();
        if (chunkedToClient) {
            // Trailers go on with the last chunk; an HTTP/1.0 client has no place for them.
            client.writeAndFlush(HeadWriter.lastChunk(client.alloc(), leg.trailers()));
            clientHeld = false;
        } else {
            flushHeld();
        }
        responseDone = true;
        if (requestSent) {
            finishExchange();
        } else {
            // The server answered before taking the whole request: neither side can continue.
            ServerLeg done = leg;
            leg = null;
            done.channel().close();
            log.ended(TerminationCause.NORMAL);
            endTimer();
            finish();
        }
    }

    private void finishExchange() {
        ServerLeg done = leg;
        leg = null;
        boolean serverReusable = response.keepAlive() && request.keepAlive() && !serverClose();
        if (serverReusable) {
            done.park();
        } else {
            done.channel().close();
        }
        log.ended(TerminationCause.NORMAL);
        endTimer();
        boolean delimitedForClient = !(response.body() instanceof RequestHead.UntilClose)
                && (chunkedToClient || !(response.body() instanceof RequestHead.Chunked));
        boolean clientReusable = request.keepAlive() && delimitedForClient
                && !response.headers().hasToken("Connection", "close");
        if (clientReusable && client.isActive()) {
            waitForRequest();
        } else {
            finish();
        }
    }

    void responseMalformed(String reason) {
        if (finished) {
            return;
        }
        leg.server().counters().responseFailed();
        if (response == null) {
            fail(ErrorPages.BAD_GATEWAY, TerminationCause.PROXY_ABORT);
        } else {
            abort(TerminationCause.PROXY_ABORT);
        }
    }

    void serverClosed() {
        if (finished) {
            return;
        }
        if (response != null && !responseDone && leg.bodyEndsAtClose()) {
            responseEnd();
        } else if (response == null && requests > 1) {
            // HAProxy's "abort_keep_alive": a server (typically one closing an idle pooled
            // connection as the request went out) closed before answering a request that was not
            // the first of its client connection. The client connection closes without an answer,
            // so that the client retries it (what "http-reuse safe" relies on, configuration.txt 4.2).
            // HAProxy does not log that request either (abort_keep_alive sets its log level to 0).
            log.discard();
            abort(TerminationCause.SERVER_ABORT);
        } else if (response == null) {
            fail(ErrorPages.BAD_GATEWAY, TerminationCause.SERVER_ABORT);
        } else if (!responseDone) {
            abort(TerminationCause.SERVER_ABORT);
        }
    }

    /** Re-armed with the request's end, the response head and each body piece: no lambda per call. */
    private void armServerTimeout() {
        Optional<Duration> server = pool.config().timeouts().server();
        if (server.isPresent()) {
            arm(server.get(), onServerTimeout);
        }
    }

    private void serverTimedOut() {
        if (response == null) {
            fail(ErrorPages.GATEWAY_TIMEOUT, TerminationCause.SERVER_TIMEOUT);
        } else {
            abort(TerminationCause.SERVER_TIMEOUT);
        }
    }

    private void arm(Duration delay, Runnable task) {
        timeout.arm(delay, task);
    }

    private void cancelTimer() {
        timeout.cancel();
    }

    /** Answers with a proxy error page and closes both sides; {@code cause} is for the log. */
    private void fail(ErrorPages page, TerminationCause cause) {
        if (finished) {
            return;
        }
        finished = true;
        frontend.context().stats().answered(page.status());
        timeout.stop();
        closeLeg();
        log.answered(page.status(), page.headers(), page.length(), cause);
        client.writeAndFlush(page.message(client.alloc())).addListener(ChannelFutureListener.CLOSE);
    }

    /** Ends the client connection once what was written to it is out. */
    private void finish() {
        finished = true;
        timeout.stop();
        client.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    private void abort(TerminationCause cause) {
        finished = true;
        timeout.stop();
        countAbort(cause);
        endTimer();
        closeLeg();
        log.ended(cause);
        client.close();
    }

    /** The request's qtime/ctime/rtime/ttime sample is taken as it ends. */
    private void endTimer() {
        if (timer != null) {
            timer.ended();
            timer = null;
        }
    }

    /**
     * management.txt 9.1 "cli_abrt", "srv_abrt": a side gave up while a server connection served
     * the request; the server's side counts once its response began (a server closing before
     * answering is an eresp or a keep-alive abort).
     */
    private void countAbort(TerminationCause cause) {
        if (leg == null) {
            return;
        }
        if (cause == TerminationCause.CLIENT_ABORT) {
            leg.server().counters().clientAborted();
        } else if (cause == TerminationCause.SERVER_ABORT && response != null) {
            leg.server().counters().serverAborted();
        }
    }

    private void closeLeg() {
        if (leg != null) {
            leg.channel().close();
            leg = null;
        }
    }
}
