package dev.fulcrum.proxy.http;

/** A parsed status line and header block (RFC 9112 4). */
public record ResponseHead(int minorVersion, int status, String reason, Headers headers, RequestHead.Body body) {

    /** Whether the server keeps the connection open after this response (RFC 9112 9.3). */
    public boolean keepAlive() {
        boolean persistent = minorVersion == 1 ? !headers.hasToken("Connection", "close")
                : headers.hasToken("Connection", "keep-alive");
        return persistent && !(body instanceof RequestHead.UntilClose);
    }

    /** 1xx answers precede the final response (RFC 9110 15.2). */
    public boolean informational() {
        return status >= 100 && status < 200;
    }
}
