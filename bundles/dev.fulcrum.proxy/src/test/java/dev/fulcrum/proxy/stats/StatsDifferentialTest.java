package dev.fulcrum.proxy.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.proxy.ProxyConfig;
import dev.fulcrum.api.proxy.StatCsv;
import dev.fulcrum.api.proxy.StatField;
import dev.fulcrum.config.haproxy.model.HaproxyConfigs;
import dev.fulcrum.health.internal.HealthServiceImpl;
import dev.fulcrum.proxy.service.ProxyRuntime;
import dev.fulcrum.proxy.testing.Await;
import dev.fulcrum.proxy.testing.HoldingBackend;
import dev.fulcrum.proxy.testing.HttpBackend;
import dev.fulcrum.proxy.testing.Models;
import dev.fulcrum.proxy.testing.RawClient;
import dev.fulcrum.proxy.testing.Resources;
import dev.fulcrum.proxy.testing.TcpBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The same haproxy.cfg ({@code src/test/resources/stats/haproxy.cfg}) run by HAProxy 2.6 (the Debian
 * package, asked with {@code show stat} on its stats socket) and by this proxy, each in front of its
 * own backends; the same request sequence goes to both. The header line, the rows and the
 * deterministic counters must be equal, and every other column empty in one exactly where it is
 * empty in the other, except the columns {@link #NOT_MEASURED} lists.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatsDifferentialTest {

    /** Counters and settings that do not depend on timing or byte-level framing. */
    static final List<StatField> DETERMINISTIC = List.of(StatField.PXNAME, StatField.SVNAME, StatField.SLIM,
            StatField.STOT, StatField.EREQ, StatField.ECON, StatField.STATUS, StatField.WEIGHT, StatField.ACT,
            StatField.BCK, StatField.PID, StatField.IID, StatField.SID, StatField.LBTOT, StatField.TYPE,
            StatField.HRSP_1XX, StatField.HRSP_2XX, StatField.HRSP_3XX, StatField.HRSP_4XX, StatField.HRSP_5XX,
            StatField.HRSP_OTHER, StatField.REQ_TOT, StatField.CONN_TOT, StatField.MODE, StatField.WRETR, StatField.WREDIS,
            StatField.ERESP, StatField.SCUR, StatField.CHECK_RISE, StatField.CHECK_FALL, StatField.CHECK_HEALTH,
            StatField.ALGO, StatField.UWEIGHT, StatField.QCUR, StatField.QMAX, StatField.DREQ, StatField.DRESP,
            StatField.CHKFAIL, StatField.CHKDOWN, StatField.CLI_ABRT, StatField.SRV_ABRT, StatField.QLIMIT);

    // Not compared: connect and reuse (whether an idle server connection is at hand depends on which
    // event loop a client lands on), bin/bout (the proxies write different headers), rates and times.

    /** Columns HAProxy fills and Fulcrum leaves empty because it does not measure them (yet). */
    static final List<StatField> NOT_MEASURED = List.of(StatField.SAFE_CONN_CUR,
            StatField.NEED_CONN_EST, StatField.H1_OPEN_STREAMS, StatField.H1_BYTES_IN, StatField.H1_BYTES_OUT,
            StatField.H1_OPEN_CONNECTIONS);

    /** The last health check's details: every checked server shows its last check, as HAProxy does. */
    static final List<StatField> CHECK_DETAILS = List.of(StatField.CHECK_STATUS, StatField.CHECK_CODE,
            StatField.LAST_CHK, StatField.CHECK_DESC);

    private final Resources resources = new Resources();
    private final Map<String, String> haproxyVars = new HashMap<>();
    private final Map<String, String> fulcrumVars = new HashMap<>();
    /** The held servers of one proxy: the slow backend's and the pinned backend's. */
    private record Held(HoldingBackend slow, HoldingBackend pinned) {
    }

    private Held haproxyHeld;
    private Held fulcrumHeld;
    private Path directory;
    private Path haproxyLog;
    private Process haproxy;
    private ProxyRuntime fulcrum;

    @BeforeAll
    void startBoth() throws Exception {
        directory = Files.createTempDirectory("stats-differential");
        haproxyLog = directory.resolve("haproxy.log");
        Path cfg = Path.of(StatsDifferentialTest.class.getResource("/stats/haproxy.cfg").toURI());
        haproxyHeld = backends(haproxyVars);
        fulcrumHeld = backends(fulcrumVars);
        haproxyVars.put("STATS_SOCKET", directory.resolve("haproxy.sock").toString());
        fulcrumVars.put("STATS_SOCKET", directory.resolve("fulcrum.sock").toString());

        ProxyConfig config = HaproxyConfigs.read(cfg, Files.readString(cfg), fulcrumVars, false);
        fulcrum = resources.runtime(true);
        fulcrum.healthService(Optional.of(new HealthServiceImpl(null, null)));
        assertEquals(List.of(), fulcrum.apply(config));

        ProcessBuilder builder = new ProcessBuilder("haproxy", "-db", "-f", cfg.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(haproxyLog.toFile()));
        builder.environment().putAll(haproxyVars);
        haproxy = builder.start();
        awaitStatsSocket(Path.of(haproxyVars.get("STATS_SOCKET")));

        Path haproxySocket = Path.of(haproxyVars.get("STATS_SOCKET"));
        drive(haproxyVars, haproxyHeld, () -> {
            try {
                return HaproxyStats.show(haproxySocket);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        drive(fulcrumVars, fulcrumHeld, () -> StatCsv.format(fulcrum.stats().rows()));
    }

    /**
     * Each proxy gets backends of its own: two HTTP servers, one answering 500, a closed port, and
     * two servers that answer when the test lets them (returned).
     */
    private Held backends(Map<String, String> vars) throws IOException {
        vars.put("WEB_PORT", String.valueOf(Models.freePort()));
        vars.put("TCP_PORT", String.valueOf(Models.freePort()));
        vars.put("APP1_PORT", String.valueOf(resources.keep(new HttpBackend("app1")).port()));
        vars.put("APP2_PORT", String.valueOf(resources.keep(new HttpBackend("app2")).port()));
        vars.put("ERRORS_PORT", String.valueOf(resources.keep(new TcpBackend(StatsDifferentialTest::fail)).port()));
        vars.put("DEAD_PORT", String.valueOf(Models.freePort()));
        HoldingBackend held = resources.keep(new HoldingBackend());
        vars.put("SLOW_PORT", String.valueOf(held.port()));
        vars.put("CUT_PORT", String.valueOf(resources.keep(new TcpBackend(StatsDifferentialTest::cutShort)).port()));
        HoldingBackend pinned = resources.keep(new HoldingBackend());
        vars.put("PINNED_PORT", String.valueOf(pinned.port()));
        return new Held(held, pinned);
    }

    /** Answers every request head with 500 on a kept-alive connection. */
    private static void fail(java.io.InputStream in, java.io.OutputStream out) throws IOException {
        while (HttpBackend.readHead(in) != null) {
            out.write("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }

    /** Answers the first request head with 3 of the 100 body bytes it announces, then closes. */
    private static void cutShort(java.io.InputStream in, java.io.OutputStream out) throws IOException {
        if (HttpBackend.readHead(in) != null) {
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nabc".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }

    /**
     * The request sequence: balanced GETs, a keep-alive pair, server errors, a malformed request, no
     * server, requests queued behind a held one (two until "timeout queue", one served), tcp.
     *
     * @param stats the proxy's {@code show stat} now
     */
    private static void drive(Map<String, String> vars, Held held, Supplier<String> stats) throws Exception {
        int web = Integer.parseInt(vars.get("WEB_PORT"));
        for (int i = 0; i < 6; i++) {
            assertEquals(200, single(web, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        }
        try (RawClient client = new RawClient(web)) {
            assertEquals(200, client.send("GET /one HTTP/1.1\r\nHost: x\r\n\r\n").read().status());
            assertEquals(200, client.send("GET /two HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").read().status());
        }
        for (int i = 0; i < 2; i++) {
            assertEquals(500, single(web, "GET /fail HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        }
        assertEquals(400, single(web, "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n"));
        // A connection closed before any request: HAProxy counts it as an invalid request.
        new Socket(InetAddress.getLoopbackAddress(), web).close();
        assertEquals(503, single(web, "GET /dead HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        // The server closes in the middle of the body: the client gets the head and 3 bytes (srv_abrt).
        assertEquals(200, single(web, "GET /cut HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        queueBehindAHeldRequest(web, held.slow(), stats);
        waitInTheServersQueue(web, held.pinned(), stats);
        int relay = Integer.parseInt(vars.get("TCP_PORT"));
        for (int i = 0; i < 2; i++) {
            assertEquals(200, single(relay, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        }
        resetAfterAnAnswer(relay);
    }

    /**
     * A client of the tcp relay gets an answer over its connection, then resets it (SO_LINGER 0)
     * while the server connection is still up: a transfer the client aborted (cli_abrt).
     */
    private static void resetAfterAnAnswer(int relay) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), relay)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] status = socket.getInputStream().readNBytes(12);
            assertEquals("HTTP/1.1 200", new String(status, StandardCharsets.US_ASCII));
            socket.setSoLinger(true, 0);
        }
    }

    /**
     * The slow server's only place is held while two more requests arrive: both wait in the
     * backend's queue (qmax 2) and get 503 after "timeout queue". A fourth one waits until the held
     * one is answered, then takes its place (HAProxy does not count that hand-over in lbtot).
     */
    private static void queueBehindAHeldRequest(int web, HoldingBackend slow, Supplier<String> stats)
            throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            String request = "GET /slow HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
            Future<Integer> held = clients.submit(() -> single(web, request));
            Await.until("the slow server holds the first request", () -> !slow.requestLines().isEmpty());
            assertEquals(List.of("GET /slow HTTP/1.1"), slow.requestLines());
            Future<Integer> second = clients.submit(() -> single(web, request));
            Future<Integer> third = clients.submit(() -> single(web, request));
            assertEquals(List.of(503, 503), List.of(second.get(10, TimeUnit.SECONDS), third.get(10, TimeUnit.SECONDS)));
            Future<Integer> dequeued = clients.submit(() -> single(web, request));
            Await.until("the fourth request waits in the queue", () -> CsvTable.parse(stats.get()).rows().stream()
                    .anyMatch(row -> row.get(0).equals("slow") && row.get(1).equals("BACKEND")
                            && row.get(StatField.QCUR.ordinal()).equals("1")));
            slow.answer();
            assertEquals(200, held.get(10, TimeUnit.SECONDS));
            slow.answer();
            assertEquals(200, dequeued.get(10, TimeUnit.SECONDS));
        } finally {
            clients.shutdownNow();
        }
    }

    /**
     * The pinned server's only place is held; the next request waits in the server's own queue
     * (its qcur 1, the backend's 0), the one after it finds that queue full ("maxqueue 1") and is
     * answered 503 at once; then both held ones are answered.
     */
    private static void waitInTheServersQueue(int web, HoldingBackend pinned, Supplier<String> stats)
            throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            String request = "GET /pinned HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
            Future<Integer> held = clients.submit(() -> single(web, request));
            Await.until("the pinned server holds the first request", () -> !pinned.requestLines().isEmpty());
            Future<Integer> waiting = clients.submit(() -> single(web, request));
            Await.until("the second request waits in the server's queue", () -> CsvTable.parse(stats.get()).rows()
                    .stream().anyMatch(row -> row.get(0).equals("pinned") && row.get(1).equals("p1")
                            && row.get(StatField.QCUR.ordinal()).equals("1")));
            assertEquals(503, single(web, request));
            pinned.answer();
            assertEquals(200, held.get(10, TimeUnit.SECONDS));
            pinned.answer();
            assertEquals(200, waiting.get(10, TimeUnit.SECONDS));
        } finally {
            clients.shutdownNow();
        }
    }

    /** One request on its own connection, read until the proxy closes it; the status of the answer. */
    private static int single(int port, String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(answer.substring(9, 12));
        }
    }

    @AfterAll
    void stopBoth() throws Exception {
        if (haproxy != null) {
            haproxy.destroy();
            if (!haproxy.waitFor(10, TimeUnit.SECONDS)) {
                haproxy.destroyForcibly();
            }
        }
        resources.close();
        if (directory != null) {
            try (var files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(directory);
        }
    }

    @Test
    void headerLineIsHaproxys() throws IOException {
        String reference = HaproxyStats.show(Path.of(haproxyVars.get("STATS_SOCKET"))).lines().findFirst().orElseThrow();
        assertEquals(reference, StatCsv.header());
    }

    @Test
    void rowsAndDeterministicCountersAreHaproxys() throws Exception {
        // HAProxy updates some counters when a stream ends, just after the client saw the answer.
        CsvTable reference = null;
        CsvTable ours = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            reference = CsvTable.parse(HaproxyStats.show(Path.of(haproxyVars.get("STATS_SOCKET"))));
            ours = CsvTable.parse(StatCsv.format(fulcrum.stats().rows()));
            if (reference.project(DETERMINISTIC).equals(ours.project(DETERMINISTIC))) {
                break;
            }
            haproxy.waitFor(100, TimeUnit.MILLISECONDS);
        }
        assertEquals(reference.project(DETERMINISTIC), ours.project(DETERMINISTIC));
    }

    @Test
    void columnsAreEmptyWhereHaproxyLeavesThemEmpty() throws IOException {
        CsvTable reference = CsvTable.parse(HaproxyStats.show(Path.of(haproxyVars.get("STATS_SOCKET"))));
        CsvTable ours = CsvTable.parse(StatCsv.format(fulcrum.stats().rows()));
        assertEquals(reference.emptiness(NOT_MEASURED), ours.emptiness(NOT_MEASURED));
    }

    /**
     * The held request waited for its answer (rtime, ttime) and the fourth one waited in the queue
     * for the held one's place (qtime): both proxies measured those waits, in whole milliseconds
     * whose values depend on timing; their presence does not.
     */
    @Test
    void timesOfTheSlowBackendAreMeasuredByBoth() throws IOException {
        List<StatField> times = List.of(StatField.QTIME_MAX, StatField.RTIME_MAX, StatField.TTIME_MAX);
        for (CsvTable table : List.of(CsvTable.parse(HaproxyStats.show(Path.of(haproxyVars.get("STATS_SOCKET")))),
                CsvTable.parse(StatCsv.format(fulcrum.stats().rows())))) {
            for (List<String> row : table.rows()) {
                if (row.get(0).equals("slow")) {
                    for (StatField time : times) {
                        long millis = Long.parseLong(row.get(time.ordinal()));
                        assertTrue(millis > 0, row.get(0) + "/" + row.get(1) + " " + time.keyword() + "=" + millis);
                    }
                }
            }
        }
    }

    @Test
    void checkDetailsAreHaproxysWhereShown() throws Exception {
        // Both check every 200 ms: the live server passes, the dead one is refused.
        List<String> reference = List.of();
        List<String> ours = List.of();
        for (int attempt = 0; attempt < 50 && !(ours.size() == 2 && ours.equals(reference)); attempt++) {
            haproxy.waitFor(100, TimeUnit.MILLISECONDS);
            ours = checkedRows(StatCsv.format(fulcrum.stats().rows()));
            reference = checkedRows(HaproxyStats.show(Path.of(haproxyVars.get("STATS_SOCKET"))));
        }
        assertEquals(List.of("checked/live check_status=L4OK check_code= last_chk= check_desc=Layer4 check passed",
                "checked/dead check_status=L4CON check_code= last_chk=Connection refused "
                        + "check_desc=Layer4 connection problem"), ours);
        assertEquals(reference, ours);
    }

    /** The check details of the servers that have checks (the others show none in either). */
    private static List<String> checkedRows(String csv) {
        return CsvTable.parse(csv).project(CHECK_DETAILS).stream()
                .filter(row -> row.startsWith("checked/") && !row.startsWith("checked/BACKEND")).toList();
    }

    /** Waits for HAProxy to answer on its stats socket (probing a listener would count a session). */
    private void awaitStatsSocket(Path socket) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!haproxy.isAlive()) {
                throw new IllegalStateException("haproxy exited: " + Files.readString(haproxyLog));
            }
            try {
                HaproxyStats.show(socket);
                return;
            } catch (IOException notYet) {
                haproxy.waitFor(50, TimeUnit.MILLISECONDS);
            }
        }
        throw new IllegalStateException("haproxy does not answer on " + socket + ": " + Files.readString(haproxyLog));
    }
}
