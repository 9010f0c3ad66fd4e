package dev.fulcrum.health.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpResponseParserTest {

    private static HttpResponseParser.Result parse(String wire, boolean eof) {
        return HttpResponseParser.parse(wire.getBytes(StandardCharsets.ISO_8859_1), eof);
    }

    private static HttpResponse complete(String wire, boolean eof) {
        return assertInstanceOf(HttpResponseParser.Complete.class, parse(wire, eof)).response();
    }

    @Test
    void contentLengthDelimitsTheBody() {
        HttpResponse response = complete("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", false);
        assertEquals(200, response.status());
        assertEquals("OK", response.reason());
        assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), response.body());
    }

    @Test
    void aShortBodyWaitsForMoreBytesThenFailsAtEndOfInput() {
        String wire = "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello";
        assertInstanceOf(HttpResponseParser.Incomplete.class, parse(wire, false));
        assertEquals("response ended before its Content-Length",
                assertInstanceOf(HttpResponseParser.Malformed.class, parse(wire, true)).reason());
    }

    @Test
    void withoutLengthTheBodyEndsWithTheConnection() {
        String wire = "HTTP/1.0 503 Service Unavailable\r\nServer: x\r\n\r\ndown for maintenance";
        assertInstanceOf(HttpResponseParser.Incomplete.class, parse(wire, false));
        HttpResponse response = complete(wire, true);
        assertEquals(503, response.status());
        assertEquals("Service Unavailable", response.reason());
        assertEquals("down for maintenance", new String(response.body(), StandardCharsets.US_ASCII));
    }

    @Test
    void chunkedBodiesAreDecoded() {
        HttpResponse response = complete("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "4;ext=1\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n", false);
        assertEquals("Wikipedia", new String(response.body(), StandardCharsets.US_ASCII));
    }

    @Test
    void aStatusLineWithoutReasonIsAccepted() {
        HttpResponse response = complete("HTTP/1.1 204\r\n\r\n", false);
        assertEquals(204, response.status());
        assertEquals("", response.reason());
    }

    @Test
    void garbageIsMalformedWithAPrintableReason() {
        assertEquals("not an HTTP response",
                assertInstanceOf(HttpResponseParser.Malformed.class, parse("SSH-2.0-OpenSSH_9.2\r\n", false)).reason());
        assertEquals("bad status line: HTTP/1.1 2OO OK",
                assertInstanceOf(HttpResponseParser.Malformed.class, parse("HTTP/1.1 2OO OK\r\n\r\n", false)).reason());
        assertEquals("bad Content-Length: -1", assertInstanceOf(HttpResponseParser.Malformed.class,
                parse("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", false)).reason());
        assertEquals("bad chunk size: zz", assertInstanceOf(HttpResponseParser.Malformed.class,
                parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", false)).reason());
        assertEquals("bad header line: \\x01nocolon", assertInstanceOf(HttpResponseParser.Malformed.class,
                parse("HTTP/1.1 200 OK\r\n\u0001nocolon\r\n\r\n", false)).reason());
    }

    @Test
    void aConnectionClosedBeforeTheHeadersIsMalformed() {
        assertInstanceOf(HttpResponseParser.Incomplete.class, parse("HTTP/1.1 200 OK\r\n", false));
        assertEquals("response ended before its headers",
                assertInstanceOf(HttpResponseParser.Malformed.class, parse("HTTP/1.1 200 OK\r\n", true)).reason());
    }
}
