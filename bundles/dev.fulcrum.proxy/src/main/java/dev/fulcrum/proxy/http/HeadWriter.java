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
    private static final byte[] HTTP_1_ = "HTTP/1.".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private HeadWriter() {
    }

    public static ByteBuf request(ByteBufAllocator alloc, String method, String target, int minor, Headers headers) {
        ByteBuf out = alloc.buffer(method.length() + target.length() + 10 + size(headers));
        ByteBufUtil.writeAscii(out, method);
        out.writeByte(' ');
        out.writeCharSequence(target, StandardCharsets.ISO_8859_1);
        out.writeByte(' ').writeBytes(HTTP_1_).writeByte('0' + minor);
        return writeFields(out, headers);
    }

    public static ByteBuf response(ByteBufAllocator alloc, ResponseHead head, Headers headers) {
        String reason = head.reason();
        ByteBuf out = alloc.buffer(13 + reason.length() + size(headers));
        out.writeBytes(HTTP_1_).writeByte('0' + head.minorVersion()).writeByte(' ');
        int status = head.status();
        out.writeByte('0' + status / 100).writeByte('0' + status / 10 % 10).writeByte('0' + status % 10).writeByte(' ');
        out.writeCharSequence(reason, StandardCharsets.ISO_8859_1);
        return writeFields(out, headers);
    }

    /** The start line's CRLF, the header lines and the empty line: the exact size of what follows the start line. */
    private static int size(Headers headers) {
        int size = 4;
        for (Headers.Field field : headers.fields()) {
            size += field.name().length() + 2 + field.value().length() + 2;
        }
        return size;
    }

    private static ByteBuf writeFields(ByteBuf out, Headers headers) {
        out.writeBytes(CRLF);
        for (Headers.Field field : headers.fields()) {
            out.writeCharSequence(field.name(), StandardCharsets.ISO_8859_1);
            out.writeByte(':').writeByte(' ');
            out.writeCharSequence(field.value(), StandardCharsets.ISO_8859_1);
            out.writeBytes(CRLF);
        }
        return out.writeBytes(CRLF);
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
        if (trailers.fields().isEmpty()) {
            return lastChunk(alloc);
        }
        return writeFields(alloc.buffer(1 + size(trailers)).writeByte('0'), trailers);
    }
}
