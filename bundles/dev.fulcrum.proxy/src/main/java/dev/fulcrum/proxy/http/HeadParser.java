package dev.fulcrum.proxy.http;

import dev.fulcrum.proxy.http.RequestHead.Body;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    /** RFC 9110 5.6.2 tchar. */
    private static final String TCHARS = ALPHANUMERIC + "!#$%&'*+-.^_`|~";
    /** RFC 3986 2.2, 2.3: unreserved, reserved, and '%' of percent-encodings. */
    private static final String URI_CHARS = ALPHANUMERIC + "-._~:/?#[]@!$&'()*+,;=%";
    private static final long TCHAR_LOW = mask(TCHARS)[0];
    private static final long TCHAR_HIGH = mask(TCHARS)[1];
    private static final long URI_LOW = mask(URI_CHARS)[0];
    private static final long URI_HIGH = mask(URI_CHARS)[1];
    private static final byte[] HTTP_1_ = "HTTP/1.".getBytes(StandardCharsets.US_ASCII);

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
        HeadLines lines = HeadLines.scan(in, maxHeadBytes, maxHeaders);
        if (!lines.complete()) {
            return Optional.empty();
        }
        byte[] head = take(in, lines);
        int from = lines.start(0);
        int to = lines.end(0);
        int space = indexOf(head, from, to, ' ');
        int secondSpace = space < 0 ? -1 : indexOf(head, space + 1, to, ' ');
        if (secondSpace < 0 || indexOf(head, secondSpace + 1, to, ' ') >= 0) {
            throw new HttpParseException("request line is not 'method SP target SP version'");
        }
        if (space == from || !allTchars(head, from, space)) {
            throw new HttpParseException("invalid method");
        }
        String method = latin1(head, from, space);
        String target = latin1(head, space + 1, secondSpace);
        checkTarget(method, target);
        int minor = version(head, secondSpace + 1, to);
        Headers headers = headers(head, lines);
        Body body = requestBody(minor, headers);
        return Optional.of(new RequestHead(method, target, minor, singleContentLength(headers, body), body));
    }

    /**
     * The response head at the reader index, consumed; empty while incomplete.
     *
     * @param requestMethod the method it answers: HEAD responses have no body (RFC 9110 9.3.2)
     */
    public Optional<ResponseHead> parseResponse(ByteBuf in, String requestMethod) throws HttpParseException {
        HeadLines lines = HeadLines.scan(in, maxHeadBytes, maxHeaders);
        if (!lines.complete()) {
            return Optional.empty();
        }
        byte[] head = take(in, lines);
        int from = lines.start(0);
        int length = lines.end(0) - from;
        // "HTTP/1.x SP 3DIGIT SP reason" (RFC 9112 4); the SP before an empty reason may be missing.
        if (length < 12 || head[from + 8] != ' ' || (length > 12 && head[from + 12] != ' ')) {
            throw new HttpParseException("invalid status line");
        }
        int minor = version(head, from, from + 8);
        int status = 0;
        for (int i = from + 9; i < from + 12; i++) {
            if (head[i] < '0' || head[i] > '9') {
                throw new HttpParseException("invalid status code");
            }
            status = status * 10 + head[i] - '0';
        }
        if (status < 100) {
            throw new HttpParseException("invalid status code");
        }
        String reason = length > 13 ? latin1(head, from + 13, from + length) : "";
        Headers headers = headers(head, lines);
        return Optional.of(new ResponseHead(minor, status, reason, headers, responseBody(requestMethod, status, headers)));
    }

    /** Copies the complete head out of the buffer (one copy, then plain array reads) and consumes it. */
    private static byte[] take(ByteBuf in, HeadLines lines) {
        byte[] head = new byte[lines.headLength()];
        in.readBytes(head);
        return head;
    }

    private static int version(byte[] head, int from, int to) throws HttpParseException {
        if (to - from == 8 && startsWith(head, from, HTTP_1_)) {
            if (head[from + 7] == '1') {
                return 1;
            }
            if (head[from + 7] == '0') {
                return 0;
            }
        }
        throw new HttpParseException("unsupported version '" + latin1(head, from, to) + "'");
    }

    /** The header lines after the start line, each checked (RFC 9112 5.1, 5.2; RFC 9110 5.5). */
    private static Headers headers(byte[] head, HeadLines lines) throws HttpParseException {
        List<Headers.Field> fields = new ArrayList<>(lines.count() - 1);
        for (int line = 1; line < lines.count(); line++) {
            fields.add(field(head, lines.start(line), lines.end(line)));
        }
        return Headers.adopt(fields);
    }

    /**
     * Field lines of a chunked trailer section (RFC 9112 7.1.2), each non-empty and without its line
     * end, checked like header lines. Trailers are rare, so they go through a copy to bytes.
     */
    static Headers fields(List<String> lines) throws HttpParseException {
        List<Headers.Field> fields = new ArrayList<>(lines.size());
        for (String line : lines) {
            byte[] bytes = line.getBytes(StandardCharsets.ISO_8859_1);
            fields.add(field(bytes, 0, bytes.length));
        }
        return Headers.adopt(fields);
    }

    /** One field line {@code head[from, to)}: RFC 9112 5.1, 5.2 (no obs-fold), RFC 9110 5.5. */
    private static Headers.Field field(byte[] head, int from, int to) throws HttpParseException {
        if (head[from] == ' ' || head[from] == '\t') {
            throw new HttpParseException("obsolete line folding");
        }
        int colon = indexOf(head, from, to, ':');
        if (colon <= from) {
            throw new HttpParseException("header line without a name and colon");
        }
        String name = latin1(head, from, colon);
        if (!allTchars(head, from, colon)) {
            throw new HttpParseException("invalid header name '" + name + "'");
        }
        int valueFrom = colon + 1;
        int valueTo = to;
        while (valueFrom < valueTo && Character.isWhitespace(head[valueFrom] & 0xff)) {
            valueFrom++;
        }
        while (valueTo > valueFrom && Character.isWhitespace(head[valueTo - 1] & 0xff)) {
            valueTo--;
        }
        for (int i = valueFrom; i < valueTo; i++) {
            int c = head[i] & 0xff;
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                throw new HttpParseException("control character in header '" + name + "'");
            }
        }
        return new Headers.Field(name, latin1(head, valueFrom, valueTo));
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
            int start = 0;
            while (start <= value.length()) {
                int comma = value.indexOf(',', start);
                int end = comma < 0 ? value.length() : comma;
                long parsed = digits(value, start, end);
                if (parsed < 0) {
                    throw new HttpParseException("invalid Content-Length '" + value + "'");
                }
                if (length >= 0 && parsed != length) {
                    throw new HttpParseException("differing Content-Length values");
                }
                length = parsed;
                start = end + 1;
            }
        }
        return length;
    }

    /** The decimal number between the bounds, whitespace around it ignored; -1 if not 1 to 18 digits. */
    private static long digits(String text, int from, int to) {
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        if (to == from || to - from > 18) {
            return -1;
        }
        long number = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            number = number * 10 + c - '0';
        }
        return number;
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
        boolean absolute = target.regionMatches(true, 0, "http://", 0, 7) || target.regionMatches(true, 0, "https://", 0, 8);
        if (!asterisk && !absolute && target.charAt(0) != '/') {
            throw new HttpParseException("invalid request target");
        }
        for (int i = 0; i < target.length(); i++) {
            if (!inSet(target.charAt(i), URI_LOW, URI_HIGH)) {
                throw new HttpParseException("invalid character in request target");
            }
        }
    }

    /** RFC 9110 5.6.2 tchar. */
    static boolean isTchar(int c) {
        return inSet(c, TCHAR_LOW, TCHAR_HIGH);
    }

    private static boolean allTchars(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isTchar(bytes[i] & 0xff)) {
                return false;
            }
        }
        return true;
    }

    /** Membership of an ASCII character in a set given as two 64-bit masks (characters 0-63, 64-127). */
    private static boolean inSet(int c, long low, long high) {
        return c < 64 ? (low >>> c & 1) != 0 : c < 128 && (high >>> (c - 64) & 1) != 0;
    }

    private static long[] mask(String chars) {
        long[] mask = new long[2];
        for (char c : chars.toCharArray()) {
            mask[c >> 6] |= 1L << (c & 63);
        }
        return mask;
    }

    private static int indexOf(byte[] bytes, int from, int to, char c) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] bytes, int from, byte[] prefix) {
        return Arrays.equals(bytes, from, from + prefix.length, prefix, 0, prefix.length);
    }

    private static String latin1(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
