package dev.fulcrum.config.store;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * The bytes of a revision file, pure (no I/O). Version 1 is a text header, an empty line, the payload:
 *
 * <pre>
 * fulcrum-revision 1
 * number 42
 * created 2026-11-24T20:08:31.123Z
 * media-type application/json
 * comment rollback of the weight change\nby admin     (\\, \n and \r escaped: one line)
 * payload-bytes 1234
 * payload-sha256 9f86d081884c7d65...                    (64 hex digits)
 * header-crc32 1a2b3c4d                                  (over every header byte above this line)
 *
 * {"payload": ...}
 * </pre>
 *
 * The header is text so an admin can read a revision with {@code less}. The SHA-256 identifies the
 * payload; the CRC32 catches damage in the header itself (a flipped digit in the number or the
 * time), which the payload digest alone would not. Decoding is strict: any deviation is a
 * {@link RevisionFormatException}, never a best guess.
 */
final class RevisionCodec {

    static final String MAGIC = "fulcrum-revision 1";
    private static final String[] KEYS = {
        "number", "created", "media-type", "comment", "payload-bytes", "payload-sha256", "header-crc32"
    };
    private static final byte[] HEADER_END = {'\n', '\n'};
    private static final HexFormat HEX = HexFormat.of();

    private RevisionCodec() {
    }

    /** A revision with its digest computed; rejects text that has no UTF-8 form (lone surrogates). */
    static Revision newRevision(long number, Instant created, String comment, RevisionContent content) {
        byte[] payload = utf8(content.text());
        RevisionHeader header = new RevisionHeader(number, created, comment, content.mediaType(),
                payload.length, sha256Hex(payload));
        return new Revision(header, content);
    }

    static byte[] encode(Revision revision) {
        RevisionHeader header = revision.header();
        String lines = MAGIC + "\n"
                + KEYS[0] + " " + header.number() + "\n"
                + KEYS[1] + " " + header.created() + "\n"
                + KEYS[2] + " " + header.mediaType() + "\n"
                + KEYS[3] + " " + escape(header.comment()) + "\n"
                + KEYS[4] + " " + header.payloadBytes() + "\n"
                + KEYS[5] + " " + header.payloadSha256() + "\n";
        byte[] covered = utf8(lines);
        byte[] crcLine = utf8(KEYS[6] + " " + crc32Hex(covered, covered.length) + "\n\n");
        byte[] payload = utf8(revision.content().text());
        return ByteBuffer.allocate(covered.length + crcLine.length + payload.length)
                .put(covered).put(crcLine).put(payload).array();
    }

    static Revision decode(byte[] file) throws RevisionFormatException {
        int headerEnd = indexOf(file, HEADER_END);
        if (headerEnd < 0) {
            throw new RevisionFormatException("no end of header (empty line) found in " + file.length + " bytes");
        }
        String[] lines = strictUtf8(file, 0, headerEnd).split("\n", -1);
        if (lines.length != KEYS.length + 1 || !lines[0].equals(MAGIC)) {
            throw new RevisionFormatException("header does not start with '" + MAGIC + "' or has "
                    + lines.length + " lines instead of " + (KEYS.length + 1));
        }
        String[] values = new String[KEYS.length];
        for (int i = 0; i < KEYS.length; i++) {
            String prefix = KEYS[i] + " ";
            if (!lines[i + 1].startsWith(prefix)) {
                throw new RevisionFormatException("header line " + (i + 2) + " should start with '" + prefix + "'");
            }
            values[i] = lines[i + 1].substring(prefix.length());
        }
        int crcCovered = headerEnd - lines[KEYS.length].getBytes(StandardCharsets.UTF_8).length;
        if (!crc32Hex(file, crcCovered).equals(values[6])) {
            throw new RevisionFormatException("header CRC32 mismatch (header damaged)");
        }
        int payloadStart = headerEnd + HEADER_END.length;
        long length = parseLong("payload-bytes", values[4]);
        if (length != file.length - payloadStart) {
            throw new RevisionFormatException("payload is " + (file.length - payloadStart)
                    + " bytes, header says " + length + " (truncated or extended)");
        }
        byte[] payload = Arrays.copyOfRange(file, payloadStart, file.length);
        if (!sha256Hex(payload).equals(values[5])) {
            throw new RevisionFormatException("payload SHA-256 mismatch (payload damaged)");
        }
        try {
            RevisionHeader header = new RevisionHeader(parseLong("number", values[0]), Instant.parse(values[1]),
                    unescape(values[3]), values[2], length, values[5]);
            return new Revision(header, new RevisionContent(values[2], strictUtf8(payload, 0, payload.length)));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new RevisionFormatException("invalid header value: " + e.getMessage());
        }
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    private static String crc32Hex(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return String.format("%08x", crc.getValue());
    }

    private static long parseLong(String key, String value) throws RevisionFormatException {
        if (!value.matches("0|[1-9][0-9]{0,17}")) {
            throw new RevisionFormatException(key + " '" + value + "' is not a decimal number");
        }
        return Long.parseLong(value);
    }

    static String escape(String comment) {
        return comment.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    static String unescape(String escaped) throws RevisionFormatException {
        StringBuilder out = new StringBuilder(escaped.length());
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = ++i < escaped.length() ? escaped.charAt(i) : 0;
            switch (next) {
                case '\\' -> out.append('\\');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                default -> throw new RevisionFormatException("bad escape in comment at character " + i);
            }
        }
        return out.toString();
    }

    private static byte[] utf8(String text) {
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("text has no UTF-8 form (unpaired surrogate): " + e.getMessage(), e);
        }
    }

    private static String strictUtf8(byte[] bytes, int from, int to) throws RevisionFormatException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            throw new RevisionFormatException("not valid UTF-8: " + e.getMessage());
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
