package dev.fulcrum.proxy.http;

import dev.fulcrum.proxy.http.RequestHead.Body;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes one message body off the wire as it arrives, never holding it whole: content-length
 * bodies are cut at their length, chunked bodies (RFC 9112 7.1) are de-chunked with strict
 * chunk-size lines (hex digits, optional extensions, CRLF or LF) and their trailer fields kept for
 * the next hop (RFC 9112 7.1.2; checked like header fields, at most {@value #MAX_TRAILER_FIELDS}),
 * and until-close bodies pass through. The caller re-frames the content for the next hop.
 */
public final class BodyDecoder {

    /** 15 hex digits keep the size a positive long; the line itself is bounded too. */
    private static final int MAX_SIZE_DIGITS = 15;
    private static final int MAX_LINE = 4096;
    private static final int MAX_TRAILER_FIELDS = 100;

    private enum State { SIZE, DATA, DATA_END, TRAILER, DONE }

    private final Body kind;
    private State state;
    private long remaining;
    private final List<String> trailerLines = new ArrayList<>();
    private Headers trailers = new Headers(List.of());

    public BodyDecoder(Body kind) {
        this.kind = kind;
        if (kind instanceof RequestHead.Length length) {
            remaining = length.bytes();
            state = State.DATA;
        } else if (kind instanceof RequestHead.Chunked) {
            state = State.SIZE;
        } else if (kind instanceof RequestHead.UntilClose) {
            state = State.DATA;
            remaining = Long.MAX_VALUE;
        } else {
            state = State.DONE;
        }
    }

    /** The trailer fields of a chunked body, once it is complete; none for other bodies. */
    public Headers trailers() {
        return trailers;
    }

    public boolean untilClose() {
        return kind instanceof RequestHead.UntilClose;
    }

    /**
     * Consumes what it can of {@code in}, adding retained content slices to {@code out}.
     *
     * @return whether the body is complete (the rest of {@code in} belongs to the next message)
     */
    public boolean decode(ByteBuf in, List<ByteBuf> out) throws HttpParseException {
        while (state != State.DONE && in.isReadable()) {
            switch (state) {
                case DATA -> {
                    int take = (int) Math.min(remaining, in.readableBytes());
                    out.add(in.readRetainedSlice(take));
                    if (!(kind instanceof RequestHead.UntilClose)) {
                        remaining -= take;
                    }
                    if (remaining == 0) {
                        state = kind instanceof RequestHead.Chunked ? State.DATA_END : State.DONE;
                    }
                }
                case SIZE -> {
                    String line = line(in);
                    if (line == null) {
                        return false;
                    }
                    remaining = chunkSize(line);
                    state = remaining == 0 ? State.TRAILER : State.DATA;
                }
                case DATA_END -> {
                    byte next = in.getByte(in.readerIndex());
                    if (next != '\r' && next != '\n') {
                        throw new HttpParseException("chunk data not followed by CRLF");
                    }
                    String line = line(in);
                    if (line == null) {
                        return false;
                    }
                    if (!line.isEmpty()) {
                        throw new HttpParseException("chunk data not followed by CRLF");
                    }
                    state = State.SIZE;
                }
                case TRAILER -> {
                    String line = line(in);
                    if (line == null) {
                        return false;
                    }
                    if (line.isEmpty()) {
                        trailers = HeadParser.fields(trailerLines);
                        state = State.DONE;
                    } else if (trailerLines.size() == MAX_TRAILER_FIELDS) {
                        throw new HttpParseException("more than " + MAX_TRAILER_FIELDS + " trailer fields");
                    } else {
                        trailerLines.add(line);
                    }
                }
                default -> throw new IllegalStateException(state.name());
            }
        }
        return state == State.DONE;
    }

    /** One line without its CRLF or LF, consumed; null while incomplete. */
    private static String line(ByteBuf in) throws HttpParseException {
        int start = in.readerIndex();
        int end = Math.min(in.writerIndex(), start + MAX_LINE);
        for (int i = start; i < end; i++) {
            byte b = in.getByte(i);
            if (b == '\r') {
                if (i + 1 == in.writerIndex()) {
                    return null;
                }
                if (in.getByte(i + 1) != '\n') {
                    throw new HttpParseException("CR not followed by LF in chunked framing");
                }
                String text = in.toString(start, i - start, StandardCharsets.ISO_8859_1);
                in.readerIndex(i + 2);
                return text;
            }
            if (b == '\n') {
                String text = in.toString(start, i - start, StandardCharsets.ISO_8859_1);
                in.readerIndex(i + 1);
                return text;
            }
        }
        if (end - start >= MAX_LINE) {
            throw new HttpParseException("chunked framing line longer than " + MAX_LINE + " bytes");
        }
        return null;
    }

    private static long chunkSize(String line) throws HttpParseException {
        int digits = 0;
        long size = 0;
        while (digits < line.length() && Character.digit(line.charAt(digits), 16) >= 0 && line.charAt(digits) < 0x80) {
            size = size * 16 + Character.digit(line.charAt(digits), 16);
            digits++;
            if (digits > MAX_SIZE_DIGITS) {
                throw new HttpParseException("chunk size too large");
            }
        }
        if (digits == 0) {
            throw new HttpParseException("invalid chunk size '" + line + "'");
        }
        String rest = line.substring(digits).stripLeading();
        if (!rest.isEmpty() && rest.charAt(0) != ';') {
            throw new HttpParseException("invalid chunk size '" + line + "'");
        }
        return size;
    }
}
