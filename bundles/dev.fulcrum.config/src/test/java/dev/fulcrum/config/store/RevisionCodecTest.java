package dev.fulcrum.config.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RevisionCodecTest {

    private static final Instant AT = Instant.parse("2026-11-24T20:08:31.123456789Z");
    private static final RevisionContent JSON = RevisionContent.json("{\"vs\":[]}\n");

    @Test
    void encodesAReadableHeaderAnEmptyLineAndThePayload() {
        Revision revision = RevisionCodec.newRevision(42, AT, "drain web1\nby ops", JSON);
        String file = new String(RevisionCodec.encode(revision), StandardCharsets.UTF_8);
        String sha = RevisionCodec.sha256Hex("{\"vs\":[]}\n".getBytes(StandardCharsets.UTF_8));
        String covered = "fulcrum-revision 1\n"
                + "number 42\n"
                + "created 2026-11-24T20:08:31.123456789Z\n"
                + "media-type application/json\n"
                + "comment drain web1\\nby ops\n"
                + "payload-bytes 10\n"
                + "payload-sha256 " + sha + "\n";
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(covered.getBytes(StandardCharsets.UTF_8));
        assertEquals(covered + "header-crc32 " + String.format("%08x", crc.getValue()) + "\n\n{\"vs\":[]}\n", file);
    }

    @Test
    void sha256IsTheWellKnownDigest() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                RevisionCodec.sha256Hex("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void decodeRestoresEveryField() throws RevisionFormatException {
        Revision revision = RevisionCodec.newRevision(7, AT, "back\\slash, CR\r, café ✓", new RevisionContent(
                "text/x-keepalived", "vrrp_instance VI_1 {\n  state MASTER\n}\n\n\n"));
        Revision decoded = RevisionCodec.decode(RevisionCodec.encode(revision));
        assertEquals(revision, decoded);
        assertEquals(7, decoded.number());
        assertEquals("back\\slash, CR\r, café ✓", decoded.header().comment());
        assertEquals(AT, decoded.header().created());
    }

    @Test
    void emptyPayloadAndEmptyCommentRoundTrip() throws RevisionFormatException {
        Revision revision = RevisionCodec.newRevision(1, AT, "", RevisionContent.json(""));
        assertEquals(revision, RevisionCodec.decode(RevisionCodec.encode(revision)));
        assertEquals(0, revision.header().payloadBytes());
    }

    @Test
    void everySingleFlippedBitIsDetected() {
        byte[] good = RevisionCodec.encode(RevisionCodec.newRevision(3, AT, "c", JSON));
        for (int i = 0; i < good.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] bad = good.clone();
                bad[i] ^= (byte) (1 << bit);
                int at = i;
                assertThrows(RevisionFormatException.class, () -> RevisionCodec.decode(bad),
                        () -> "flipping bit of byte " + at + " went unnoticed");
            }
        }
    }

    @Test
    void everyTruncationAndAnAppendedByteAreDetected() {
        byte[] good = RevisionCodec.encode(RevisionCodec.newRevision(3, AT, "c", JSON));
        for (int length = 0; length < good.length; length++) {
            byte[] cut = Arrays.copyOf(good, length);
            assertThrows(RevisionFormatException.class, () -> RevisionCodec.decode(cut), "cut at " + length);
        }
        byte[] longer = Arrays.copyOf(good, good.length + 1);
        RevisionFormatException e = assertThrows(RevisionFormatException.class, () -> RevisionCodec.decode(longer));
        assertTrue(e.getMessage().contains("header says 10"), e.getMessage());
    }

    @Test
    void aFileOfAnotherKindIsRejectedWithAReason() {
        RevisionFormatException e = assertThrows(RevisionFormatException.class,
                () -> RevisionCodec.decode("global_defs {\n}\n\nvrrp_instance\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("fulcrum-revision 1"), e.getMessage());
    }

    @Test
    void textWithoutAUtf8FormIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RevisionCodec.newRevision(1, AT, "", RevisionContent.json("half \uD800 pair")));
        assertTrue(e.getMessage().contains("surrogate"), e.getMessage());
    }

    @Test
    void commentEscapesRoundTripAndBadEscapesAreRejected() throws RevisionFormatException {
        String comment = "a\\n is not a newline\nbut this is\r\\";
        assertEquals(comment, RevisionCodec.unescape(RevisionCodec.escape(comment)));
        assertTrue(RevisionCodec.escape(comment).indexOf('\n') < 0);
        assertThrows(RevisionFormatException.class, () -> RevisionCodec.unescape("bad \\t"));
        assertThrows(RevisionFormatException.class, () -> RevisionCodec.unescape("dangling \\"));
    }

    @Test
    void encodeIsDeterministic() {
        Revision revision = RevisionCodec.newRevision(9, AT, "x", JSON);
        assertArrayEquals(RevisionCodec.encode(revision), RevisionCodec.encode(revision));
    }
}
