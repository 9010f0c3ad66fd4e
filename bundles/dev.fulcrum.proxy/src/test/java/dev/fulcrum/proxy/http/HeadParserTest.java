package dev.fulcrum.proxy.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeadParserTest {

    private final HeadParser parser = new HeadParser();

    private Optional<RequestHead> request(String text) throws HttpParseException {
        ByteBuf in = Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1);
        try {
            return parser.parseRequest(in);
        } finally {
            in.release();
        }
    }

    private String rejection(String text) {
        return assertThrows(HttpParseException.class, () -> request(text)).getMessage();
    }

    @Test
    void parsesARequestAndConsumesExactlyItsHead() throws HttpParseException {
        ByteBuf in = Unpooled.copiedBuffer("GET /a/b?x=1 HTTP/1.1\r\nHost: example\r\nX-A:  v  \r\n\r\nNEXT",
                StandardCharsets.ISO_8859_1);
        RequestHead head = parser.parseRequest(in).orElseThrow();
        assertEquals("GET", head.method());
        assertEquals("/a/b", head.path());
        assertEquals(Optional.of("x=1"), head.query());
        assertEquals(Optional.of("v"), head.headers().first("x-a"));
        assertTrue(head.keepAlive());
        assertEquals(new RequestHead.NoBody(), head.body());
        assertEquals("NEXT", in.toString(StandardCharsets.ISO_8859_1));
        in.release();
    }

    @Test
    void waitsForTheEndOfTheHeadAndAcceptsBareLfLines() throws HttpParseException {
        assertEquals(Optional.empty(), request("GET / HTTP/1.1\r\nHost: x\r\n"));
        assertEquals(Optional.empty(), request("GET / HTTP/1.1\r\nHost: x\r\n\r"));
        RequestHead head = request("\r\nPOST / HTTP/1.0\nContent-Length: 5\nConnection: keep-alive\n\n").orElseThrow();
        assertEquals(new RequestHead.Length(5), head.body());
        assertTrue(head.keepAlive());
    }

    @Test
    void framingHeaders() throws HttpParseException {
        assertEquals(new RequestHead.Chunked(),
                request("POST / HTTP/1.1\r\nTransfer-Encoding: gzip, Chunked\r\n\r\n").orElseThrow().body());
        assertEquals(new RequestHead.Length(7),
                request("POST / HTTP/1.1\r\nContent-Length: 7\r\nContent-Length: 7, 7\r\n\r\n").orElseThrow().body());
    }

    @Test
    void repeatedContentLengthsAreForwardedAsOne() throws HttpParseException {
        RequestHead head = request("POST / HTTP/1.1\r\nHost: h\r\ncontent-length: 7, 7\r\nX: y\r\nContent-Length: 7\r\n\r\n")
                .orElseThrow();
        assertEquals(List.of(new Headers.Field("Host", "h"), new Headers.Field("content-length", "7"),
                new Headers.Field("X", "y")), head.headers().fields());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "POST / HTTP/1.1\\r\\nContent-Length: 3\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n|both Content-Length and Transfer-Encoding",
        "POST / HTTP/1.1\\r\\nContent-Length: 3\\r\\nContent-Length: 4\\r\\n\\r\\n|differing Content-Length values",
        "POST / HTTP/1.1\\r\\nContent-Length: +3\\r\\n\\r\\n|invalid Content-Length '+3'",
        "POST / HTTP/1.1\\r\\nTransfer-Encoding: chunked, gzip\\r\\n\\r\\n|Transfer-Encoding does not end with one 'chunked'",
        "POST / HTTP/1.1\\r\\nTransfer-Encoding: chunked\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n|Transfer-Encoding does not end with one 'chunked'",
        "POST / HTTP/1.1\\r\\nTransfer-Encoding: chunked;q=1\\r\\n\\r\\n|invalid Transfer-Encoding 'chunked;q=1'",
        "POST / HTTP/1.0\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n|Transfer-Encoding in an HTTP/1.0 request",
        "GET index.html HTTP/1.1\\r\\n\\r\\n|invalid request target",
        "GET /a<b HTTP/1.1\\r\\n\\r\\n|invalid character in request target",
        "GET / HTTP/1.1 \\r\\n\\r\\n|request line is not 'method SP target SP version'",
        "GET / HTTP/2.0\\r\\n\\r\\n|unsupported version 'HTTP/2.0'",
        "G(T / HTTP/1.1\\r\\n\\r\\n|invalid method",
        "CONNECT a:443 HTTP/1.1\\r\\n\\r\\n|CONNECT is not supported",
        "GET / HTTP/1.1\\r\\nHost : x\\r\\n\\r\\n|invalid header name 'Host '",
        "GET / HTTP/1.1\\r\\nX: a\\r\\n b\\r\\n\\r\\n|obsolete line folding",
        "GET / HTTP/1.1\\r\\nX: a\\rb\\r\\n\\r\\n|CR not followed by LF",
        "GET / HTTP/1.1\\r\\nX: a\\u0001b\\r\\n\\r\\n|control character in header 'X'",
        "GET / HTTP/1.1\\r\\nnocolon\\r\\n\\r\\n|header line without a name and colon"
    })
    void rejectsAmbiguousAndInvalidRequests(String text, String reason) {
        assertEquals(reason, rejection(text.replace("\\r", "\r").replace("\\n", "\n").replace("\\u0001", "\u0001")));
    }

    @Test
    void limitsHeadSizeAndHeaderCountToHaproxysDefaults() {
        String big = "GET / HTTP/1.1\r\nX: " + "a".repeat(HeadParser.DEFAULT_MAX_HEAD_BYTES) + "\r\n\r\n";
        assertEquals("head larger than 16384 bytes", rejection(big));
        String many = "GET / HTTP/1.1\r\n" + "X: y\r\n".repeat(102) + "\r\n";
        assertEquals("more than 101 header lines", rejection(many));
    }

    @Test
    void aHeadOfExactlyTheLimitPassesAndOneByteMoreDoesNot() throws HttpParseException {
        String prefix = "GET / HTTP/1.1\r\nX: ";
        String fits = prefix + "a".repeat(HeadParser.DEFAULT_MAX_HEAD_BYTES - prefix.length() - 4) + "\r\n\r\n";
        assertEquals(HeadParser.DEFAULT_MAX_HEAD_BYTES, fits.length());
        assertTrue(request(fits).isPresent());
        assertEquals("head larger than 16384 bytes", rejection(fits.replace("X: ", "X: a")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "POST / HTTP/1.1\\r\\nContent-Length: 7,\\r\\n\\r\\n|invalid Content-Length '7,'",
        "POST / HTTP/1.1\\r\\nContent-Length:\\r\\n\\r\\n|invalid Content-Length ''",
        "POST / HTTP/1.1\\r\\nContent-Length: 1234567890123456789\\r\\n\\r\\n|invalid Content-Length '1234567890123456789'",
        "GET / HTTP/1.1\\r\\n: x\\r\\n\\r\\n|header line without a name and colon",
        "GET  / HTTP/1.1\\r\\n\\r\\n|request line is not 'method SP target SP version'",
        "GET / HTTP/1.1\\r\\r\\n\\r\\n|CR not followed by LF",
        "GET / HTTP/1.\\r\\n\\r\\n|unsupported version 'HTTP/1.'",
        "GET / HTTP/1.10\\r\\n\\r\\n|unsupported version 'HTTP/1.10'"
    })
    void rejectsMalformedNumbersNamesAndLines(String text, String reason) {
        assertEquals(reason, rejection(text.replace("\\r", "\r").replace("\\n", "\n")));
    }

    @Test
    void connectionTokensAreMatchedInListsWithoutCaseOrSpaces() throws HttpParseException {
        assertTrue(!request("GET / HTTP/1.1\r\nConnection: foo ,  Close \r\n\r\n").orElseThrow().keepAlive());
        assertTrue(request("GET / HTTP/1.1\r\nConnection: closed, xclose\r\n\r\n").orElseThrow().keepAlive());
        assertTrue(request("GET / HTTP/1.0\r\nconnection: TE,Keep-Alive\r\n\r\n").orElseThrow().keepAlive());
    }

    @Test
    void statusLinesWithoutReasonAndWithInvalidCodes() throws HttpParseException {
        assertEquals("", response("HTTP/1.1 200\r\nContent-Length: 0\r\n\r\n", "GET").reason());
        assertEquals("", response("HTTP/1.1 204 \r\n\r\n", "GET").reason());
        for (String line : List.of("HTTP/1.1 099 Low", "HTTP/1.1 +99 Sign", "HTTP/1.1 20", "HTTP/1.1 200OK", "HTTP/1.2 200 OK")) {
            ByteBuf bad = Unpooled.copiedBuffer(line + "\r\n\r\n", StandardCharsets.US_ASCII);
            assertThrows(HttpParseException.class, () -> parser.parseResponse(bad, "GET"), line);
            bad.release();
        }
    }

    @Test
    void exactly101HeadersPass() throws HttpParseException {
        assertEquals(101, request("GET / HTTP/1.1\r\n" + "X: y\r\n".repeat(101) + "\r\n").orElseThrow().headers()
                .fields().size());
    }

    @Test
    void responseFramingFollowsTheRequestMethodAndStatus() throws HttpParseException {
        assertEquals(new RequestHead.NoBody(), response("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n", "HEAD").body());
        assertEquals(new RequestHead.NoBody(), response("HTTP/1.1 304 Not Modified\r\n\r\n", "GET").body());
        assertEquals(new RequestHead.UntilClose(), response("HTTP/1.0 200 OK\r\n\r\n", "GET").body());
        assertEquals(new RequestHead.Chunked(),
                response("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", "GET").body());
        ResponseHead head = response("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n", "GET");
        assertEquals(404, head.status());
        assertEquals("Not Found", head.reason());
        assertTrue(head.keepAlive());
        ByteBuf bad = Unpooled.copiedBuffer("HTTP/1.1 2x0 OK\r\n\r\n", StandardCharsets.US_ASCII);
        assertEquals("invalid status code",
                assertThrows(HttpParseException.class, () -> parser.parseResponse(bad, "GET")).getMessage());
        bad.release();
    }

    private ResponseHead response(String text, String method) throws HttpParseException {
        ByteBuf in = Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1);
        try {
            return parser.parseResponse(in, method).orElseThrow();
        } finally {
            in.release();
        }
    }
}
