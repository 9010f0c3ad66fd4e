package dev.fulcrum.proxy.http;

import io.netty.buffer.ByteBuf;
import io.netty.util.ByteProcessor;
import java.util.Arrays;

/**
 * Finds a message head in a buffer in one pass over its bytes, without copying or decoding them:
 * where each line starts and ends, and where the empty line that ends the head is. Lines end in
 * CRLF or a bare LF (RFC 9112 2.2); a CR followed by anything else is refused, empty lines before
 * the first line are skipped (RFC 9112 2.2), and HAProxy's limits apply as the bytes go by:
 * {@code tune.bufsize} for the whole head, {@code tune.http.maxhdr} for the header lines
 * (configuration.txt 3.2). One instance scans one buffer once.
 */
final class HeadLines implements ByteProcessor {

    private final int maxHeadBytes;
    private final int maxLines;
    private int position;
    private int lineStart;
    private boolean afterCr;
    private int count;
    private int[] bounds = new int[16];
    private int headLength = -1;
    private String error;

    private HeadLines(int maxHeadBytes, int maxHeaders) {
        this.maxHeadBytes = maxHeadBytes;
        this.maxLines = maxHeaders + 1;
    }

    /**
     * Scans the readable bytes of {@code in}; the result is {@linkplain #complete() complete} once
     * the head's empty line is there. Offsets are relative to the reader index.
     */
    static HeadLines scan(ByteBuf in, int maxHeadBytes, int maxHeaders) throws HttpParseException {
        HeadLines lines = new HeadLines(maxHeadBytes, maxHeaders);
        in.forEachByte(in.readerIndex(), in.readableBytes(), lines);
        if (lines.error != null) {
            throw new HttpParseException(lines.error);
        }
        return lines;
    }

    @Override
    public boolean process(byte b) {
        if (afterCr && b != '\n') {
            return fail("CR not followed by LF");
        }
        if (position >= maxHeadBytes) {
            return fail("head larger than " + maxHeadBytes + " bytes");
        }
        int at = position++;
        boolean crlf = afterCr;
        afterCr = b == '\r';
        if (b != '\n') {
            return true;
        }
        int lineEnd = crlf ? at - 1 : at;
        int start = lineStart;
        lineStart = at + 1;
        if (lineEnd == start) {
            if (count == 0) {
                return true; // an empty line before the first line
            }
            headLength = at + 1;
            return false;
        }
        if (count == maxLines) {
            return fail("more than " + (maxLines - 1) + " header lines");
        }
        if (2 * count + 2 > bounds.length) {
            bounds = Arrays.copyOf(bounds, bounds.length * 2);
        }
        bounds[2 * count] = start;
        bounds[2 * count + 1] = lineEnd;
        count++;
        return true;
    }

    private boolean fail(String reason) {
        error = reason;
        return false;
    }

    boolean complete() {
        return headLength >= 0;
    }

    /** Bytes from the reader index to just after the head's final LF. */
    int headLength() {
        return headLength;
    }

    /** Lines of the head, the start line included (skipped empty lines not counted). */
    int count() {
        return count;
    }

    int start(int line) {
        return bounds[2 * line];
    }

    /** Where the line's content ends, before its CRLF or LF. */
    int end(int line) {
        return bounds[2 * line + 1];
    }
}
