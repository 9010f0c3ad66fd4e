package dev.fulcrum.syslog.logformat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.fulcrum.syslog.Haproxy;
import dev.fulcrum.syslog.Syslog3164Line;
import dev.fulcrum.syslog.UdpReceiver;
import dev.fulcrum.testing.SystemTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential: the same request through the real haproxy 2.6 (option httplog in mode http, option
 * tcplog with option dontlognull in mode tcp) and through Fulcrum's formatters fed with the facts of
 * that request; both lines are split by the same regex and must agree on every field except timers
 * and dates.
 */
@SystemTest
class HaproxyLogFormatSystemTest {

    private static final String REQUEST_LINE = "GET /status?probe=1 HTTP/1.1";

    @TempDir
    Path dir;

    private HttpServer backend;
    private UdpReceiver logs;
    private Haproxy haproxy;
    private int httpPort;
    private int tcpPort;
    private int plainPort;
    private int capturePort;
    private int downPort;

    @BeforeEach
    void start() throws Exception {
        backend = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        backend.createContext("/", exchange -> {
            byte[] body = "hello\n".getBytes(StandardCharsets.US_ASCII);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        backend.start();
        logs = new UdpReceiver();
        httpPort = Haproxy.freePort();
        tcpPort = Haproxy.freePort();
        plainPort = Haproxy.freePort();
        capturePort = Haproxy.freePort();
        downPort = Haproxy.freePort();
        int closedPort = Haproxy.freePort();
        String server = "    server s1 127.0.0.1:" + backend.getAddress().getPort() + "\n";
        haproxy = Haproxy.start(dir, "global\n    log 127.0.0.1:" + logs.port() + " local0\n"
                + "    stats socket " + dir.resolve("stats.sock") + "\n"
                + "defaults\n    log global\n    timeout connect 2s\n    timeout client 5s\n    timeout server 5s\n"
                + "frontend fe_http\n    mode http\n    option httplog\n    bind 127.0.0.1:" + httpPort + "\n"
                + "    default_backend be_http\n"
                + "backend be_http\n    mode http\n" + server
                + "frontend fe_tcp\n    mode tcp\n    option tcplog\n    option dontlognull\n"
                + "    bind 127.0.0.1:" + tcpPort + "\n    default_backend be_tcp\n"
                + "backend be_tcp\n    mode tcp\n" + server
                + "frontend fe_plain\n    mode http\n    bind 127.0.0.1:" + plainPort + "\n"
                + "    default_backend be_http\n"
                + "frontend fe_capture\n    mode http\n    option httplog\n    bind 127.0.0.1:" + capturePort + "\n"
                + "    capture request header Host len 30\n    capture request header X-Q len 30\n"
                + "    capture response header Content-Type len 10\n    default_backend be_http\n"
                + "frontend fe_down\n    mode http\n    option httplog\n    bind 127.0.0.1:" + downPort + "\n"
                + "    default_backend be_down\n"
                + "backend be_down\n    mode http\n    retries 2\n    timeout connect 100ms\n"
                + "    server s9 127.0.0.1:" + closedPort + "\n", httpPort);
        haproxy.awaitNoConnection(dir.resolve("stats.sock"));
    }

    @AfterEach
    void stop() throws Exception {
        if (haproxy != null) {
            haproxy.close();
        }
        logs.close();
        backend.stop(0);
    }

    @Test
    void httplogAgreesFieldByField() throws Exception {
        Exchange exchange = Exchange.run(httpPort);
        String theirs = lineFor("fe_http", exchange.clientPort());
        LogFacts facts = new LogFacts(exchange.client(), Instant.now(), Instant.now(), "fe_http", false, "be_http",
                Optional.of("s1"), new Timers(0, 0, 0, 0, 0, 0), exchange.status(),
                exchange.httpBytesRead(),
                exchange.requestBytes(), TerminationState.NORMAL, new Connections(1, 1, 0, 0, 0, false, 0, 0),
                Captures.NONE, Optional.of(REQUEST_LINE));
        assertHttplogAgrees(theirs, facts);
    }

    @Test
    void tcplogAgreesFieldByFieldAndDontlognullSkipsTheSilentConnection() throws Exception {
        int silentPort;
        try (Socket silent = new Socket("127.0.0.1", tcpPort)) {
            silentPort = silent.getLocalPort();
        }
        LogFacts silentFacts = tcpFacts(new InetSocketAddress(InetAddress.getLoopbackAddress(), silentPort),
                TerminationState.of(TerminationCause.CLIENT_ABORT, SessionPhase.DATA), 0, 0);
        assertFalse(silentFacts.shouldLog(true), "Fulcrum would not log the silent connection either");
        haproxy.awaitNoConnection(dir.resolve("stats.sock"));

        Exchange exchange = Exchange.run(tcpPort);
        // The next fe_tcp line must already be the exchange's: HAProxy did not log the silent connection.
        String theirs = lineFor("fe_tcp", -1);
        assertFalse(theirs.contains(":" + silentPort + " "), "dontlognull: " + theirs);
        LogFacts facts = tcpFacts(exchange.client(), TerminationState.NORMAL, exchange.responseBytes(),
                exchange.requestBytes());
        assertTrue(facts.shouldLog(true));
        String ours = new TcpLogFormatter(ZoneId.systemDefault()).format(facts);
        System.out.println("tcplog haproxy: " + theirs + "\ntcplog fulcrum: " + ours);
        assertEquals(LogLineFields.parse(LogLineFields.TCPLOG, LogLineFields.TCPLOG_FIELDS, theirs),
                LogLineFields.parse(LogLineFields.TCPLOG, LogLineFields.TCPLOG_FIELDS, ours),
                "haproxy: " + theirs + "\nfulcrum: " + ours);
    }

    @Test
    void aQuoteInTheRequestLineIsEscapedAlike() throws Exception {
        // HAProxy forwards it; the JDK backend answers 400 itself.
        String requestLine = "GET /a\"b HTTP/1.1";
        Exchange exchange = Exchange.run(httpPort, requestLine, "");
        LogFacts facts = new LogFacts(exchange.client(), Instant.now(), Instant.now(), "fe_http", false, "be_http",
                Optional.of("s1"), new Timers(0, 0, 0, 0, 0, 0), exchange.status(),
                exchange.httpBytesRead(), exchange.requestBytes(),
                TerminationState.NORMAL, new Connections(1, 1, 0, 0, 0, false, 0, 0), Captures.NONE,
                Optional.of(requestLine));
        assertHttplogAgrees(lineFor("fe_http", exchange.clientPort()), facts);
    }

    @Test
    void aRejectedRequestAgrees() throws Exception {
        // A raw non-ASCII byte in the URI: HAProxy answers 400 itself.
        Exchange exchange = Exchange.run(httpPort, "GET /caf\u00e9 HTTP/1.1", "");
        assertEquals(400, exchange.status());
        // HAProxy logs %B 0 for the 400 it answers to a request it could not parse (measured, 2.6.12).
        LogFacts facts = new LogFacts(exchange.client(), Instant.now(), Instant.now(), "fe_http", false, "fe_http",
                Optional.empty(), new Timers(-1, -1, -1, -1, 0, 0), 400, 0, exchange.requestBytes(),
                TerminationState.of(TerminationCause.PROXY_ABORT, SessionPhase.REQUEST),
                new Connections(1, 1, 0, 0, 0, false, 0, 0), Captures.NONE, Optional.empty());
        assertHttplogAgrees(lineFor("fe_http", exchange.clientPort()), facts);
    }

    @Test
    void capturedHeadersAgree() throws Exception {
        Exchange exchange = Exchange.run(capturePort, REQUEST_LINE, "X-Q: a{b}c|d\"e#f\tz\r\n");
        Captures captures = new Captures(Optional.empty(), Optional.empty(), List.of("test", "a{b}c|d\"e#f\tz"),
                List.of("text/html;"));
        LogFacts facts = new LogFacts(exchange.client(), Instant.now(), Instant.now(), "fe_capture", false, "be_http",
                Optional.of("s1"), new Timers(0, 0, 0, 0, 0, 0), 200,
                exchange.httpBytesRead(), exchange.requestBytes(),
                TerminationState.NORMAL, new Connections(1, 1, 0, 0, 0, false, 0, 0), captures,
                Optional.of(REQUEST_LINE));
        assertHttplogAgrees(lineFor("fe_capture", exchange.clientPort()), facts);
    }

    @Test
    void aRefusedServerAfterRetriesAgrees() throws Exception {
        Exchange exchange = Exchange.run(downPort, REQUEST_LINE, "");
        assertEquals(503, exchange.status());
        LogFacts facts = new LogFacts(exchange.client(), Instant.now(), Instant.now(), "fe_down", false, "be_down",
                Optional.of("s9"), new Timers(0, 0, -1, -1, 0, 0), 503,
                exchange.httpBytesRead(), exchange.requestBytes(),
                TerminationState.of(TerminationCause.SERVER_ABORT, SessionPhase.CONNECT),
                new Connections(1, 1, 0, 0, 2, false, 0, 0), Captures.NONE, Optional.of(REQUEST_LINE));
        assertHttplogAgrees(lineFor("fe_down", exchange.clientPort()), facts);
    }

    private static void assertHttplogAgrees(String theirs, LogFacts facts) {
        String ours = new HttpLogFormatter(ZoneId.systemDefault()).format(facts);
        System.out.println("httplog haproxy: " + theirs + "\nhttplog fulcrum: " + ours);
        assertEquals(LogLineFields.parse(LogLineFields.HTTPLOG, LogLineFields.HTTPLOG_FIELDS, theirs),
                LogLineFields.parse(LogLineFields.HTTPLOG, LogLineFields.HTTPLOG_FIELDS, ours),
                "haproxy: " + theirs + "\nfulcrum: " + ours);
    }

    @Test
    void withoutLogOptionTheConnectLineIsTheSame() throws Exception {
        Exchange exchange = Exchange.run(plainPort);
        String theirs = lineFor("fe_plain", -1);
        String ours = ConnectLogFormatter.format(exchange.client(),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), plainPort), "fe_plain",
                dev.fulcrum.api.model.proxy.Mode.HTTP);
        assertEquals(theirs, ours);
    }

    private static LogFacts tcpFacts(InetSocketAddress client, TerminationState state, long bytesRead,
            long bytesFromClient) {
        return new LogFacts(client, Instant.now(), Instant.now(), "fe_tcp", false, "be_tcp", Optional.of("s1"),
                new Timers(-1, 0, 0, -1, -1, 0), 0, bytesRead, bytesFromClient, state,
                new Connections(1, 1, 0, 0, 0, false, 0, 0), Captures.NONE, Optional.empty());
    }

    /** HAProxy's log message for {@code frontend}; for a given client port when {@code clientPort >= 0}. */
    private String lineFor(String frontend, int clientPort) throws IOException {
        String datagram = logs.receive(d -> (d.contains(" " + frontend + " ") || d.contains("(" + frontend + "/"))
                && (clientPort < 0 || d.contains(":" + clientPort + " [")));
        return Syslog3164Line.parse(datagram).message();
    }

    /** One HTTP/1.1 request with Connection: close over a plain socket, and what came back. */
    private record Exchange(InetSocketAddress client, int status, long requestBytes, long responseBytes,
            int headerCount, long connectionBytes) {

        /** %B of this response: without HAProxy's Connection line. */
        long httpBytesRead() {
            return LogFacts.httpBytesRead(responseBytes - connectionBytes, headerCount);
        }

        int clientPort() {
            return client.getPort();
        }

        static Exchange run(int port) throws IOException {
            return run(port, REQUEST_LINE, "");
        }

        static Exchange run(int port, String requestLine, String extraHeaders) throws IOException {
            byte[] request = (requestLine + "\r\nHost: test\r\n" + extraHeaders + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1);
            try (Socket socket = new Socket("127.0.0.1", port)) {
                OutputStream out = socket.getOutputStream();
                out.write(request);
                out.flush();
                byte[] response = socket.getInputStream().readAllBytes();
                String text = new String(response, StandardCharsets.ISO_8859_1);
                String[] head = text.substring(0, text.indexOf("\r\n\r\n")).split("\r\n");
                // HAProxy's Connection line is not part of what %B counts (LogFacts.httpBytesRead).
                long connectionBytes = 0;
                int fields = 0;
                for (int i = 1; i < head.length; i++) {
                    if (head[i].regionMatches(true, 0, "connection:", 0, 11)) {
                        connectionBytes += head[i].length() + 2;
                    } else {
                        fields++;
                    }
                }
                return new Exchange((InetSocketAddress) socket.getLocalSocketAddress(),
                        Integer.parseInt(head[0].substring(9, 12)), request.length, response.length, fields,
                        connectionBytes);
            }
        }
    }
}
