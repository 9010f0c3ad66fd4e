package dev.fulcrum.proxy.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Writes heads and chunk framing for the next hop in one canonical form (CRLF line ends, "name:
 * value" lines), so that what the proxy forwards never carries the leniencies it accepted.
 */
public final class HeadWriter {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private HeadWriter() {
    }

    public static ByteBuf request(ByteBufAllocator alloc, String method, String target, int minor, Headers headers) {
        return write(alloc, method + " " + target + " HTTP/1." + minor, headers);
    }

    public static ByteBuf response(ByteBufAllocator alloc, ResponseHead head, Headers headers) {
        return write(alloc, "HTTP/1." + head.minorVersion() + " " + head.status() + " " + head.reason(), headers);
    }

    private static ByteBuf write(ByteBufAllocator alloc, String startLine, Headers headers) {
        ByteBuf out = alloc.buffer(256);
        ByteBufUtil.writeAscii(out, startLine);
        out.writeBytes(CRLF);
        for (Headers.Field field : headers.fields()) {
            out.writeCharSequence(field.name(), StandardCharsets.ISO_8859_1);
            out.writeByte(':').writeByte(' ');
            out.writeCharSequence(field.value(), StandardCharsets.ISO_8859_1);
            out.writeBytes(CRLF);
        }
        out.writeBytes(CRLF);
        return out;
    }

    /**
     * One chunk around the content (RFC 9112 7.1); the content buffer becomes part of the result. The
     * size in upper-case hex, as HAProxy writes it, so that servers see the same bytes from either.
     */
    public static ByteBuf chunk(ByteBufAllocator alloc, ByteBuf content) {
        ByteBuf size = alloc.buffer(20);
        ByteBufUtil.writeAscii(size, Integer.toHexString(content.readableBytes()).toUpperCase(Locale.ROOT));
        size.writeBytes(CRLF);
        return alloc.compositeBuffer(3).addComponents(true, size, content, alloc.buffer(2).writeBytes(CRLF));
    }

    public static ByteBuf lastChunk(ByteBufAllocator alloc) {
        return alloc.buffer(LAST_CHUNK.length).writeBytes(LAST_CHUNK);
    }

    /** The last chunk followed by the trailer section (RFC 9112 7.1.2), in the canonical form. */
    public static ByteBuf lastChunk(ByteBufAllocator alloc, Headers trailers) {
        return trailers.fields().isEmpty() ? lastChunk(alloc) : write(alloc, "0", trailers);
    }
}
