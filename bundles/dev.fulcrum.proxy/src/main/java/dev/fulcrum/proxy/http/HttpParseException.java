package dev.fulcrum.proxy.http;

/** A message the proxy refuses to forward; the reason names what was wrong (for logs and tests). */
public final class HttpParseException extends Exception {

    private static final long serialVersionUID = 1L;

    public HttpParseException(String reason) {
        super(reason, null, false, false);
    }
}
