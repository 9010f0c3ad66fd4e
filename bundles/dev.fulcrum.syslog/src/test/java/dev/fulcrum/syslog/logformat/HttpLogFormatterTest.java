package dev.fulcrum.syslog.logformat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpLogFormatterTest {

    private final HttpLogFormatter utc = new HttpLogFormatter(ZoneId.of("UTC"));

    @Test
    void aPlainRequestMatchesTheLineHaproxyWrote() {
        // Received from haproxy 2.6.12 (option httplog, no captures): the empty %hr %hs leave one space.
        assertEquals("127.0.0.1:54756 [24/Nov/2026:22:11:43.685] fe be/s1 0/0/0/1/1 200 411 - - ---- 1/1/0/0/0 0/0"
                + " \"GET / HTTP/1.1\"", utc.format(Facts.ok()));
    }

    @Test
    void datesAreLocalTime() {
        String line = new HttpLogFormatter(ZoneId.of("Asia/Tokyo")).format(Facts.ok());
        assertEquals("[25/Nov/2026:07:11:43.685]", line.split(" ")[1]);
    }

    @Test
    void noServerWithATimeoutAndUnreachedTimers() {
        LogFacts f = Facts.with(Facts.ok(), TerminationState.of(TerminationCause.CLIENT_TIMEOUT, SessionPhase.REQUEST),
                Optional.empty(), new Timers(-1, -1, -1, -1, 5000, 5000), 408);
        assertEquals("127.0.0.1:54756 [24/Nov/2026:22:11:43.685] fe be/<NOSRV> -1/-1/-1/-1/5000 408 411 - - cR--"
                + " 1/1/0/0/0 0/0 \"GET / HTTP/1.1\"", utc.format(f));
    }

    @Test
    void tlsFrontendIpv6ClientCapturesRedispatchAndBadRequest() {
        LogFacts o = Facts.ok();
        Captures captures = new Captures(Optional.of("SRV=s1"), Optional.empty(), List.of("example.com", "", "a|b"),
                List.of("text/html"));
        LogFacts f = new LogFacts(Facts.client("2001:db8:0:0:1:0:0:1", 40000), o.acceptDate(), o.requestDate(), "web",
                true, "app", Optional.of("app2"), o.timers(), 502, 0, 10,
                new TerminationState(TerminationCause.SERVER_ABORT, SessionPhase.HEADERS, ClientCookie.VALID,
                        ServerCookie.NONE),
                new Connections(12, 7, 5, 2, 3, true, 1, 4), captures, Optional.empty());
        assertEquals("2001:db8::1:0:0:1:40000 [24/Nov/2026:22:11:43.685] web~ app/app2 0/0/0/1/1 502 0 SRV=s1 - SHVN"
                + " 12/7/5/2/+3 1/4 {example.com||a#7Cb} {text/html} \"<BADREQ>\"", utc.format(f));
    }

    @Test
    void requestLineEscapesQuotesHashesAndControlBytes() {
        assertEquals("\"GET /a#22b#23c#09#7F#E9 HTTP/1.1\"", LogFields.requestLine("GET /a\"b#c\t\u007f\u00e9 HTTP/1.1"));
        assertEquals("\"GET /#E2#82#AC HTTP/1.1\"", LogFields.requestLine("GET /\u20ac HTTP/1.1"));
    }

    @Test
    void ipv6TextIsCompressedLikeInetNtop() {
        assertEquals("::1", LogFields.address(Facts.client("::1", 1).getAddress()));
        assertEquals("::", LogFields.address(Facts.client("::", 1).getAddress()));
        assertEquals("fe80::", LogFields.address(Facts.client("fe80:0:0:0:0:0:0:0", 1).getAddress()));
        assertEquals("2001:db8:0:1:1:1:1:1", LogFields.address(Facts.client("2001:db8:0:1:1:1:1:1", 1).getAddress()));
        assertEquals("2001:0:0:1::1", LogFields.address(Facts.client("2001:0:0:1:0:0:0:1", 1).getAddress()));
    }

    @Test
    void httpBytesReadCountsHeadersAsNamePlusValue() {
        // Measured: "HTTP/1.1 200 OK\r\ncontent-length: 6\r\nconnection: close\r\n\r\nhello\n" logs 55; without
        // its Connection line (HAProxy's own) that is 44 bytes and one field.
        assertEquals(55, LogFacts.httpBytesRead(44, 1));
        // Measured: "HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\nweb 0" (43 bytes) logs 54.
        assertEquals(54, LogFacts.httpBytesRead(43, 1));
    }

    @Test
    void dontLogNullSkipsOnlyConnectionsWithoutClientData() {
        LogFacts ok = Facts.ok();
        LogFacts silent = new LogFacts(ok.client(), ok.acceptDate(), ok.requestDate(), ok.frontend(), ok.tls(),
                ok.backend(), ok.server(), ok.timers(), ok.status(), 0, 0, ok.termination(), ok.connections(),
                ok.captures(), Optional.empty());
        assertEquals(false, silent.shouldLog(true));
        assertEquals(true, silent.shouldLog(false));
        assertEquals(true, ok.shouldLog(true));
    }
}
