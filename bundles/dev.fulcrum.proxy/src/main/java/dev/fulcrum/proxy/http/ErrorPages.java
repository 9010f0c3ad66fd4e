package dev.fulcrum.proxy.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The answers the proxy makes itself, with HAProxy 2.6's default error bodies (http_err_msgs in
 * src/http.c; configuration.txt 4.2 "errorfile" lists the codes). Each closes the connection.
 */
public enum ErrorPages {
    BAD_REQUEST(400, "Bad request", "Your browser sent an invalid request."),
    REQUEST_TIMEOUT(408, "Request Time-out", "Your browser didn't send a complete request in time."),
    BAD_GATEWAY(502, "Bad Gateway", "The server returned an invalid or incomplete response."),
    SERVICE_UNAVAILABLE(503, "Service Unavailable", "No server is available to handle this request."),
    GATEWAY_TIMEOUT(504, "Gateway Time-out", "The server didn't respond in time.");

    private final int status;
    private final Headers headers;
    private final byte[] bytes;

    ErrorPages(int status, String reason, String text) {
        this.status = status;
        String body = "<html><body><h1>" + status + " " + reason + "</h1>\n" + text + "\n</body></html>\n";
        this.headers = new Headers(List.of(new Headers.Field("content-length", String.valueOf(body.length())),
                new Headers.Field("cache-control", "no-cache"), new Headers.Field("content-type", "text/html"),
                new Headers.Field("connection", "close")));
        StringBuilder message = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason).append("\r\n");
        headers.fields().forEach(f -> message.append(f.name()).append(": ").append(f.value()).append("\r\n"));
        this.bytes = message.append("\r\n").append(body).toString().getBytes(StandardCharsets.US_ASCII);
    }

    public int status() {
        return status;
    }

    /** The header fields of the message, in order. */
    public Headers headers() {
        return headers;
    }

    /** The message's size in bytes, head and body. */
    public int length() {
        return bytes.length;
    }

    public ByteBuf message(ByteBufAllocator alloc) {
        return alloc.buffer(bytes.length).writeBytes(bytes);
    }

    public String text() {
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
