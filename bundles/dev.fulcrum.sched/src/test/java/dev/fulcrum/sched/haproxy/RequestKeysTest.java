package dev.fulcrum.sched.haproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.proxy.Balance;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What each hashing algorithm takes of a request (configuration.txt 4.2 "balance"). */
class RequestKeysTest {

    @ParameterizedTest(name = "uri len={1} depth={2} whole={3}: {0} -> {4}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
        "/a/b/c.html?x=1 | none | none | false | /a/b/c.html",
        "/a/b/c.html?x=1 | none | none | true  | /a/b/c.html?x=1",
        "/a/b/c.html?x=1 | 4    | none | false | /a/b",
        "/a/b/c.html?x=1 | 14   | none | true  | /a/b/c.html?x=",
        "/a/b/c.html?x=1 | none | 1    | false | /a",
        "/a/b/c.html?x=1 | none | 2    | false | /a/b",
        "/a/b/c.html?x=1 | none | 3    | false | /a/b/c.html",
        "/a/b/c.html?x=1 | none | 9    | true  | /a/b/c.html?x=1",
        "/a/b/c.html?x=1 | 3    | 2    | false | /a/",
        "/a/b/c.html?x=1 | 9    | 1    | false | /a",
        "/              | none | 1    | false | /",
        "/img            | none | none | true  | /img",
    })
    void uriKeepsTheConfiguredPart(String uri, Integer len, Integer depth, boolean whole, String expected) {
        UriKey key = new UriKey(Balance.uri(len == null ? OptionalInt.empty() : OptionalInt.of(len),
                depth == null ? OptionalInt.empty() : OptionalInt.of(depth), whole));
        TestRequest request = TestRequest.get(uri);

        assertEquals(Optional.of(expected), key.key(request.path(), request.query()));
    }

    @Test
    void uriWithoutAPathHasNoKey() {
        UriKey key = new UriKey(Balance.uri(OptionalInt.empty(), OptionalInt.empty(), true));

        assertTrue(key.hash(TestRequest.tcp()).isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"haproxy.1wt.eu,1wt", "1wt.eu,1wt", "www.example.com:8080,example", "localhost,localhost",
        "a.b.c.d.example.org,example", "example.com.,com"})
    void domainOnlyKeepsTheLabelBeforeTheLastDot(String host, String expected) {
        assertEquals(expected, HeaderKey.domain(host));
    }

    @Test
    void headerIsLookedUpCaseInsensitivelyAndEmptyMeansNone() {
        HeaderKey host = new HeaderKey("Host", true);
        HeaderKey agent = new HeaderKey("user-agent", false);

        assertEquals(Optional.of("1wt"), host.value(TestRequest.get("/").withHeader("HOST", "haproxy.1wt.eu")));
        assertEquals(Optional.of("curl/8"), agent.value(TestRequest.get("/").withHeader("User-Agent", " curl/8 ")));
        assertEquals(Optional.empty(), agent.value(TestRequest.get("/").withHeader("User-Agent", "  ")));
        assertEquals(Optional.empty(), agent.value(TestRequest.get("/")));
        assertEquals(Optional.empty(), host.value(TestRequest.get("/").withHeader("Host", ".")));
    }

    @Test
    void urlParamFindsTheFirstNonEmptyValueByExactName() {
        UrlParamKey user = new UrlParamKey("user", false);

        assertEquals(Optional.of("alice"), user.find("user=alice"));
        assertEquals(Optional.of("bob"), user.find("a=1&user=bob&user=carol"));
        assertEquals(Optional.empty(), user.find("username=x&User=y&user"));
        assertEquals(Optional.empty(), user.find("user=&a=1"));
        assertEquals(Optional.of("x=y"), user.find("user=x=y"));
        assertEquals(Optional.empty(), user.find(""));
    }

    @Test
    void checkPostLooksInTheBodyOfAPostOnlyWhenTheQueryLacksIt() {
        UrlParamKey withBody = new UrlParamKey("id", true);
        UrlParamKey queryOnly = new UrlParamKey("id", false);
        TestRequest post = TestRequest.get("/login").withMethod("POST").withBody("name=x&id=42&more=1\r\nrest");

        assertEquals(Optional.of("42"), withBody.value(post));
        assertEquals(Optional.empty(), queryOnly.value(post));
        assertEquals(Optional.of("7"), withBody.value(TestRequest.get("/login?id=7").withMethod("POST")
                .withBody("id=42")), "the query comes first");
        assertEquals(Optional.empty(), withBody.value(TestRequest.get("/login").withBody("id=42")), "GET");
        assertEquals(Optional.empty(), withBody.value(TestRequest.get("/login").withMethod("POST")
                .withBody("x=1 id=42")), "the scan stops at white space");
        assertEquals(0, post.payloadPrefix().orElseThrow().position(), "the body was not consumed");
    }

    @Test
    void rdpCookieIsReadFromTheConnectionRequest() {
        RdpCookieKey key = new RdpCookieKey(Balance.DEFAULT_RDP_COOKIE);

        assertEquals(Optional.of("alice"), key.value(rdp("Cookie: mstshash=alice\r\n")));
        assertEquals(Optional.of("BOB"), key.value(rdp("cookie:MSTSHASH=BOB\r\n")), "names ignore case");
        assertEquals(Optional.of("tsv://MS Terminal Services Plugin.1.Sessions"),
                new RdpCookieKey("msts").value(rdp("Cookie: msts=tsv://MS Terminal Services Plugin.1.Sessions\r\n")));
        assertEquals(Optional.empty(), key.value(rdp("Cookie: other=alice\r\n")));
        assertEquals(Optional.empty(), key.value(rdp("Cookie: mstshash=alice")), "line not complete");
        assertEquals(Optional.empty(), key.value(rdp("Cookie: mstshash=\r\n")));
        assertEquals(Optional.empty(), key.value(ByteBuffer.wrap("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII))));
        assertEquals(Optional.empty(), key.value(ByteBuffer.wrap(new byte[] {3, 0, 0})));
    }

    @Test
    void rdpCookieStopsAtTheLengthTheTpktHeaderDeclaresAndLeavesTheBufferAlone() {
        RdpCookieKey key = new RdpCookieKey(Balance.DEFAULT_RDP_COOKIE);
        ByteBuffer packet = rdp("Cookie: mstshash=alice\r\n");
        packet.put(3, (byte) 20); // the TPKT length now ends inside the cookie line

        assertEquals(Optional.empty(), key.value(packet));

        ByteBuffer shifted = ByteBuffer.allocate(64);
        shifted.put(new byte[] {9, 9, 9}).put(rdp("Cookie: mstshash=zoe\r\n")).flip().position(3);
        assertEquals(Optional.of("zoe"), key.value(shifted));
        assertEquals(3, shifted.position());
    }

    @Test
    void sourceHashesTheAddressOnly() {
        SourceKey key = new SourceKey();

        assertEquals(key.hash(TestRequest.from("192.0.2.1")), key.hash(TestRequest.from("192.0.2.1")));
        assertNotEquals(key.hash(TestRequest.from("192.0.2.1")), key.hash(TestRequest.from("192.0.2.2")));
        assertTrue(key.hash(TestRequest.from("2001:db8::1")).isPresent());
    }

    @Test
    void keysHashedInPlaceHashLikeTheirDecodedValue() {
        UrlParamKey id = new UrlParamKey("id", true);
        RdpCookieKey cookie = new RdpCookieKey(Balance.DEFAULT_RDP_COOKIE);
        TestRequest inQuery = TestRequest.get("/a?x=1&id=42&y=2");
        TestRequest inBody = TestRequest.get("/a").withMethod("POST").withBody("id=43");
        // a byte above 0x7f, which ISO-8859-1 decodes to one char of the same value
        TestRequest rdp = TestRequest.tcp().withPayload(rdp("Cookie:\tmstshash=caf\u00e9\r\n"));

        assertEquals(OptionalLong.of(Hashing.of("42")), id.hash(inQuery));
        assertEquals(OptionalLong.of(Hashing.of("43")), id.hash(inBody));
        assertEquals(OptionalLong.empty(), id.hash(TestRequest.get("/a?id=&x=1")));
        assertEquals(Optional.of("caf\u00e9"), cookie.value(rdp.payloadPrefix().orElseThrow()));
        assertEquals(OptionalLong.of(Hashing.of("caf\u00e9")), cookie.hash(rdp));
        assertEquals(OptionalLong.empty(), cookie.hash(TestRequest.tcp().withPayload(rdp("Cookie: mstshash=\r\n"))));
        assertEquals(OptionalLong.empty(), cookie.hash(TestRequest.tcp()));
    }

    /** A TPKT + X.224 Connection Request carrying {@code line} and an RDP negotiation request after it. */
    static ByteBuffer rdp(String line) {
        byte[] text = line.getBytes(StandardCharsets.ISO_8859_1);
        byte[] negotiation = {1, 0, 8, 0, 3, 0, 0, 0};
        int length = 11 + text.length + negotiation.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {3, 0, (byte) (length >> 8), (byte) length});
        out.writeBytes(new byte[] {(byte) (length - 5), (byte) 0xe0, 0, 0, 0, 0, 0});
        out.writeBytes(text);
        out.writeBytes(negotiation);
        return ByteBuffer.wrap(out.toByteArray());
    }
}
