package dev.fulcrum.proxy.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.zip.CRC32;

/**
 * A large message body made up while it is written, never held in memory: blocks of one random
 * pattern, each stamped with its index, so that a lost, repeated or reordered block changes the
 * checksum and not only a flipped byte. The block size is prime, so the chunks it is sent in never
 * line up with the 64 KiB reads of the proxy or of the reader.
 */
public final class GeneratedBody {

    static final int BLOCK = 65521;

    private final long size;
    private final byte[] block = new byte[BLOCK];

    /** @param seed chooses the pattern (the same seed, the same body) */
    public GeneratedBody(long size, long seed) {
        this.size = size;
        new SplittableRandom(seed).nextBytes(block);
    }

    public long size() {
        return size;
    }

    /**
     * Writes the content as chunks of one block (the last one shorter), then the last chunk
     * without trailers (RFC 9112 7.1).
     *
     * @return the CRC-32 of the content written
     */
    public long writeChunked(OutputStream out) throws IOException {
        CRC32 checksum = new CRC32();
        long index = 0;
        for (long left = size; left > 0; left -= BLOCK, index++) {
            int length = (int) Math.min(BLOCK, left);
            stamp(index);
            checksum.update(block, 0, length);
            out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(block, 0, length);
            out.write('\r');
            out.write('\n');
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return checksum.getValue();
    }

    private void stamp(long index) {
        for (int i = 0; i < Long.BYTES; i++) {
            block[i] = (byte) (index >>> (8 * i));
        }
    }

    /** A sink that only keeps the CRC-32 and the count of what passes through it. */
    public static final class Checksum extends OutputStream {
        private final CRC32 crc = new CRC32();
        private long count;

        @Override
        public void write(int b) {
            crc.update(b);
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            crc.update(bytes, offset, length);
            count += length;
        }

        public long value() {
            return crc.getValue();
        }

        public long count() {
            return count;
        }
    }
}
