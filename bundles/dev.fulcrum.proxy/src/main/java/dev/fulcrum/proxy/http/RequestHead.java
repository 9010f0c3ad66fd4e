package dev.fulcrum.proxy.http;

import java.util.Optional;

/**
 * A parsed request line and header block (RFC 9112 3, 5).
 *
 * @param minorVersion 0 for HTTP/1.0, 1 for HTTP/1.1
 * @param body         how the body is delimited, from the framing headers
 */
public record RequestHead(String method, String target, int minorVersion, Headers headers, Body body) {

    /** How a message body ends (RFC 9112 6.3). */
    public sealed interface Body {
    }

    public record NoBody() implements Body {
    }

    public record Length(long bytes) implements Body {
    }

    public record Chunked() implements Body {
    }

    /** Response only: the body ends when the server closes. */
    public record UntilClose() implements Body {
    }

    /** RFC 9112 9.3: HTTP/1.1 persists unless "close"; HTTP/1.0 only with "keep-alive". */
    public boolean keepAlive() {
        return minorVersion == 1 ? !headers.hasToken("Connection", "close")
                : headers.hasToken("Connection", "keep-alive");
    }

    /** The path without the query string. */
    public String path() {
        int start = target.startsWith("/") ? 0 : target.indexOf('/', target.indexOf("//") + 2);
        if (start < 0) {
            return "/";
        }
        int query = target.indexOf('?', start);
        return query < 0 ? target.substring(start) : target.substring(start, query);
    }

    public Optional<String> query() {
        int query = target.indexOf('?');
        return query < 0 ? Optional.empty() : Optional.of(target.substring(query + 1));
    }
}
