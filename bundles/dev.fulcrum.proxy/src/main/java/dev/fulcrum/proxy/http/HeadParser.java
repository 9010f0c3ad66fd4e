package dev.fulcrum.proxy.http;

import dev.fulcrum.proxy.http.RequestHead.Body;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses HTTP/1.x message heads strictly, with HAProxy's default limits: the head must fit in
 * {@code tune.bufsize} (16384 bytes) and carry at most {@code tune.http.maxhdr} (101) header lines
 * (configuration.txt 3.2). Lines end in CRLF or a bare LF (RFC 9112 2.2 allows a recipient to
 * accept LF); a CR anywhere else, control characters, obs-fold, whitespace before the colon, and
 * ambiguous framing are refused (RFC 9112 5.1, 5.2, 6.1, 6.3; the request-smuggling cases).
 */
public final class HeadParser {

    public static final int DEFAULT_MAX_HEAD_BYTES = 16384;
    public static final int DEFAULT_MAX_HEADERS = 101;

    private final int maxHeadBytes;
    private final int maxHeaders;

    public HeadParser(int maxHeadBytes, int maxHeaders) {
        this.maxHeadBytes = maxHeadBytes;
        this.maxHeaders = maxHeaders;
    }

    public HeadParser() {
        this(DEFAULT_MAX_HEAD_BYTES, DEFAULT_MAX_HEADERS);
    }

    /** The request head at the buffer's reader index, consumed; empty while incomplete. */
    public Optional<RequestHead> parseRequest(ByteBuf in) throws HttpParseException {
        Optional<List<String>> lines = takeHead(in);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        String[] start = lines.get().get(0).split(" ", -1);
        if (start.length != 3) {
            throw new HttpParseException("request line is not 'method SP target SP version'");
        }
        String method = start[0];
        if (method.isEmpty() || !method.chars().allMatch(HeadParser::isTchar)) {
            throw new HttpParseException("invalid method");
        }
        String target = start[1];
        checkTarget(method, target);
        int minor = version(start[2]);
        Headers headers = headers(lines.get());
        Body body = requestBody(minor, headers);
        return Optional.of(new RequestHead(method, target, minor, singleContentLength(headers, body), body));
    }

    /**
     * The response head at the reader index, consumed; empty while incomplete.
     *
     * @param requestMethod the method it answers: HEAD responses have no body (RFC 9110 9.3.2)
     */
    public Optional<ResponseHead> parseResponse(ByteBuf in, String requestMethod) throws HttpParseException {
        Optional<List<String>> lines = takeHead(in);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        String line = lines.get().get(0);
        if (line.length() < 12 || line.charAt(8) != ' ' || (line.length() > 12 && line.charAt(12) != ' ')) {
            throw new HttpParseException("invalid status line");
        }
        int minor = version(line.substring(0, 8));
        int status;
        try {
            status = Integer.parseInt(line.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new HttpParseException("invalid status code");
        }
        if (status < 100 || status > 999 || !Character.isDigit(line.charAt(9))) {
            throw new HttpParseException("invalid status code");
        }
        String reason = line.length() > 13 ? line.substring(13) : "";
        Headers headers = headers(lines.get());
        return Optional.of(new ResponseHead(minor, status, reason, headers, responseBody(requestMethod, status, headers)));
    }

    /** Splits the head into lines once its empty line arrived, and consumes it. */
    private Optional<List<String>> takeHead(ByteBuf in) throws HttpParseException {
        int start = in.readerIndex();
        int end = in.writerIndex();
        List<String> lines = new ArrayList<>();
        int lineStart = start;
        for (int i = start; i < end; i++) {
            if (i - start >= maxHeadBytes) {
                throw new HttpParseException("head larger than " + maxHeadBytes + " bytes");
            }
            byte b = in.getByte(i);
            if (b == '\r' && (i + 1 >= end || in.getByte(i + 1) != '\n')) {
                if (i + 1 >= end) {
                    return Optional.empty();
                }
                throw new HttpParseException("CR not followed by LF");
            }
            if (b != '\n') {
                continue;
            }
            int lineEnd = i > lineStart && in.getByte(i - 1) == '\r' ? i - 1 : i;
            String line = in.toString(lineStart, lineEnd - lineStart, StandardCharsets.ISO_8859_1);
            lineStart = i + 1;
            if (line.isEmpty()) {
                if (lines.isEmpty()) {
                    // RFC 9112 2.2: empty lines before the request line are ignored.
                    continue;
                }
                in.readerIndex(i + 1);
                return Optional.of(lines);
            }
            lines.add(line);
            if (lines.size() > maxHeaders + 1) {
                throw new HttpParseException("more than " + maxHeaders + " header lines");
            }
        }
        return Optional.empty();
    }

    private static int version(String text) throws HttpParseException {
        return switch (text) {
            case "HTTP/1.1" -> 1;
            case "HTTP/1.0" -> 0;
            default -> throw new HttpParseException("unsupported version '" + text + "'");
        };
    }

    private static Headers headers(List<String> lines) throws HttpParseException {
        return fields(lines.subList(1, lines.size()));
    }

    /**
     * Field lines (RFC 9110 5), as in a head or a chunked trailer section (RFC 9112 7.1.2), each
     * non-empty and without its line end.
     */
    static Headers fields(List<String> lines) throws HttpParseException {
        List<Headers.Field> fields = new ArrayList<>();
        for (String line : lines) {
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                throw new HttpParseException("obsolete line folding");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new HttpParseException("header line without a name and colon");
            }
            String name = line.substring(0, colon);
            if (!name.chars().allMatch(HeadParser::isTchar)) {
                throw new HttpParseException("invalid header name '" + name + "'");
            }
            String value = line.substring(colon + 1).strip();
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 0x20 && c != '\t' || c == 0x7f) {
                    throw new HttpParseException("control character in header '" + name + "'");
                }
            }
            fields.add(new Headers.Field(name, value));
        }
        return new Headers(fields);
    }

    /** RFC 9112 6.1-6.3 for requests: both framings, a bad one, or one in HTTP/1.0 are refused. */
    private static Body requestBody(int minor, Headers headers) throws HttpParseException {
        List<String> transferEncodings = headers.all("Transfer-Encoding");
        List<String> lengths = headers.all("Content-Length");
        if (!transferEncodings.isEmpty()) {
            if (!lengths.isEmpty()) {
                throw new HttpParseException("both Content-Length and Transfer-Encoding");
            }
            if (minor == 0) {
                throw new HttpParseException("Transfer-Encoding in an HTTP/1.0 request");
            }
            checkChunkedLast(transferEncodings);
            return new RequestHead.Chunked();
        }
        if (!lengths.isEmpty()) {
            long length = contentLength(lengths);
            return length == 0 ? new RequestHead.NoBody() : new RequestHead.Length(length);
        }
        return new RequestHead.NoBody();
    }

    /**
     * Repeated or listed Content-Length values (all equal, else refused above) become one field with
     * the number, where the first one was: RFC 9110 8.6 lets a recipient accept such a list, and the
     * next hop must not see it (HAProxy merges them the same way).
     */
    private static Headers singleContentLength(Headers headers, Body body) {
        List<String> lengths = headers.all("Content-Length");
        if (lengths.isEmpty() || lengths.size() == 1 && !lengths.get(0).contains(",")) {
            return headers;
        }
        String length = body instanceof RequestHead.Length l ? Long.toString(l.bytes()) : "0";
        List<Headers.Field> fields = new ArrayList<>();
        boolean written = false;
        for (Headers.Field field : headers.fields()) {
            if (!field.name().equalsIgnoreCase("Content-Length")) {
                fields.add(field);
            } else if (!written) {
                fields.add(new Headers.Field(field.name(), length));
                written = true;
            }
        }
        return new Headers(fields);
    }

    /** RFC 9112 6.3 for responses: Transfer-Encoding wins over Content-Length, else read until close. */
    private static Body responseBody(String method, int status, Headers headers) throws HttpParseException {
        if (method.equals("HEAD") || status < 200 || status == 204 || status == 304) {
            return new RequestHead.NoBody();
        }
        List<String> transferEncodings = headers.all("Transfer-Encoding");
        if (!transferEncodings.isEmpty()) {
            checkChunkedLast(transferEncodings);
            return new RequestHead.Chunked();
        }
        List<String> lengths = headers.all("Content-Length");
        if (!lengths.isEmpty()) {
            long length = contentLength(lengths);
            return length == 0 ? new RequestHead.NoBody() : new RequestHead.Length(length);
        }
        return new RequestHead.UntilClose();
    }

    /** "chunked" must be the final coding and appear once (RFC 9112 6.1). */
    private static void checkChunkedLast(List<String> values) throws HttpParseException {
        List<String> codings = new ArrayList<>();
        for (String value : values) {
            for (String coding : value.split(",", -1)) {
                String token = coding.strip().toLowerCase(Locale.ROOT);
                if (token.isEmpty() || !token.chars().allMatch(HeadParser::isTchar)) {
                    throw new HttpParseException("invalid Transfer-Encoding '" + value + "'");
                }
                codings.add(token);
            }
        }
        if (!codings.get(codings.size() - 1).equals("chunked") || codings.indexOf("chunked") != codings.size() - 1) {
            throw new HttpParseException("Transfer-Encoding does not end with one 'chunked'");
        }
    }

    /** Repeated or listed values must all be the same number (RFC 9110 8.6). */
    private static long contentLength(List<String> values) throws HttpParseException {
        long length = -1;
        for (String value : values) {
            for (String item : value.split(",", -1)) {
                String digits = item.strip();
                if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
                    throw new HttpParseException("invalid Content-Length '" + value + "'");
                }
                long parsed = Long.parseLong(digits);
                if (length >= 0 && parsed != length) {
                    throw new HttpParseException("differing Content-Length values");
                }
                length = parsed;
            }
        }
        return length;
    }

    /**
     * Origin-form, absolute-form, or "*" for OPTIONS (RFC 9112 3.2); only the characters RFC 3986
     * allows in a URI (HAProxy refuses the others unless "option accept-invalid-http-request").
     * CONNECT (authority-form) is not proxied in this version.
     */
    private static void checkTarget(String method, String target) throws HttpParseException {
        if (target.isEmpty()) {
            throw new HttpParseException("empty request target");
        }
        if (method.equals("CONNECT")) {
            throw new HttpParseException("CONNECT is not supported");
        }
        boolean asterisk = target.equals("*") && method.equals("OPTIONS");
        String lower = target.toLowerCase(Locale.ROOT);
        boolean absolute = lower.startsWith("http://") || lower.startsWith("https://");
        if (!asterisk && !absolute && target.charAt(0) != '/') {
            throw new HttpParseException("invalid request target");
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 0x80) && "-._~:/?#[]@!$&'()*+,;=%".indexOf(c) < 0) {
                throw new HttpParseException("invalid character in request target");
            }
        }
    }

    /** RFC 9110 5.6.2 tchar. */
    static boolean isTchar(int c) {
        return c < 0x80 && (Character.isLetterOrDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0);
    }
}
