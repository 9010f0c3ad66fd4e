package dev.fulcrum.proxy.log;

import dev.fulcrum.proxy.http.Headers;
import dev.fulcrum.proxy.net.ConnectionGate;
import dev.fulcrum.proxy.pool.ProxyServer;
import dev.fulcrum.proxy.tls.TlsTermination;
import dev.fulcrum.syslog.logformat.Captures;
import dev.fulcrum.syslog.logformat.LogFacts;
import dev.fulcrum.syslog.logformat.SessionDetails;
import dev.fulcrum.syslog.logformat.SessionPhase;
import dev.fulcrum.syslog.logformat.TerminationCause;
import dev.fulcrum.syslog.logformat.TerminationState;
import dev.fulcrum.syslog.logformat.Timers;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The facts of the requests on one http-mode client connection, gathered as the session reports its
 * steps and logged as one "option httplog" (configuration.txt 8.2.3) or "log-format" line per
 * request when it ends, with the header captures of 4.2 "capture request|response header".
 * Timers follow 8.4: TR from the first request byte to the complete head, Tw the wait in the
 * backend's queue ({@link SessionLog}), Tc the connect, Tr until the response head, Ta from the
 * request date to the end; -1 for a step never reached. The termination state's phase (8.5) is the
 * step the request had reached. When the frontend does not log, every call returns at once.
 */
public final class HttpExchangeLog extends SessionLog {

    private static final HttpExchangeLog OFF = new HttpExchangeLog(null, null, null, null);

    private boolean firstRequest = true;
    private String requestLine;
    private long headMillis = -1;
    private long responseMillis = -1;
    private int status = -1;
    private long headBytes = -1;
    private long bodyBytes;
    /** The request's header fields, for %U; its captures; the response's (null until it comes). */
    private int requestFields;
    private List<String> requestCaptures;
    private List<String> responseCaptures;
    /** Bytes received from the client before this request: %U counts the rest. */
    private long receivedBefore;

    private HttpExchangeLog(FrontendLog log, ConnectionGate gate, Channel client, ClientTraffic traffic) {
        super(log, gate, client, traffic);
    }

    /**
     * The log of a newly accepted connection. When the frontend logs requests, this puts a byte
     * counter in the client's pipeline: call it before the request reader is added.
     */
    public static HttpExchangeLog start(FrontendLog log, ConnectionGate gate, Channel client) {
        return log.httpLog() ? new HttpExchangeLog(log, gate, client, countTraffic(log, client)) : OFF;
    }

    /** The request head is complete. */
    public void request(String method, String target, int minorVersion, Headers fields) {
        if (off()) {
            return;
        }
        headMillis = log.clock().millis();
        requestLine = method + " " + target + " HTTP/1." + minorVersion;
        requestFields = fields.fields().size();
        requestCaptures = HeaderCaptures.values(log.requestCaptures(), fields);
    }

    /** The request's server connection is up (new or reused). */
    public void connected(ProxyServer picked, Channel server) {
        if (!off()) {
            serverUp(picked, server);
        }
    }

    /**
     * The final response head goes to the client with these header fields; {@code chunkedBody}
     * when the server sent its body chunked.
     */
    public void response(int statusCode, String reason, Headers fields, boolean chunkedBody) {
        if (off()) {
            return;
        }
        responseMillis = log.clock().millis();
        status = statusCode;
        responseCaptures = HeaderCaptures.values(log.responseCaptures(), fields);
        // "HTTP/1.x NNN " + reason + CRLF, and the CRLF ending the head.
        headBytes = htxBytes(13 + reason.length() + 2 + 2, fields);
        // A chunked message counts one more byte than its data (haproxy 2.6.12, LogDifferentialTest):
        // the block that ends its trailers.
        bodyBytes = chunkedBody ? 1 : 0;
    }

    /** Response body bytes go to the client (without any chunk framing). */
    public void responseData(int bytes) {
        if (!off()) {
            bodyBytes += bytes;
        }
    }

    /**
     * The proxy answers itself with a {@code pageBytes} long error page (called before it is written)
     * and the request ends with {@code cause}. An answer to a request whose head never arrived whole
     * (400 malformed, 408 timeout) logs %B 0, as haproxy 2.6.12 logs it (LogDifferentialTest).
     */
    public void answered(int statusCode, Headers page, int pageBytes, TerminationCause cause) {
        if (off()) {
            return;
        }
        status = statusCode;
        headBytes = htxBytes(pageBytes - fieldBytes(page), page);
        bodyBytes = 0;
        ended(cause, headMillis < 0 ? 0 : -1);
    }

    /** The request ended: normally ({@link TerminationCause#NORMAL}) or as {@code cause} says. */
    public void ended(TerminationCause cause) {
        if (!off()) {
            ended(cause, -1);
        }
    }

    /** The request in progress is forgotten without a line, as HAProxy drops one the client must retry. */
    public void discard() {
        if (!off()) {
            reset();
        }
    }

    private void ended(TerminationCause cause, long bytes) {
        long forcedBytes = bytes;
        boolean inProgress = firstRequest || headMillis >= 0 || traffic.firstByteMillis(-1) >= 0;
        if (headMillis < 0 && status < 0) {
            // A request that never arrived whole is logged as HAProxy's 400 ("CR--" with <BADREQ>),
            // though nothing is sent (measured with haproxy 2.6.12).
            status = 400;
            forcedBytes = 0;
        }
        if (inProgress) {
            // %U: the request as HAProxy counts it (SessionDetails.httpBytesUploaded); 0 for one never complete.
            long uploaded = requestLine == null ? 0
                    : SessionDetails.httpBytesUploaded(traffic.received() - receivedBefore, requestFields);
            log.http(facts(cause, forcedBytes), line -> details(uploaded, line));
        }
        reset();
    }

    private LogFacts facts(TerminationCause cause, long forcedBytes) {
        long now = log.clock().millis();
        long requestDate = traffic.firstByteMillis(firstRequest ? acceptMillis : now);
        Timers timers = new Timers(
                headMillis < 0 ? Timers.NOT_REACHED : elapsed(requestDate, headMillis), queueTimer(now), connectTimer(),
                responseMillis < 0 || !connected() ? Timers.NOT_REACHED : elapsed(connectedMillis(), responseMillis),
                elapsed(requestDate, now), elapsed(acceptMillis, now));
        long bytes = forcedBytes >= 0 ? forcedBytes : headBytes < 0 ? 0 : headBytes + bodyBytes;
        return new LogFacts((InetSocketAddress) client.remoteAddress(), Instant.ofEpochMilli(acceptMillis),
                Instant.ofEpochMilli(requestDate), log.frontend(), TlsTermination.isTls(client),
                attempts.backendName(log.frontend()), attempts.serverName(), timers, status, Math.max(0, bytes),
                traffic.received(), TerminationState.of(cause, phase(cause)),
                // The gate releases the slot as the client channel closes, before the session hears of it.
                counters(client.closeFuture().isDone(), false), captures(), Optional.ofNullable(requestLine));
    }

    /** None for a request never parsed (as haproxy 2.6.12 logs it, see LogFacts); "" for a response never received. */
    private Captures captures() {
        if (requestCaptures == null) {
            return Captures.NONE;
        }
        return new Captures(Optional.empty(), Optional.empty(), requestCaptures,
                responseCaptures == null ? HeaderCaptures.none(log.responseCaptures()) : responseCaptures);
    }

    /**
     * %B of a message whose wire form is {@code otherBytes} plus its header fields, as HAProxy counts
     * it ({@link LogFacts#httpBytesRead}): its H1 multiplexer keeps Connection fields out of the
     * message it counts (it writes its own on the wire), so they are left out.
     */
    private static long htxBytes(long otherBytes, Headers fields) {
        long wire = otherBytes;
        int count = 0;
        for (Headers.Field field : fields.fields()) {
            if (!field.name().equalsIgnoreCase("connection")) {
                wire += fieldBytes(field);
                count++;
            }
        }
        return LogFacts.httpBytesRead(wire, count);
    }

    private static long fieldBytes(Headers fields) {
        long bytes = 0;
        for (Headers.Field field : fields.fields()) {
            bytes += fieldBytes(field);
        }
        return bytes;
    }

    /** "name: value" and CRLF. */
    private static int fieldBytes(Headers.Field field) {
        return field.name().length() + 2 + field.value().length() + 2;
    }

    /** 8.5, second character: the step the request was in when it ended. */
    private SessionPhase phase(TerminationCause cause) {
        if (cause == TerminationCause.NORMAL) {
            return SessionPhase.NORMAL;
        }
        if (headMillis < 0) {
            return SessionPhase.REQUEST;
        }
        if (!connected()) {
            return endsInQueue() ? SessionPhase.QUEUE : SessionPhase.CONNECT;
        }
        return responseMillis < 0 ? SessionPhase.HEADERS : SessionPhase.DATA;
    }

    private void reset() {
        firstRequest = false;
        requestLine = null;
        headMillis = -1;
        responseMillis = -1;
        status = -1;
        headBytes = -1;
        bodyBytes = 0;
        requestFields = 0;
        requestCaptures = null;
        responseCaptures = null;
        receivedBefore = traffic.received();
        resetServerSide();
        traffic.mark();
    }
}
