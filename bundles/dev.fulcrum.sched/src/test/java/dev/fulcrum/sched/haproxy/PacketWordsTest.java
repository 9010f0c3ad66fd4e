package dev.fulcrum.sched.haproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Reading packets eight bytes at a time gives what reading them byte by byte does. */
class PacketWordsTest {

    @Test
    void aWordIsTheNextEightBytesFirstMostSignificantWhateverTheBuffersOrder() {
        byte[] bytes = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        for (ByteBuffer packet : buffersOf(bytes)) {
            assertEquals(0x0102030405060708L, PacketWords.word(packet, 0, 10));
            assertEquals(0x0203040506070809L, PacketWords.word(packet, 1, 10));
            assertEquals(6, PacketWords.byteAt(PacketWords.word(packet, 1, 10), 4));
        }
    }

    @Test
    void bytesAtOrAfterTheEndOrTheLimitReadAsZero() {
        byte[] bytes = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        for (ByteBuffer packet : buffersOf(bytes)) {
            assertEquals(0x0102030000000000L, PacketWords.word(packet, 0, 3), "end inside the word");
            assertEquals(0x0708090a00000000L, PacketWords.word(packet, 6, 99), "the limit inside the word");
            assertEquals(0x0a00000000000000L, PacketWords.word(packet, 9, 10));
            assertEquals(0, PacketWords.word(packet, 10, 10));
            assertEquals(0, PacketWords.word(packet, 5, 4));
        }
        ByteBuffer tiny = ByteBuffer.wrap(new byte[] {(byte) 0xff, 2, 3});
        assertEquals(0xff02030000000000L, PacketWords.word(tiny, 0, 3), "a buffer shorter than a word");
    }

    @Test
    void indexOfFindsTheFirstMatchingByteWithoutFalseOnesBeforeIt() {
        SplittableRandom random = new SplittableRandom(11);
        // bytes around '\r' (0x0d), 0 and 0x80, where borrow or carry tricks go wrong
        int[] alphabet = {0x0d, 0x0c, 0x0e, 0x8d, 0x00, 0x01, 0x80, 0xff, 0x7f, 'a'};
        for (int round = 0; round < 20_000; round++) {
            long word = 0;
            int expected = 8;
            for (int i = 0; i < 8; i++) {
                int b = alphabet[random.nextInt(alphabet.length)];
                word = word << 8 | b;
                if (b == '\r' && expected == 8) {
                    expected = i;
                }
            }
            assertEquals(expected, PacketWords.indexOf(word, '\r'), Long.toHexString(word));
        }
    }

    @Test
    void theLatin1HashReadInWordsIsTheDecodedTextsHash() {
        byte[] text = "abcdefghijklmnopqrstuvw\u00e9\u00ff\r\n".getBytes(StandardCharsets.ISO_8859_1);
        for (ByteBuffer packet : buffersOf(text)) {
            for (int from = 0; from <= text.length; from++) {
                for (int to = from; to <= text.length; to++) {
                    String decoded = new String(text, from, to - from, StandardCharsets.ISO_8859_1);
                    assertEquals(Hashing.of(decoded), Hashing.ofLatin1(packet, from, to), decoded);
                }
            }
        }
    }

    /** The bytes in a heap, a read-only, a little-endian and a direct buffer. */
    private static ByteBuffer[] buffersOf(byte[] bytes) {
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        return new ByteBuffer[] {ByteBuffer.wrap(bytes), ByteBuffer.wrap(bytes).asReadOnlyBuffer(),
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN), direct};
    }
}
