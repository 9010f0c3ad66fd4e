package dev.fulcrum.proxy.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.fulcrum.api.model.proxy.Backend;
import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.api.model.proxy.ProxyConfig;
import dev.fulcrum.api.model.proxy.ProxyGlobal;
import dev.fulcrum.api.model.proxy.Server;
import dev.fulcrum.api.model.proxy.StatsSocket;
import dev.fulcrum.api.model.proxy.Timeouts;
import dev.fulcrum.api.proxy.StatField;
import dev.fulcrum.api.proxy.StatRow;
import dev.fulcrum.api.sched.ServerState;
import dev.fulcrum.health.CheckOutcome;
import dev.fulcrum.health.CheckReport;
import dev.fulcrum.health.CheckStatus;
import dev.fulcrum.proxy.pool.BackendPool;
import dev.fulcrum.proxy.pool.BackendQueue;
import dev.fulcrum.proxy.pool.ConnectionRequest;
import dev.fulcrum.proxy.pool.ProxyServer;
import dev.fulcrum.proxy.pool.ServerSlot;
import dev.fulcrum.proxy.testing.Models;
import dev.fulcrum.proxy.testing.RoundRobinRegistry;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The rows of a running revision, built from pools driven by hand: order, statuses, weights. */
class ProxyStatisticsTest {

    private final ManualClock clock = new ManualClock();
    private final ProxyStatistics stats = new ProxyStatistics(clock);

    private static Server checked(String name, int port) {
        return new Server(name, "127.0.0.1", port, true, Server.DEFAULT_INTER, Server.DEFAULT_INTER,
                Server.DEFAULT_INTER, 2, 3, 2, false, 0, false, Duration.ZERO, false);
    }

    private static Server backup(String name, int port) {
        return new Server(name, "127.0.0.1", port, false, Server.DEFAULT_INTER, Server.DEFAULT_INTER,
                Server.DEFAULT_INTER, 2, 3, 4, true, 0, false, Duration.ZERO, false, OptionalInt.of(5));
    }

    private static Server disabled(String name, int port) {
        return new Server(name, "127.0.0.1", port, false, Server.DEFAULT_INTER, Server.DEFAULT_INTER,
                Server.DEFAULT_INTER, 2, 3, 1, false, 0, true, Duration.ZERO, false);
    }

    private BackendPool app;

    private ProxyConfig start(ProxyGlobal global) {
        Backend backend = Models.backend("app", Mode.HTTP, Timeouts.NONE, 3, false,
                List.of(Models.server("a", 1001), checked("b", 1002), backup("c", 1003), disabled("d", 1004)));
        Map<String, InetSocketAddress> addresses = new HashMap<>();
        backend.servers().forEach(s -> addresses.put(s.name(), new InetSocketAddress("127.0.0.1", s.port())));
        app = BackendPool.open(new RoundRobinRegistry(), clock, backend, addresses);
        ProxyConfig config = new ProxyConfig(global,
                List.of(Models.frontend("web", Mode.HTTP, 8080, "app", Timeouts.NONE, 0)), List.of(backend));
        stats.running(config, Map.of("app", app));
        return config;
    }

    private StatRow row(String proxy, String service) {
        return stats.rows().stream().filter(r -> r.proxy().equals(proxy) && r.service().equals(service)).findFirst()
                .orElseThrow();
    }

    private ProxyServer server(String name) {
        return app.servers().stream().filter(s -> s.id().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void rowsComeFrontendThenServersThenBackendNumberedAsHaproxyNumbersThem() {
        start(ProxyGlobal.defaults());
        List<String> order = stats.rows().stream().map(r -> r.proxy() + "/" + r.service() + " iid="
                + r.value(StatField.IID) + " sid=" + r.value(StatField.SID) + " type=" + r.value(StatField.TYPE)).toList();
        assertEquals(List.of("web/FRONTEND iid=1 sid=0 type=0", "app/a iid=2 sid=1 type=2", "app/b iid=2 sid=2 type=2",
                "app/c iid=2 sid=3 type=2", "app/d iid=2 sid=4 type=2", "app/BACKEND iid=2 sid=0 type=1"), order);
    }

    @Test
    void aStatsSocketTakesTheFirstProxyNumber() {
        ProxyGlobal global = new ProxyGlobal(List.of(), 100, Optional.empty(), Optional.empty(), false,
                Optional.empty(), OptionalInt.empty(), Optional.of(new StatsSocket("/run/x.sock", "admin")));
        start(global);
        assertEquals("2", row("web", "FRONTEND").value(StatField.IID));
        assertEquals("100", row("web", "FRONTEND").value(StatField.SLIM));
        assertEquals("10", row("app", "BACKEND").value(StatField.SLIM)); // fullconn: 10% of the frontend's maxconn
    }

    @Test
    void statusesWeightsAndServerCountsFollowServerStates() {
        start(ProxyGlobal.defaults());
        assertEquals(List.of("OPEN", "no check", "UP", "no check", "MAINT", "UP"),
                stats.rows().stream().map(r -> r.value(StatField.STATUS)).toList());
        assertEquals(List.of("3", "2", "1"), List.of(row("app", "BACKEND").value(StatField.WEIGHT),
                row("app", "BACKEND").value(StatField.ACT), row("app", "BACKEND").value(StatField.BCK)));
        assertEquals(List.of("0", "1"), List.of(row("app", "c").value(StatField.ACT), row("app", "c").value(StatField.BCK)));
        assertEquals("5", row("app", "c").value(StatField.QLIMIT), "qlimit is the server's maxqueue");

        app.setState(server("b"), ServerState.DOWN);
        clock.advance(Duration.ofSeconds(3));
        StatRow b = row("app", "b");
        assertEquals(List.of("DOWN", "1", "3", "0", "3"), List.of(b.value(StatField.STATUS), b.value(StatField.CHKDOWN),
                b.value(StatField.DOWNTIME), b.value(StatField.CHECK_HEALTH), b.value(StatField.LASTCHG)));
        assertEquals("", row("app", "a").value(StatField.CHECK_HEALTH)); // no check, no health

        // No active server up: the backup carries the traffic and the backend's weight.
        app.setState(server("a"), ServerState.DRAIN);
        assertEquals("DRAIN", row("app", "a").value(StatField.STATUS));
        assertEquals(List.of("UP", "4", "0", "1"), List.of(row("app", "BACKEND").value(StatField.STATUS),
                row("app", "BACKEND").value(StatField.WEIGHT), row("app", "BACKEND").value(StatField.ACT),
                row("app", "BACKEND").value(StatField.BCK)));

        app.setState(server("c"), ServerState.MAINT);
        clock.advance(Duration.ofSeconds(2));
        StatRow backend = row("app", "BACKEND");
        assertEquals(List.of("DOWN", "0", "1", "2"), List.of(backend.value(StatField.STATUS),
                backend.value(StatField.WEIGHT), backend.value(StatField.CHKDOWN), backend.value(StatField.DOWNTIME)));
    }

    @Test
    void theBackendRowShowsItsQueueAndAServerRowItsMaxconn() {
        Backend backend = Models.backend("app", Mode.HTTP, Timeouts.NONE, 3, false, List.of(Models.server("a", 1001, 1)));
        app = BackendPool.open(new RoundRobinRegistry(), clock, backend,
                Map.of("a", new InetSocketAddress("127.0.0.1", 1001)));
        stats.running(new ProxyConfig(ProxyGlobal.defaults(),
                List.of(Models.frontend("web", Mode.HTTP, 8080, "app", Timeouts.NONE, 0)), List.of(backend)),
                Map.of("app", app));
        List<EmbeddedChannel> clients = List.of(new EmbeddedChannel(), new EmbeddedChannel(), new EmbeddedChannel());
        List<ServerSlot> slots = new ArrayList<>();
        clients.forEach(client -> app.queue().acquire(client, new ConnectionRequest(new InetSocketAddress("192.0.2.1", 1),
                new InetSocketAddress("127.0.0.1", 8080)), Optional.empty(), new BackendQueue.Grant() {
                    @Override
                    public void granted(ServerSlot slot) {
                        slots.add(slot);
                    }

                    @Override
                    public void noServer() {
                        throw new AssertionError("the server is up");
                    }

                    @Override
                    public void expired() {
                        throw new AssertionError("no queue timeout");
                    }
                }));
        assertEquals(List.of("2", "2", ""), values(row("app", "BACKEND"), StatField.QCUR, StatField.QMAX, StatField.QLIMIT));
        // The queue is the backend's; "maxqueue" unset shows an empty qlimit, as HAProxy does.
        assertEquals(List.of("0", "0", "", "1"),
                values(row("app", "a"), StatField.QCUR, StatField.QMAX, StatField.QLIMIT, StatField.SLIM));

        slots.get(0).release();
        clients.forEach(EmbeddedChannel::runPendingTasks);
        assertEquals(List.of("1", "2"), values(row("app", "BACKEND"), StatField.QCUR, StatField.QMAX));
        clients.forEach(client -> assertFalse(client.finishAndReleaseAll()));
    }

    private static List<String> values(StatRow row, StatField... fields) {
        return Arrays.stream(fields).map(row::value).toList();
    }

    @Test
    void aCheckedServerShowsTheCheckThatDecidedItsState() {
        start(ProxyGlobal.defaults());
        assertEquals("", row("app", "b").value(StatField.CHECK_STATUS)); // no verdict reported yet
        server("b").counters().checked(CheckOutcome.of(CheckStatus.L4CON, "Connection refused", Duration.ofMillis(3)));
        app.setState(server("b"), ServerState.DOWN);
        StatRow b = row("app", "b");
        assertEquals(List.of("L4CON", "", "3", "Connection refused", "Layer4 connection problem", "2", "3"),
                List.of(b.value(StatField.CHECK_STATUS), b.value(StatField.CHECK_CODE),
                        b.value(StatField.CHECK_DURATION), b.value(StatField.LAST_CHK), b.value(StatField.CHECK_DESC),
                        b.value(StatField.CHECK_RISE), b.value(StatField.CHECK_FALL)));

        server("b").counters().checked(CheckOutcome.withCode(CheckStatus.L7OK, 200, "OK", Duration.ofMillis(1)));
        app.setState(server("b"), ServerState.UP);
        assertEquals(List.of("UP", "L7OK", "200"), List.of(row("app", "b").value(StatField.STATUS),
                row("app", "b").value(StatField.CHECK_STATUS), row("app", "b").value(StatField.CHECK_CODE)));
        assertEquals("", row("app", "a").value(StatField.CHECK_STATUS)); // not checked
    }

    @Test
    void everyCheckIsShownWithChkfailAndTheHealthCounter() {
        start(ProxyGlobal.defaults());
        assertEquals(List.of("0", "2"), values(row("app", "b"), StatField.CHKFAIL, StatField.CHECK_HEALTH),
                "before any check: UP at rise, as HAProxy starts a server");
        server("b").counters().checked(new CheckReport(CheckOutcome.withCode(CheckStatus.L7OK, 200, "OK",
                Duration.ofMillis(2)), OptionalInt.of(4), false));
        assertEquals(List.of("UP", "L7OK", "200", "OK", "0", "4"), values(row("app", "b"), StatField.STATUS,
                StatField.CHECK_STATUS, StatField.CHECK_CODE, StatField.LAST_CHK, StatField.CHKFAIL,
                StatField.CHECK_HEALTH), "a passing check that changes no verdict is shown too");
        server("b").counters().checked(new CheckReport(CheckOutcome.withCode(CheckStatus.L7STS, 503,
                "Service Unavailable", Duration.ofMillis(1)), OptionalInt.of(3), true));
        assertEquals(List.of("L7STS", "503", "1", "3"), values(row("app", "b"), StatField.CHECK_STATUS,
                StatField.CHECK_CODE, StatField.CHKFAIL, StatField.CHECK_HEALTH));
        assertEquals(List.of("", ""), values(row("app", "a"), StatField.CHKFAIL, StatField.CHECK_HEALTH),
                "no check, no check columns");
    }

    @Test
    void timesAndAbortsAreShownOnServerAndBackendRows() {
        start(ProxyGlobal.defaults());
        ServerCounters a = server("a").counters();
        RequestTimer timer = app.counters().timer(true);
        clock.advance(Duration.ofMillis(5));
        timer.dequeued();
        clock.advance(Duration.ofMillis(1));
        timer.connected(a);
        clock.advance(Duration.ofMillis(8));
        timer.responded();
        timer.ended();
        a.clientAborted();
        for (String row : List.of("a", "BACKEND")) {
            assertEquals(List.of("5", "1", "8", "14", "5", "1", "8", "14", "1", "0"), values(row("app", row),
                    StatField.QTIME, StatField.CTIME, StatField.RTIME, StatField.TTIME, StatField.QTIME_MAX,
                    StatField.CTIME_MAX, StatField.RTIME_MAX, StatField.TTIME_MAX, StatField.CLI_ABRT,
                    StatField.SRV_ABRT), row);
        }
        assertEquals(List.of("0", "0", "0", "0"), values(row("app", "b"), StatField.QTIME, StatField.TTIME_MAX,
                StatField.CLI_ABRT, StatField.SRV_ABRT));
        assertEquals(List.of("", ""), values(row("web", "FRONTEND"), StatField.QTIME, StatField.CLI_ABRT),
                "HAProxy shows neither on a frontend");
    }

    @Test
    void aFrontendAtItsMaxconnIsFull() {
        ProxyConfig config = start(ProxyGlobal.defaults());
        FrontendCounters web = stats.frontend("web");
        for (int i = 0; i < config.global().maxconn(); i++) {
            web.connectionAccepted();
        }
        assertEquals("FULL", row("web", "FRONTEND").value(StatField.STATUS));
        web.connectionClosed();
        assertEquals("OPEN", row("web", "FRONTEND").value(StatField.STATUS));
        assertEquals(String.valueOf(config.global().maxconn()), row("web", "FRONTEND").value(StatField.SMAX));
    }

    @Test
    void aRevisionWithoutTheFrontendDropsItsCounters() {
        start(ProxyGlobal.defaults());
        FrontendCounters web = stats.frontend("web");
        web.connectionAccepted();
        stats.running(new ProxyConfig(ProxyGlobal.defaults(), List.of(), List.of()), Map.of());
        assertEquals(List.of(), stats.rows());
        assertEquals(0, stats.frontend("web").activity().get(Traffic.SESSIONS));
    }

    @Test
    void addressesAreHaproxysIpColonPortWithIpv6ShortAndInBrackets() {
        assertEquals("127.0.0.1:80", AddressText.of(new InetSocketAddress("127.0.0.1", 80)));
        assertEquals("[::1]:8443", AddressText.of(new InetSocketAddress("::1", 8443)));
        assertEquals("[2001:db8::1:0:0:1]:80", AddressText.of(new InetSocketAddress("2001:db8:0:0:1:0:0:1", 80)));
        assertEquals("[2001:db8:0:1:1:1:1:1]:80", AddressText.of(new InetSocketAddress("2001:db8:0:1:1:1:1:1", 80)));
        assertEquals("[fe80::]:80", AddressText.of(new InetSocketAddress("fe80::", 80)));
    }
}
