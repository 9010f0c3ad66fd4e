package dev.fulcrum.sched.haproxy;

import static dev.fulcrum.sched.haproxy.RequestKeysTest.rdp;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.api.model.proxy.Balance;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The edges of the RDP Connection Request parser (configuration.txt 4.2 "balance rdp-cookie", 7.3.5 req.rdp_cookie). */
class RdpCookieKeyTest {

    private final RdpCookieKey mstshash = new RdpCookieKey(Balance.DEFAULT_RDP_COOKIE);

    @Test
    void everyTruncationOfTheConnectionRequestGivesNoKey() {
        ByteBuffer whole = rdp("Cookie: mstshash=alice\r\n");
        int lineEnd = 11 + "Cookie: mstshash=alice\r\n".length();

        for (int received = 0; received < lineEnd; received++) {
            ByteBuffer truncated = ByteBuffer.wrap(Arrays.copyOf(whole.array(), received));
            assertEquals(Optional.empty(), mstshash.value(truncated), received + " bytes received");
        }
        assertEquals(Optional.of("alice"), mstshash.value(ByteBuffer.wrap(Arrays.copyOf(whole.array(), lineEnd))));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Cookie: mstshash=alice",          // no line end at all
        "Cookie: mstshash=alice\r",        // CR without LF, then the negotiation request
        "Cookie: mstshash=alice\n",        // LF without CR
        "Cookie: mstshash=\r\n",           // empty value
        "Cookie: mstshash\r\n",            // no '='
        "Cookie: mstshash =alice\r\n",     // the name must be followed by '=' at once
        "Cookie: mstshashx=alice\r\n",     // a longer name
        "Cookie: msts=alice\r\n",          // another cookie
        "Cookie:\r\n mstshash=alice\r\n",  // the line ends before the name
        "Cookie mstshash=alice\r\n",       // no ':'
        "Cookie\u001a mstshash=alice\r\n", // ':' is not a letter: no case folding makes 0x1a match it
        " Cookie: mstshash=alice\r\n",     // "Cookie:" must start right after the X.224 header
        "Set-Cookie: mstshash=alice\r\n",
    })
    void malformedCookieLinesGiveNoKey(String line) {
        assertEquals(Optional.empty(), mstshash.value(rdp(line)));
        assertEquals(OptionalLong.empty(), mstshash.hash(TestRequest.tcp().withPayload(rdp(line))));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Cookie: mstshash=alice\r\n",
        "COOKIE: MSTSHASH=alice\r\n",
        "cookie:mStShAsH=alice\r\n",
        "Cookie:  \t mstshash=alice\r\n",
    })
    void cookieAndNameIgnoreAsciiCaseAndSpacesMaySeparateThem(String line) {
        assertEquals(Optional.of("alice"), mstshash.value(rdp(line)));
    }

    @Test
    void theValueRunsToTheFirstCrAndKeepsItsCase() {
        assertEquals(Optional.of("Alice Smith=x;y"), mstshash.value(rdp("Cookie: mstshash=Alice Smith=x;y\r\n")));
        assertEquals(Optional.empty(), mstshash.value(rdp("Cookie: mstshash=a\rb\r\n")), "a CR must be followed by LF");
    }

    @Test
    void theConfiguredNameIsLookedFor() {
        RdpCookieKey msts = new RdpCookieKey("msts");
        RdpCookieKey other = new RdpCookieKey("Route_1");

        assertEquals(Optional.of("tsv://1"), msts.value(rdp("Cookie: msts=tsv://1\r\n")));
        assertEquals(Optional.empty(), msts.value(rdp("Cookie: mstshash=alice\r\n")));
        assertEquals(Optional.of("b7"), other.value(rdp("Cookie: ROUTE_1=b7\r\n")));
        // '_' (0x5f) and DEL (0x7f) differ by the case bit but are not letters
        assertEquals(Optional.empty(), other.value(rdp("Cookie: route\u007f1=b7\r\n")));
    }

    @Test
    void aNameOutsideAsciiIsComparedAsItsUtf8Bytes() {
        RdpCookieKey cafe = new RdpCookieKey("caf\u00e9");
        byte[] utf8Line = "Cookie: caf\u00e9=1\r\n".getBytes(StandardCharsets.UTF_8);

        assertEquals(Optional.of("1"), cafe.value(rdp(new String(utf8Line, StandardCharsets.ISO_8859_1))));
        assertEquals(Optional.empty(), cafe.value(rdp("Cookie: caf\u00e9=1\r\n")), "the ISO-8859-1 byte is not UTF-8");
        assertEquals(Optional.empty(), cafe.value(rdp("Cookie: CAF\u00c9=1\r\n")), "no case folding outside ASCII");
    }

    @Test
    void onlyTpktVersion3CarryingAConnectionRequestIsRead() {
        assertEquals(Optional.of("alice"), mstshash.value(withByte(5, 0xe3)), "the low nibble of the code is the credit");
        assertEquals(Optional.empty(), mstshash.value(withByte(0, 2)), "TPKT version 2");
        assertEquals(Optional.empty(), mstshash.value(withByte(1, 1)), "TPKT reserved byte set");
        assertEquals(Optional.empty(), mstshash.value(withByte(5, 0xd0)), "X.224 Connection Confirm, not Request");
        assertEquals(Optional.empty(), mstshash.value(withByte(5, 0xf0)), "X.224 Data");
    }

    @Test
    void aTpktLengthShorterThanTheHeadersGivesNoKey() {
        assertEquals(Optional.empty(), mstshash.value(withByte(2, 0).put(3, (byte) 4)));
        assertEquals(Optional.empty(), mstshash.value(withByte(2, 0).put(3, (byte) 0)));
    }

    @Test
    void theHashIsTheValuesHashAndTheBufferIsNotMoved() {
        ByteBuffer packet = rdp("Cookie: mstshash=alice\r\n").asReadOnlyBuffer();

        assertEquals(OptionalLong.of(Hashing.of("alice")), mstshash.hash(TestRequest.tcp().withPayload(packet)));
        assertEquals(0, packet.position());
    }

    /** The usual request with one header byte replaced. */
    private static ByteBuffer withByte(int index, int value) {
        return rdp("Cookie: mstshash=alice\r\n").put(index, (byte) value);
    }
}
