package dev.fulcrum.syslog.logformat;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * What a custom log format may show beyond {@link LogFacts} (configuration.txt 8.2.6).
 *
 * @param frontendAddress {@code %fi:%fp}: the address that accepted the connection (empty: not an IP socket)
 * @param backendSource   {@code %bi:%bp}: the proxy's own address on the server connection; empty without one
 * @param serverAddress   {@code %si:%sp}: the server connected to; empty without a server connection
 * @param bytesUploaded   {@code %U}: bytes of the request (HTTP, counted as HAProxy 2.6 counts them: see
 *                        {@link #httpBytesUploaded}) or of the connection (TCP) from the client
 * @param requestCounter  {@code %rt}: the process's request (HTTP) or connection (TCP) number, from 0
 * @param logCounter      {@code %lc}: the frontend's log line number, from 0
 */
public record SessionDetails(Optional<InetSocketAddress> frontendAddress, Optional<InetSocketAddress> backendSource,
        Optional<InetSocketAddress> serverAddress, long bytesUploaded, long requestCounter, long logCounter) {

    public SessionDetails {
        Objects.requireNonNull(frontendAddress, "frontendAddress");
        Objects.requireNonNull(backendSource, "backendSource");
        Objects.requireNonNull(serverAddress, "serverAddress");
    }

    /**
     * {@code %U} of an HTTP request as HAProxy 2.6 logs it: like {@link LogFacts#httpBytesRead}, its
     * HTX representation drops ": " and CRLF of each header field, but here nothing is added for the
     * start line and Connection fields count. Measured with haproxy 2.6.12: "GET /nq HTTP/1.1" with
     * Host and Connection (50 bytes) logs 42; a POST with 3 fields and a 3-byte body (73 bytes) logs 61.
     */
    public static long httpBytesUploaded(long wireBytes, int headerCount) {
        return wireBytes - 4L * headerCount;
    }
}
