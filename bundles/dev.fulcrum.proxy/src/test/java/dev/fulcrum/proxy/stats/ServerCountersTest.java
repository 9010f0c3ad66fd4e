package dev.fulcrum.proxy.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.fulcrum.health.CheckOutcome;
import dev.fulcrum.health.CheckReport;
import dev.fulcrum.health.CheckStatus;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServerCountersTest {

    private final ManualClock clock = new ManualClock();
    private final BackendCounters backend = new BackendCounters(clock);

    @Test
    void aRequestWhoseConnectionsFailCountsAsHaproxyCountsIt() {
        ServerCounters server = backend.server("s1");
        // HAProxy 2.6 for "retries 1" and a refused port: the backend's session, one selection,
        // two attempts (server stot 2), one retry, one connection error, and a 503 on the backend.
        backend.assigned();
        server.selected();
        server.attempted();
        server.retried();
        server.attempted();
        server.connectFailed();
        backend.answered(503);

        assertEquals(2, server.activity().get(Traffic.SESSIONS));
        assertEquals(1, backend.activity().get(Traffic.SESSIONS));
        assertEquals(1, server.activity().get(Traffic.SELECTED));
        assertEquals(1, backend.activity().get(Traffic.SELECTED));
        assertEquals(1, backend.activity().get(Traffic.RETRIES));
        assertEquals(1, backend.activity().get(Traffic.CONNECT_ERRORS));
        assertEquals(2, backend.activity().get(Traffic.SERVER_CONNECTS));
        assertEquals(0, server.activity().get(Traffic.REQUESTS));
        assertEquals(1, backend.activity().get(Traffic.HRSP_5XX));
        assertEquals(0, server.activity().get(Traffic.HRSP_5XX));
    }

    @Test
    void aReusedConnectionIsASessionAndAReuseAndBusyConnectionsExcludeIdleOnes() {
        ServerCounters server = backend.server("s1");
        server.idle(1);
        server.idle(1);
        server.connected(true, 3);
        assertEquals(1, server.activity().get(Traffic.SESSIONS));
        assertEquals(1, server.activity().get(Traffic.REQUESTS));
        assertEquals(1, backend.activity().get(Traffic.SERVER_REUSES));
        assertEquals(1, server.activity().sessions().max()); // three open, two idle
        assertEquals(2, server.idleConnections());
    }

    @Test
    void responsesAndBytesCountOnTheServerAndItsBackend() {
        ServerCounters server = backend.server("s1");
        FrontendCounters frontend = new FrontendCounters(clock);
        frontend.responded(server, 204);
        frontend.responded(server, 302);
        server.bytes(Traffic.BYTES_IN, 100);
        assertEquals(1, frontend.activity().get(Traffic.HRSP_2XX));
        assertEquals(1, server.activity().get(Traffic.HRSP_3XX));
        assertEquals(1, backend.activity().get(Traffic.HRSP_2XX));
        assertEquals(100, backend.activity().get(Traffic.BYTES_IN));
    }

    @Test
    void lastSessionIsMinusOneUntilAServerIsChosen() {
        ServerCounters server = backend.server("s1");
        assertEquals(-1, server.activity().secondsSinceLastSession());
        server.selected();
        clock.advance(Duration.ofSeconds(5));
        assertEquals(5, server.activity().secondsSinceLastSession());
    }

    @Test
    void serverCountersStayWithTheirNameUntilARevisionDropsIt() {
        ServerCounters first = backend.server("s1");
        assertSame(first, backend.server("s1"));
        backend.retainServers(Set.of("s2"));
        assertNotSame(first, backend.server("s1"));
    }

    @Test
    void abortsCountOnTheServerAndItsBackend() {
        ServerCounters server = backend.server("s1");
        server.clientAborted();
        server.clientAborted();
        server.serverAborted();
        assertEquals(2, server.activity().get(Traffic.CLIENT_ABORTS));
        assertEquals(2, backend.activity().get(Traffic.CLIENT_ABORTS));
        assertEquals(1, backend.activity().get(Traffic.SERVER_ABORTS));
        assertEquals(1, server.activity().get(Traffic.RESPONSE_ERRORS), "srv_abrt is included in eresp");
    }

    @Test
    void everyCheckReportSetsTheLastCheckAndHealthAndFailuresWhileUpCount() {
        ServerCounters server = backend.server("s1");
        assertEquals(OptionalInt.empty(), server.health());
        server.checked(new CheckReport(CheckOutcome.of(CheckStatus.L4OK, "", Duration.ZERO), OptionalInt.of(3), false));
        server.checked(new CheckReport(CheckOutcome.of(CheckStatus.L4TOUT, "", Duration.ofMillis(2001)),
                OptionalInt.of(2), true));
        server.checked(new CheckReport(CheckOutcome.of(CheckStatus.L4CON, "Connection refused", Duration.ZERO),
                OptionalInt.of(0), false));
        assertEquals(1, server.failedChecks());
        assertEquals(OptionalInt.of(0), server.health());
        assertEquals(CheckStatus.L4CON, server.lastCheck().orElseThrow().status());
    }

    @Test
    void anAbandonedConnectionIsAnInvalidRequestAnswered400() {
        FrontendCounters frontend = new FrontendCounters(clock);
        frontend.abandoned();
        assertEquals(1, frontend.activity().get(Traffic.REQUEST_ERRORS));
        assertEquals(1, frontend.activity().get(Traffic.REQUESTS));
        assertEquals(1, frontend.activity().get(Traffic.HRSP_4XX));
    }
}
