package dev.fulcrum.demo;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Finds where one HTTP/1.x request ends in the bytes received so far (RFC 9112 section 2.1: a
 * head ending with an empty line, then a body of Content-Length bytes, section 6.3). The demo
 * backends only need to answer wrk, curl and the proxy's health checks, so a chunked request
 * body is refused rather than decoded.
 */
final class RequestFramer {

    /** HAProxy's default tune.bufsize: a longer head is refused. */
    static final int MAX_HEAD = 16_384;

    /** One complete request: its total length and whether the client asked to close afterwards. */
    record Request(int length, boolean close) {
    }

    /** Thrown for a request the demo will not answer; the connection gets a 400 and closes. */
    static final class BadRequest extends Exception {
        BadRequest(String reason) {
            super(reason);
        }
    }

    private RequestFramer() {
    }

    /** @return the first complete request in {@code in} (not consumed), or null when more bytes are needed */
    static Request next(ByteBuf in) throws BadRequest {
        int start = in.readerIndex();
        int end = headEnd(in, start, Math.min(in.writerIndex(), start + MAX_HEAD));
        if (end < 0) {
            if (in.readableBytes() >= MAX_HEAD) {
                throw new BadRequest("request head longer than " + MAX_HEAD + " bytes");
            }
            return null;
        }
        String head = in.toString(start, end - start, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r\n");
        boolean http10 = lines[0].endsWith(" HTTP/1.0");
        if (!http10 && !lines[0].endsWith(" HTTP/1.1")) {
            throw new BadRequest("not an HTTP/1.x request line");
        }
        long bodyLength = 0;
        Boolean keepAlive = null;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                throw new BadRequest("header line without a name");
            }
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> bodyLength = contentLength(value);
                case "transfer-encoding" -> throw new BadRequest("chunked request bodies are not supported");
                case "connection" -> keepAlive = value.contains("keep-alive") ? Boolean.TRUE
                        : value.contains("close") ? Boolean.FALSE : keepAlive;
                default -> { }
            }
        }
        long total = end - start + bodyLength;
        if (total > Integer.MAX_VALUE - MAX_HEAD) {
            throw new BadRequest("request body too long");
        }
        if (in.readableBytes() < total) {
            return null;
        }
        // RFC 9112 section 9.3: HTTP/1.1 persists unless "close"; HTTP/1.0 only with "keep-alive"
        boolean close = keepAlive == null ? http10 : !keepAlive;
        return new Request((int) total, close);
    }

    /** @return the index just after the empty line ending the head, or -1 */
    private static int headEnd(ByteBuf in, int from, int to) {
        for (int i = from; i + 3 < to; i++) {
            if (in.getByte(i) == '\r' && in.getByte(i + 1) == '\n' && in.getByte(i + 2) == '\r' && in.getByte(i + 3) == '\n') {
                return i + 4;
            }
        }
        return -1;
    }

    private static long contentLength(String value) throws BadRequest {
        if (value.isEmpty() || value.length() > 12 || !value.chars().allMatch(Character::isDigit)) {
            throw new BadRequest("invalid Content-Length");
        }
        return Long.parseLong(value);
    }
}
