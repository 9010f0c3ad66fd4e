package dev.fulcrum.proxy.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.proxy.ProxyConfig;
import dev.fulcrum.config.haproxy.model.HaproxyConfigs;
import dev.fulcrum.proxy.service.ProxyRuntime;
import dev.fulcrum.proxy.testing.Certificates;
import dev.fulcrum.proxy.testing.Certificates.KeyForm;
import dev.fulcrum.proxy.testing.HaproxyProcess;
import dev.fulcrum.proxy.testing.HoldingBackend;
import dev.fulcrum.proxy.testing.HttpBackend;
import dev.fulcrum.proxy.testing.Models;
import dev.fulcrum.proxy.testing.RawClient;
import dev.fulcrum.proxy.testing.Resources;
import dev.fulcrum.proxy.testing.SyslogCollector;
import dev.fulcrum.proxy.testing.TcpBackend;
import dev.fulcrum.syslog.SyslogSinks;
import java.io.IOException;
import java.io.OutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Differential: {@code src/test/resources/log/haproxy.cfg} run by HAProxy 2.6 (the Debian package)
 * and by this proxy, each logging to its own UDP collector on loopback. Each scenario runs on both;
 * the two log lines are split by one regex per format ({@link LogLine}) or, for the log-format
 * frontends, at their '`' separators ({@link CustomLine}), and must agree on every field except the
 * timers (reached or not), the dates, ports and counters that differ from run to run (by shape);
 * the RFC 3164 framing (PRI, tag) must agree too. Scenarios run one after the other, each waiting for its line, so the connection counters
 * only count the scenario's own connection.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LogDifferentialTest {

    private static final List<String> FRONTENDS = List.of("FE_HTTP", "FE_NULL", "FE_NOSRV", "FE_SLOW", "FE_CHUNKED", "FE_DOWN",
            "FE_BAD", "FE_MUTE", "FE_HURRY", "FE_TLS", "FE_QUEUE", "FE_QUEUE_SHORT",
            "FE_TCP", "FE_TCPNULL", "FE_CUSTOM", "FE_CUSTOM_NOSRV", "FE_CUSTOM_X", "FE_CAPTURE", "FE_TCP_CUSTOM");

    private final Resources resources = new Resources();
    private final Map<String, Integer> haproxyPorts = new HashMap<>();
    private final Map<String, Integer> fulcrumPorts = new HashMap<>();
    private SyslogCollector haproxyLogs;
    private SyslogCollector fulcrumLogs;
    private TcpBackend silent;
    private TcpBackend echo;
    /** The maxconn 1 server of be_queue and be_queue_short: answers when a scenario lets it. */
    private HoldingBackend holding;
    private ProxyRuntime runtime;
    private Path statsSocket;
    private Path certificate;

    @BeforeAll
    void startBoth() throws Exception {
        HttpBackend web = resources.keep(new HttpBackend("web"));
        // Takes the request and never answers: "timeout server" runs out.
        silent = resources.keep(new TcpBackend((in, out) -> in.transferTo(OutputStream.nullOutputStream())));
        echo = resources.keep(new TcpBackend(TcpBackend.echo()));
        // Answers each request with a chunked body of two chunks, then closes.
        TcpBackend chunked = resources.keep(new TcpBackend((in, out) -> {
            HttpBackend.readHead(in);
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5\r\nhello\r\n7\r\n, world\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }));
        haproxyLogs = resources.keep(new SyslogCollector());
        fulcrumLogs = resources.keep(new SyslogCollector());
        Path cfg = Path.of(LogDifferentialTest.class.getResource("/log/haproxy.cfg").toURI());
        Map<String, String> haproxyEnv = environment(haproxyPorts, haproxyLogs, web, silent, echo);
        Map<String, String> fulcrumEnv = environment(fulcrumPorts, fulcrumLogs, web, silent, echo);
        // Answers with something that is not HTTP; and closes without answering.
        TcpBackend bad = resources.keep(new TcpBackend((in, out) -> {
            HttpBackend.readHead(in);
            out.write("SSH-2.0-OpenSSH_9.2\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }));
        TcpBackend mute = resources.keep(new TcpBackend((in, out) -> HttpBackend.readHead(in)));
        holding = resources.keep(new HoldingBackend());
        Map<String, String> more = Map.of("BE_CHUNKED", String.valueOf(chunked.port()), "BE_BAD",
                String.valueOf(bad.port()), "BE_MUTE", String.valueOf(mute.port()), "CLOSED",
                String.valueOf(Models.freePort()), "BE_QUEUE", String.valueOf(holding.port()));
        haproxyEnv.putAll(more);
        fulcrumEnv.putAll(more);

        Path dir = Files.createTempDirectory("log-differential");
        statsSocket = dir.resolve("stats.sock");
        certificate = Certificates.create(dir, "site.pem", KeyForm.EC_PKCS8, "site.test");
        for (Map<String, String> env : List.of(haproxyEnv, fulcrumEnv)) {
            env.put("STATS", statsSocket.toString());
            env.put("CERT", certificate.toString());
        }
        runtime = resources.runtime(true);
        runtime.syslogService(Optional.of(SyslogSinks::open));
        ProxyConfig config = HaproxyConfigs.read(cfg, Files.readString(cfg), fulcrumEnv, false);
        assertEquals(List.of(), runtime.apply(config));

        // The last frontend of the file: HAProxy binds them in order; dontlognull keeps the probe out of its log.
        // A port picked free may be taken by another process before HAProxy binds it: new ports, up to 3 times.
        for (int attempt = 1; ; attempt++) {
            try {
                resources.keep(HaproxyProcess.start(cfg, haproxyEnv, haproxyPorts.get("FE_TCP_CUSTOM")));
                break;
            } catch (IllegalStateException portTaken) {
                if (attempt == 3 || !portTaken.getMessage().contains("Address already in use")) {
                    throw portTaken;
                }
                for (String frontend : FRONTENDS) {
                    haproxyPorts.put(frontend, Models.freePort());
                    haproxyEnv.put(frontend, String.valueOf(haproxyPorts.get(frontend)));
                }
            }
        }
    }

    private static Map<String, String> environment(Map<String, Integer> ports, SyslogCollector logs, HttpBackend web,
            TcpBackend silent, TcpBackend echo) {
        Map<String, String> env = new HashMap<>();
        for (String frontend : FRONTENDS) {
            ports.put(frontend, Models.freePort());
            env.put(frontend, String.valueOf(ports.get(frontend)));
        }
        env.put("LOG_PORT", String.valueOf(logs.port()));
        env.put("BE_HTTP", String.valueOf(web.port()));
        env.put("BE_SLOW", String.valueOf(silent.port()));
        env.put("BE_TCP", String.valueOf(echo.port()));
        return env;
    }

    @AfterAll
    void stopBoth() throws Exception {
        resources.close();
        if (statsSocket != null) {
            Files.deleteIfExists(statsSocket);
            Files.deleteIfExists(certificate);
            Files.deleteIfExists(statsSocket.getParent());
        }
    }

    @Test
    void aForwardedRequest() throws Exception {
        Map<String, String> ours = bothAgree(LogLine.HTTPLOG, "FE_HTTP", port -> ScenarioClient.keepAlive(port,
                "GET /hello?x=1 HTTP/1.1\r\nHost: test\r\n\r\n"));
        assertEquals("200", ours.get("ST"));
        assertEquals("be_http/s1", ours.get("b") + "/" + ours.get("s"));
        assertEquals("----", ours.get("tsc"));
        assertEquals("\"GET /hello?x=1 HTTP/1.1\"", ours.get("r"));
    }

    @Test
    void aChunkedResponseCountsItsData() throws Exception {
        Map<String, String> ours = bothAgree(LogLine.HTTPLOG, "FE_CHUNKED", closing("/chunks"));
        assertEquals("200", ours.get("ST"));
    }

    @Test
    void aRefusedServerIsRetriedThen503() throws Exception {
        Map<String, String> ours = bothAgree(LogLine.HTTPLOG, "FE_DOWN", closing("/"));
        assertEquals("503 s9 SC-- 2", ours.get("ST") + " " + ours.get("s") + " " + ours.get("tsc") + " " + ours.get("rc"));
    }

    @Test
    void anInvalidResponseIs502() throws Exception {
        Map<String, String> ours = bothAgree(LogLine.HTTPLOG, "FE_BAD", closing("/"));
        assertEquals("502", ours.get("ST"));
    }

    @Test
    void aServerClosingWithoutAnswerIs502() throws Exception {
        Map<String, String> ours = bothAgree(LogLine.HTTPLOG, "FE_MUTE", closing("/"));
        assertEquals("502", ours.get("ST"));
    }

    @Test
    void anIncompleteRequestIs408WhenTimeoutHttpRequestRunsOut() throws Exception {
        Map<String, String> ours = bothAgree(LogLine.HTTPLOG, "FE_HURRY", port -> ScenarioClient.request(port,
                "GET /slowly HTTP/1.1\r\nHost: te", true));
        assertEquals("408 cR--", ours.get("ST") + " " + ours.get("tsc"));
    }

    @Test
    void noUsableServerIs503WithNoServer() throws Exception {
        Map<String, String> ours = bothAgree(LogLine.HTTPLOG, "FE_NOSRV", closing("/"));
        assertEquals("503", ours.get("ST"));
        assertEquals("<NOSRV>", ours.get("s"));
        assertEquals("SC--", ours.get("tsc"));
    }

    @Test
    void aSilentServerIs504() throws Exception {
        Map<String, String> ours = bothAgree(LogLine.HTTPLOG, "FE_SLOW", closing("/slow"));
        assertEquals("504", ours.get("ST"));
        assertEquals("sH--", ours.get("tsc"));
    }

    /**
     * A known difference: HAProxy 2.6 does not watch the client while it waits for the response
     * headers, so it learns of the reset only when it writes its 504 ("sH--"); Fulcrum notices the
     * reset at once, closes the server connection and logs a client abort ("CH--", status -1).
     */
    @Test
    void aClientResettingWhileTheServerThinks() throws Exception {
        Scenario reset = port -> {
            int before = silent.accepted();
            return ScenarioClient.resetWhen(port, "GET /slow HTTP/1.1\r\nHost: test\r\n\r\n", () -> silent.accepted() > before);
        };
        Map<String, String> theirs = LogLine.HTTPLOG.fields(runOn(haproxyPorts, haproxyLogs, "FE_SLOW", reset).text());
        Map<String, String> ours = LogLine.HTTPLOG.fields(runOn(fulcrumPorts, fulcrumLogs, "FE_SLOW", reset).text());
        assertEquals("sH--", theirs.get("tsc"));
        assertEquals("CH--", ours.get("tsc"));
        assertEquals("-1", ours.get("ST"));
        for (String same : List.of("ft", "b", "s", "r", "ac", "fc", "rc")) {
            assertEquals(theirs.get(same), ours.get(same), same);
        }
    }

    @Test
    void aTcpClientResetIsAClientAbortInTheDataPhase() throws Exception {
        Map<String, String> ours = bothAgree(LogLine.TCPLOG, "FE_TCP", port -> ScenarioClient.echoThenReset(port, "ping"));
        assertEquals("CD", ours.get("ts"));
    }

    @Test
    void aClientHalfClosingWhileTheServerThinksHasNotAborted() throws Exception {
        // Without "option abortonclose" (4.2) a FIN from the client does not end the request.
        Map<String, String> ours = bothAgree(LogLine.HTTPLOG, "FE_SLOW", port -> {
            int before = silent.accepted();
            return ScenarioClient.abortWhen(port, "GET /slow HTTP/1.1\r\nHost: test\r\n\r\n", () -> silent.accepted() > before);
        });
        assertEquals("sH--", ours.get("tsc"));
    }

    @Test
    void anEmptyConnectionIsLoggedWithoutDontlognull() throws Exception {
        Map<String, String> ours = bothAgree(LogLine.HTTPLOG, "FE_HTTP", port -> ScenarioClient.abortWhen(port, "", () -> true));
        assertEquals("\"<BADREQ>\"", ours.get("r"));
    }

    @Test
    void dontlognullSkipsTheEmptyConnectionOnly() throws Exception {
        for (Map<String, Integer> ports : List.of(haproxyPorts, fulcrumPorts)) {
            ScenarioClient.abortWhen(ports.get("FE_NULL"), "", () -> true);
        }
        // The next fe_null line on each side is the request's: the empty connection left none.
        bothAgree(LogLine.HTTPLOG, "FE_NULL", port -> ScenarioClient.keepAlive(port, "GET /after HTTP/1.1\r\nHost: test\r\n\r\n"));
    }

    @Test
    void aTlsFrontendIsNamedWithATilde() throws Exception {
        Map<String, String> ours = bothAgree(LogLine.HTTPLOG, "FE_TLS", port -> ScenarioClient.overTls(port, certificate,
                "GET /secure HTTP/1.1\r\nHost: site.test\r\n\r\n"));
        assertEquals("fe_tls~", ours.get("ft"));
        assertEquals("200", ours.get("ST"));
    }

    @Test
    void aTcpConnection() throws Exception {
        Map<String, String> ours = bothAgree(LogLine.TCPLOG, "FE_TCP", port -> ScenarioClient.echo(port, "ping\n"));
        assertEquals("5", ours.get("B"));
        assertEquals("be_tcp/echo1", ours.get("b") + "/" + ours.get("s"));
    }

    @Test
    void tcpDontlognullSkipsTheSilentConnection() throws Exception {
        for (Map<String, Integer> ports : List.of(haproxyPorts, fulcrumPorts)) {
            ScenarioClient.echo(ports.get("FE_TCPNULL"), "");
        }
        bothAgree(LogLine.TCPLOG, "FE_TCPNULL", port -> ScenarioClient.echo(port, "data"));
    }

    @Test
    void aRequestWaitingForTheServersOnlyPlaceLogsItsQueueWait() throws Exception {
        Map<String, String> ours = bothAgreeBehind("FE_QUEUE", "be_queue", (onHaproxy, first, second) -> {
            holding.answer(); // the first request's answer frees the place
            assertEquals(200, first.read().status());
            // Its connection gone before the queued request is answered, so that the counters agree.
            awaitConnections(onHaproxy, 1);
            holding.answer();
            assertEquals(200, second.read().status());
        });
        assertEquals("200 held ---- 1", ours.get("ST") + " " + ours.get("s") + " " + ours.get("tsc") + " " + ours.get("bq"));
    }

    @Test
    void aRequestStillQueuedWhenTimeoutQueueRunsOutIs503() throws Exception {
        Map<String, String> ours = bothAgreeBehind("FE_QUEUE_SHORT", "be_queue_short", (onHaproxy, first, second) -> {
            assertEquals(503, second.read().status());
            // Its line written (the proxy logs before it lets the connection go) while the first still holds the place.
            awaitConnections(onHaproxy, 1);
            holding.answer();
            assertEquals(200, first.read().status());
        });
        assertEquals("503 <NOSRV> sQ-- 1", ours.get("ST") + " " + ours.get("s") + " " + ours.get("tsc") + " " + ours.get("bq"));
    }

    @Test
    void aBroadLogFormatWithCaptures() throws Exception {
        Map<String, String> ours = bothAgree(CustomLine.BROAD, "FE_CUSTOM", port -> ScenarioClient.request(port,
                "GET /p/a?x=1&y=2 HTTP/1.1\r\nHost: abcdefghij\r\nX-Dup: one\r\nX-Dup: two\r\n"
                + "Connection: close\r\n\r\n", true));
        assertEquals("\"{abcde|two|}\"", ours.get("hr"));
        assertEquals("\"{5|}\"", ours.get("hs"));
        assertEquals("\"be_http\"`\"s1\"`\"?x=1&y=2\"", ours.get("b") + "`" + ours.get("s") + "`" + ours.get("HQ"));
    }

    @Test
    void aBroadLogFormatWithoutAServer() throws Exception {
        Map<String, String> ours = bothAgree(CustomLine.BROAD, "FE_CUSTOM_NOSRV", closing("/none"));
        // Without a server connection the quoted address and port are "" (unquoted: "-").
        assertEquals("503`\"<NOSRV>\"`\"\"`\"\"`\"{|}\"", ours.get("ST") + "`" + ours.get("s") + "`" + ours.get("si")
                + "`" + ours.get("sp") + "`" + ours.get("hs"));
    }

    @Test
    void aBroadLogFormatForAnEmptyConnection() throws Exception {
        Map<String, String> ours = bothAgree(CustomLine.BROAD, "FE_CUSTOM", port -> ScenarioClient.abortWhen(port, "",
                () -> true));
        assertEquals("\"<BADREQ>\"", ours.get("r"));
    }

    @Test
    void hexAndEscapeFlags() throws Exception {
        Map<String, String> ours = bothAgree(CustomLine.HEX, "FE_CUSTOM_X", port -> ScenarioClient.request(port,
                "GET /a?b=c HTTP/1.1\r\nHost: q\"uo\\te]\r\nConnection: close\r\n\r\n", true));
        assertEquals("7F000001", ours.get("ciX"));
        // The header's '"' escaped as a captured header ("#22"), then E escapes '\' and ']'.
        assertEquals("\"{q#22uo\\\\te\\]}\"", ours.get("hr"));
    }

    @Test
    void httplogWithCaptures() throws Exception {
        Map<String, String> ours = bothAgree(LogLine.HTTPLOG, "FE_CAPTURE", port -> ScenarioClient.keepAlive(port,
                "GET /captured HTTP/1.1\r\nHost: site.example\r\nX-Missing: 0123456789abc\r\n\r\n"));
        assertEquals("{site.||0123456789}", ours.get("hr"));
        assertEquals("{5|}", ours.get("hs"));
    }

    @Test
    void aTcpLogFormat() throws Exception {
        Map<String, String> ours = bothAgree(CustomLine.TCP, "FE_TCP_CUSTOM", port -> ScenarioClient.echo(port, "ping\n"));
        assertEquals("5`5`--", ours.get("B") + "`" + ours.get("U") + "`" + ours.get("ts"));
    }

    @FunctionalInterface
    private interface QueuedPair {
        /** Ends a scenario where {@code second} waits in the queue behind {@code first}. */
        void finish(boolean onHaproxy, RawClient first, RawClient second) throws Exception;
    }

    /** Runs a {@link QueuedPair} on both proxies; the second request's fields after checking they agree. */
    private Map<String, String> bothAgreeBehind(String frontend, String backend, QueuedPair pair) throws Exception {
        String theirs = behindOn(haproxyPorts, haproxyLogs, frontend, backend, pair);
        String ours = behindOn(fulcrumPorts, fulcrumLogs, frontend, backend, pair);
        assertEquals(LogLine.HTTPLOG.comparable(theirs), LogLine.HTTPLOG.comparable(ours),
                "haproxy: " + theirs + "\nfulcrum: " + ours);
        return LogLine.HTTPLOG.fields(ours);
    }

    /**
     * On one proxy: a first request takes the holding server's only place, a second one waits in the
     * backend's queue (checked on HAProxy's "show stat" qcur or Fulcrum's queue), then {@code pair}
     * ends both. Returns the second request's line.
     */
    private String behindOn(Map<String, Integer> ports, SyslogCollector logs, String frontend, String backend,
            QueuedPair pair) throws Exception {
        boolean onHaproxy = ports == haproxyPorts;
        awaitConnections(onHaproxy, 0);
        int held = holding.requestLines().size();
        try (RawClient first = new RawClient(ports.get(frontend)); RawClient second = new RawClient(ports.get(frontend))) {
            first.send("GET /first HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n");
            awaitTrue(() -> holding.requestLines().size() > held, "the first request reached the server");
            second.send("GET /second HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n");
            awaitTrue(() -> queued(onHaproxy, backend) == 1, "the second request is queued");
            pair.finish(onHaproxy, first, second);
        }
        String name = frontend.toLowerCase(java.util.Locale.ROOT);
        List<String> lines = List.of(logs.receive(t -> t.contains(" " + name + " ")).text(),
                logs.receive(t -> t.contains(" " + name + " ")).text());
        lines.forEach(line -> System.out.println((onHaproxy ? "haproxy: " : "fulcrum: ") + line));
        return lines.stream().filter(line -> line.contains("\"GET /second ")).findFirst().orElseThrow();
    }

    private int queued(boolean onHaproxy, String backend) {
        if (!onHaproxy) {
            return runtime.backend(backend).orElseThrow().queue().queued();
        }
        // "show stat" CSV: pxname,svname,qcur,...
        for (String row : haproxyCommand("show stat").split("\n")) {
            String[] columns = row.split(",");
            if (columns.length > 2 && columns[0].equals(backend) && columns[1].equals("BACKEND")) {
                return Integer.parseInt(columns[2]);
            }
        }
        return -1;
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, what);
            Thread.onSpinWait();
        }
    }

    /** A GET with "Connection: close", its answer read to the end. */
    private static Scenario closing(String path) {
        return port -> ScenarioClient.request(port,
                "GET " + path + " HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n", true);
    }

    @FunctionalInterface
    private interface Scenario {
        /** Runs against a frontend port and returns the client's local port. */
        int run(int port) throws Exception;
    }

    /** Runs {@code scenario} on both proxies; returns Fulcrum's fields after checking they equal HAProxy's. */
    private Map<String, String> bothAgree(LineFormat format, String frontend, Scenario scenario) throws Exception {
        SyslogCollector.Message theirs = runOn(haproxyPorts, haproxyLogs, frontend, scenario);
        SyslogCollector.Message ours = runOn(fulcrumPorts, fulcrumLogs, frontend, scenario);
        assertEquals(16 * 8 + 6, ours.priority(), "PRI: local0 (16), info (6)");
        assertEquals(theirs.priority(), ours.priority(), "PRI");
        assertEquals(theirs.tag(), ours.tag());
        Map<String, String> expected = format.comparable(theirs.text());
        Map<String, String> actual = format.comparable(ours.text());
        assertEquals(expected, actual, "haproxy: " + theirs.text() + "\nfulcrum: " + ours.text());
        return format.fields(ours.text());
    }

    /**
     * Runs the scenario on one proxy once the previous scenario's connections are gone there (so that
     * the counters only count this one) and returns the frontend's next line, which must be about
     * the scenario's connection.
     */
    private SyslogCollector.Message runOn(Map<String, Integer> ports, SyslogCollector logs, String frontend,
            Scenario scenario) throws Exception {
        awaitConnections(ports == haproxyPorts, 0);
        String name = frontend.toLowerCase(java.util.Locale.ROOT);
        int clientPort = scenario.run(ports.get(frontend));
        // "name~" for a TLS frontend (%ft).
        SyslogCollector.Message line = logs.receive(text -> text.contains(" " + name + " ")
                || text.contains(" " + name + "~ "));
        System.out.println((ports == haproxyPorts ? "haproxy: " : "fulcrum: ") + line.text());
        // "%ci:%cp [" in httplog and tcplog, "%ci`%cp`" in the log-format lines.
        assertTrue(line.text().contains(":" + clientPort + " [") || line.text().contains("`" + clientPort + "`"),
                "the line is this scenario's connection: " + line);
        return line;
    }

    /** Waits until HAProxy's "show info" (stats socket) or Fulcrum's gates count {@code count} client connections. */
    private void awaitConnections(boolean onHaproxy, int count) {
        awaitTrue(() -> onHaproxy ? haproxyCommand("show info").contains("\nCurrConns: " + count + "\n")
                : runtime.activeConnections() == count, "connections of an earlier step stay open");
    }

    private String haproxyCommand(String command) {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(statsSocket))) {
            channel.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.US_ASCII)));
            return new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException notYet) {
            return "";
        }
    }
}
