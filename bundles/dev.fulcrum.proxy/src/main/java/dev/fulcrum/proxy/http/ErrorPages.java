package dev.fulcrum.proxy.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;

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
    private final byte[] bytes;

    ErrorPages(int status, String reason, String text) {
        this.status = status;
        String body = "<html><body><h1>" + status + " " + reason + "</h1>\n" + text + "\n</body></html>\n";
        String message = "HTTP/1.1 " + status + " " + reason + "\r\n"
                + "content-length: " + body.length() + "\r\n"
                + "cache-control: no-cache\r\n"
                + "content-type: text/html\r\n"
                + "connection: close\r\n"
                + "\r\n" + body;
        this.bytes = message.getBytes(StandardCharsets.US_ASCII);
    }

    public ByteBuf message(ByteBufAllocator alloc) {
        return alloc.buffer(bytes.length).writeBytes(bytes);
    }

    public int status() {
        return status;
    }

    public String text() {
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
