package dev.fulcrum.syslog.logformat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TcpLogFormatterTest {

    private final TcpLogFormatter utc = new TcpLogFormatter(ZoneId.of("UTC"));

    @Test
    void aRelayedConnectionUsesTheAcceptDateAndTheTwoCharacterState() {
        LogFacts o = Facts.ok();
        LogFacts f = new LogFacts(o.client(), o.acceptDate(), Instant.parse("2026-11-24T22:11:44Z"), "fe_tcp", false,
                "be_tcp", Optional.of("s1"), new Timers(-1, 0, 1, -1, -1, 25), 0, 5, 5, TerminationState.NORMAL,
                new Connections(1, 1, 1, 1, 0, false, 0, 0), Captures.NONE, Optional.empty());
        assertEquals("127.0.0.1:54756 [24/Nov/2026:22:11:43.685] fe_tcp be_tcp/s1 0/1/25 5 -- 1/1/1/1/0 0/0",
                utc.format(f));
    }

    @Test
    void aRefusedServerConnection() {
        LogFacts f = Facts.with(Facts.ok(), TerminationState.of(TerminationCause.SERVER_ABORT, SessionPhase.CONNECT),
                Optional.of("s1"), new Timers(-1, 0, -1, -1, -1, 3), 0);
        assertEquals("127.0.0.1:54756 [24/Nov/2026:22:11:43.685] fe be/s1 0/-1/3 411 SC 1/1/0/0/0 0/0",
                utc.format(f));
    }

    @Test
    void withoutOptionTheConnectLineIsLogged() {
        assertEquals("Connect from 10.0.1.2:33312 to 10.0.3.31:8012 (www/HTTP)", ConnectLogFormatter.format(
                Facts.client("10.0.1.2", 33312), Facts.client("10.0.3.31", 8012), "www",
                dev.fulcrum.api.model.proxy.Mode.HTTP));
        assertEquals("Connect from ::1:40000 to ::1:80 (fe/TCP)", ConnectLogFormatter.format(
                Facts.client("::1", 40000), Facts.client("::1", 80), "fe", dev.fulcrum.api.model.proxy.Mode.TCP));
    }

    @Test
    void terminationCodesAreHaproxysLetters() {
        assertEquals("CSPLRIDUKcs-", Arrays.stream(TerminationCause.values())
                .map(c -> String.valueOf(c.code())).reduce("", String::concat));
        assertEquals("RQCHDLT-", Arrays.stream(SessionPhase.values())
                .map(c -> String.valueOf(c.code())).reduce("", String::concat));
        assertEquals(8, new HashSet<>(Arrays.asList(ClientCookie.values())).size());
        assertEquals("PR", TerminationState.of(TerminationCause.PROXY_ABORT, SessionPhase.REQUEST).twoChars());
        assertEquals("----", TerminationState.NORMAL.fourChars());
    }

    @Test
    void impossibleValuesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Timers(-2, 0, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Connections(-1, 0, 0, 0, 0, false, 0, 0));
        LogFacts o = Facts.ok();
        assertThrows(IllegalArgumentException.class, () -> new LogFacts(
                java.net.InetSocketAddress.createUnresolved("client", 1), o.acceptDate(), o.requestDate(), "f", false,
                "b", Optional.empty(), o.timers(), 0, 0, 0, TerminationState.NORMAL, o.connections(), Captures.NONE,
                Optional.empty()));
    }
}
