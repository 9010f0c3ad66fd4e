package dev.fulcrum.health.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The two DNS messages of keepalived's DNS_CHECK (RFC 1035 section 4.1): a recursive query for one
 * name and type, and the check of its response header. Pure.
 */
final class DnsMessages {

    /** keepalived.conf(5) DNS_CHECK {@code type}: the RR types it accepts (RFC 1035 3.2.2, RFC 3596 2.1). */
    static final Map<String, Integer> TYPES = Map.of("A", 1, "NS", 2, "CNAME", 5, "SOA", 6, "MX", 15, "TXT", 16,
            "AAAA", 28);

    private static final int HEADER = 12;
    private static final int FLAG_QR = 0x8000;
    private static final int FLAG_RD = 0x0100;
    private static final int FLAG_TC = 0x0200;

    /** What a response says. */
    sealed interface Verdict {
    }

    record Answered(int answers) implements Verdict {
    }

    /** @param rcode RFC 1035 4.1.1 RCODE (2 SERVFAIL, 3 NXDOMAIN, 5 REFUSED ...) or -1 when not applicable */
    record Failed(int rcode, String reason) implements Verdict {
    }

    private DnsMessages() {
    }

    static int type(String name) {
        Integer code = TYPES.get(name.toUpperCase(Locale.ROOT));
        if (code == null) {
            throw new IllegalArgumentException("DNS_CHECK type must be one of " + TYPES.keySet().stream().sorted().toList()
                    + ", was '" + name + "'");
        }
        return code;
    }

    /** A query: header with RD set and one question of class IN (RFC 1035 4.1.1, 4.1.2). */
    static byte[] query(int id, String name, int type) {
        ByteBuffer out = ByteBuffer.allocate(HEADER + 256 + 4);
        out.putShort((short) id).putShort((short) FLAG_RD).putShort((short) 1).putShort((short) 0)
                .putShort((short) 0).putShort((short) 0);
        String trimmed = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (!trimmed.isEmpty()) {
            for (String label : trimmed.split("\\.", -1)) {
                byte[] bytes = label.getBytes(StandardCharsets.US_ASCII);
                if (bytes.length == 0 || bytes.length > 63) {
                    throw new IllegalArgumentException("DNS_CHECK name has an empty or too long label: '" + name + "'");
                }
                out.put((byte) bytes.length).put(bytes);
            }
        }
        out.put((byte) 0).putShort((short) type).putShort((short) 1);
        if (out.position() > HEADER + 255 + 4) {
            throw new IllegalArgumentException("DNS_CHECK name longer than 255 bytes: '" + name + "'");
        }
        byte[] query = new byte[out.position()];
        out.flip().get(query);
        return query;
    }

    /** Judges a response to the query with this id: it must be a response, not truncated, NOERROR, with answers. */
    static Verdict judge(byte[] response, int id) {
        if (response.length < HEADER) {
            return new Failed(-1, "response shorter than a DNS header");
        }
        ByteBuffer in = ByteBuffer.wrap(response);
        int responseId = in.getShort() & 0xffff;
        int flags = in.getShort() & 0xffff;
        in.getShort();
        int answers = in.getShort() & 0xffff;
        if (responseId != id || (flags & FLAG_QR) == 0) {
            return new Failed(-1, "not the response to our query");
        }
        int rcode = flags & 0xf;
        if (rcode != 0) {
            return new Failed(rcode, "RCODE " + rcode);
        }
        if ((flags & FLAG_TC) != 0 && answers == 0) {
            return new Failed(-1, "truncated response without answers");
        }
        return answers == 0 ? new Failed(0, "no answer") : new Answered(answers);
    }
}
