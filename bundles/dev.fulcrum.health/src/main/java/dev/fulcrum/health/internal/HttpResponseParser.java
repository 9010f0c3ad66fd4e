package dev.fulcrum.health.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Parses the bytes a server sent so far into a response (RFC 9112): the status line (section 4),
 * header fields (section 5), then a body delimited by Content-Length, the chunked transfer coding
 * (section 7.1) or the end of the connection (section 6.3 rule 8). Pure: call again with more bytes.
 */
final class HttpResponseParser {

    /** What the bytes amount to. */
    sealed interface Result {
    }

    /** More bytes are needed (or, at end of input, the response was cut short). */
    record Incomplete() implements Result {
    }

    record Complete(HttpResponse response) implements Result {
    }

    /** Not an HTTP response: HAProxy's "Layer7 invalid response" / keepalived's read error. */
    record Malformed(String reason) implements Result {
    }

    private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};

    private HttpResponseParser() {
    }

    /**
     * @param data all bytes received so far
     * @param eof  whether the server closed the connection
     */
    static Result parse(byte[] data, boolean eof) {
        int headerEnd = indexOf(data, HEADER_END, 0);
        if (headerEnd < 0) {
            if (data.length >= 5 && !startsWith(data, "HTTP/")) {
                return new Malformed("not an HTTP response");
            }
            return eof ? new Malformed("response ended before its headers") : new Incomplete();
        }
        String[] lines = new String(data, 0, headerEnd, StandardCharsets.ISO_8859_1).split("\r\n");
        String statusLine = lines[0];
        // status-line = HTTP-version SP status-code SP [ reason-phrase ]
        if (!statusLine.matches("HTTP/\\d\\.\\d \\d{3}( .*)?")) {
            return new Malformed("bad status line: " + printable(statusLine));
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        String reason = statusLine.length() > 13 ? statusLine.substring(13) : "";
        long contentLength = -1;
        boolean chunked = false;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                return new Malformed("bad header line: " + printable(lines[i]));
            }
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim();
            if (name.equals("content-length")) {
                if (!value.matches("\\d{1,18}")) {
                    return new Malformed("bad Content-Length: " + printable(value));
                }
                contentLength = Long.parseLong(value);
            } else if (name.equals("transfer-encoding")) {
                chunked = value.toLowerCase(Locale.ROOT).endsWith("chunked");
            }
        }
        int bodyStart = headerEnd + HEADER_END.length;
        if (status / 100 == 1 || status == 204 || status == 304) {
            return new Complete(new HttpResponse(status, reason, new byte[0]));
        }
        if (chunked) {
            return dechunk(data, bodyStart, status, reason, eof);
        }
        if (contentLength >= 0) {
            if (data.length - bodyStart >= contentLength) {
                byte[] body = Arrays.copyOfRange(data, bodyStart, bodyStart + (int) contentLength);
                return new Complete(new HttpResponse(status, reason, body));
            }
            return eof ? new Malformed("response ended before its Content-Length") : new Incomplete();
        }
        return eof ? new Complete(new HttpResponse(status, reason, Arrays.copyOfRange(data, bodyStart, data.length)))
                : new Incomplete();
    }

    /** RFC 9112 section 7.1: chunk-size [ext] CRLF data CRLF ... 0 CRLF [trailers] CRLF. */
    private static Result dechunk(byte[] data, int from, int status, String reason, boolean eof) {
        byte[] body = new byte[0];
        int at = from;
        while (true) {
            int lineEnd = indexOf(data, new byte[] {'\r', '\n'}, at);
            if (lineEnd < 0) {
                return eof ? new Malformed("response ended inside a chunk") : new Incomplete();
            }
            String sizeText = new String(data, at, lineEnd - at, StandardCharsets.ISO_8859_1);
            int semicolon = sizeText.indexOf(';');
            sizeText = (semicolon < 0 ? sizeText : sizeText.substring(0, semicolon)).trim();
            if (!sizeText.matches("[0-9a-fA-F]{1,7}")) {
                return new Malformed("bad chunk size: " + printable(sizeText));
            }
            int size = Integer.parseInt(sizeText, 16);
            int dataStart = lineEnd + 2;
            if (size == 0) {
                return new Complete(new HttpResponse(status, reason, body));
            }
            if (data.length < dataStart + size + 2) {
                return eof ? new Malformed("response ended inside a chunk") : new Incomplete();
            }
            byte[] grown = Arrays.copyOf(body, body.length + size);
            System.arraycopy(data, dataStart, grown, body.length, size);
            body = grown;
            at = dataStart + size + 2;
        }
    }

    private static boolean startsWith(byte[] data, String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            if (data[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] data, byte[] needle, int from) {
        outer:
        for (int i = from; i <= data.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Bytes from the wire in an error message: control characters escaped, length bounded. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (out.length() >= 60) {
                return out + "...";
            }
            out.append(c < 0x20 || c > 0x7e ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
