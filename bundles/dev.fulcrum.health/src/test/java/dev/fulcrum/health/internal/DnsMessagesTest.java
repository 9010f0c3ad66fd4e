package dev.fulcrum.health.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DnsMessagesTest {

    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replace(" ", ""));
    }

    @Test
    void queryGoldenBytes() {
        // RFC 1035 4.1: id 1234, RD, QDCOUNT 1; QNAME 7"example"3"com"0, QTYPE A (1), QCLASS IN (1)
        assertArrayEquals(hex("1234 0100 0001 0000 0000 0000 07 6578616d706c65 03 636f6d 00 0001 0001"),
                DnsMessages.query(0x1234, "example.com.", DnsMessages.type("a")));
        // keepalived's defaults: SOA of the root
        assertArrayEquals(hex("ffff 0100 0001 0000 0000 0000 00 0006 0001"),
                DnsMessages.query(0xffff, ".", DnsMessages.type("SOA")));
    }

    @Test
    void badTypesAndNamesAreRejected() {
        assertEquals("DNS_CHECK type must be one of [A, AAAA, CNAME, MX, NS, SOA, TXT], was 'PTR'",
                assertThrows(IllegalArgumentException.class, () -> DnsMessages.type("PTR")).getMessage());
        assertEquals("DNS_CHECK name has an empty or too long label: 'a..b'",
                assertThrows(IllegalArgumentException.class, () -> DnsMessages.query(1, "a..b", 1)).getMessage());
    }

    @Test
    void responsesAreJudgedByIdFlagsRcodeAndAnswers() {
        assertEquals(new DnsMessages.Answered(2), DnsMessages.judge(hex("1234 8180 0001 0002 0000 0000"), 0x1234));
        assertEquals(new DnsMessages.Failed(0, "no answer"), DnsMessages.judge(hex("1234 8180 0001 0000 0000 0000"), 0x1234));
        assertEquals(new DnsMessages.Failed(3, "RCODE 3"), DnsMessages.judge(hex("1234 8183 0001 0000 0000 0000"), 0x1234));
        assertEquals(new DnsMessages.Failed(-1, "not the response to our query"),
                DnsMessages.judge(hex("4321 8180 0001 0001 0000 0000"), 0x1234));
        assertEquals(new DnsMessages.Failed(-1, "not the response to our query"),
                DnsMessages.judge(hex("1234 0100 0001 0001 0000 0000"), 0x1234), "a query, not a response");
        assertEquals(new DnsMessages.Failed(-1, "response shorter than a DNS header"),
                DnsMessages.judge(hex("1234 81"), 0x1234));
    }
}
