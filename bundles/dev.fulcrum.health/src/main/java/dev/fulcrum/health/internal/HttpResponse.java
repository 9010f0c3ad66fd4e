package dev.fulcrum.health.internal;

import java.util.Objects;

/**
 * An HTTP/1.x response as a health check sees it (RFC 9112 section 4 status line, section 6 body).
 *
 * @param status the three-digit status code
 * @param reason the reason phrase, possibly empty
 * @param body   the decoded body (chunked transfer coding removed)
 */
record HttpResponse(int status, String reason, byte[] body) {

    HttpResponse {
        Objects.requireNonNull(reason, "reason");
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
