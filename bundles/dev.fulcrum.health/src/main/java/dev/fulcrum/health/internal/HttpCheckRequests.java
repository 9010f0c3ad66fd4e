package dev.fulcrum.health.internal;

import dev.fulcrum.api.model.proxy.HealthCheck;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The request bytes of the HTTP checks. Pure. */
final class HttpCheckRequests {

    private HttpCheckRequests() {
    }

    /**
     * keepalived.conf(5) HTTP_GET/SSL_GET {@code url { path }} with {@code virtualhost} (else the
     * server's address and port) as Host, and {@code http_protocol}: 1.0 (the default), 1.0C (1.0 with
     * "Connection: close"), 1.0K (1.0 with "Connection: keep-alive") or 1.1 (with "Connection: close").
     */
    static byte[] keepalivedGet(String path, Optional<String> virtualhost, Optional<String> httpProtocol,
            InetSocketAddress server) {
        String protocol = httpProtocol.orElse("1.0");
        String version = protocol.equals("1.1") ? "HTTP/1.1" : "HTTP/1.0";
        String connection = connectionHeader(protocol);
        String host = virtualhost.orElseGet(() -> hostPort(server));
        return ascii("GET " + path + " " + version + "\r\nUser-Agent: KeepAliveClient\r\nHost: " + host + "\r\n"
                + connection + "\r\n");
    }

    /** The Connection header line of a keepalived {@code http_protocol}; rejects unknown ones. */
    static String connectionHeader(String httpProtocol) {
        return switch (httpProtocol) {
            case "1.0" -> "";
            case "1.0K" -> "Connection: keep-alive\r\n";
            case "1.0C", "1.1" -> "Connection: close\r\n";
            default -> throw new IllegalArgumentException(
                    "http_protocol must be 1.0, 1.0C, 1.0K or 1.1, was '" + httpProtocol + "'");
        };
    }

    /**
     * configuration.txt 4.2 "option httpchk &lt;method&gt; &lt;uri&gt; &lt;version&gt;". As in HAProxy's
     * legacy form, the version may carry header lines after "\r\n" (e.g. "HTTP/1.1\r\nHost:\ www");
     * both real CR LF and the escaped text are accepted.
     */
    static byte[] haproxyHttpchk(HealthCheck check) {
        String version = check.version().replace("\\r", "\r").replace("\\n", "\n").replace("\\ ", " ");
        StringBuilder request = new StringBuilder(check.method()).append(' ').append(check.uri()).append(' ');
        request.append(version.strip());
        if (version.startsWith("HTTP/1.1") && !version.toLowerCase().contains("\nconnection:")) {
            request.append("\r\nConnection: close");
        }
        return ascii(request.append("\r\n\r\n").toString());
    }

    private static String hostPort(InetSocketAddress server) {
        String host = server.getAddress().getHostAddress();
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        return host + ":" + server.getPort();
    }

    private static byte[] ascii(String text) {
        for (char c : text.toCharArray()) {
            if (c > 0x7e) {
                throw new IllegalArgumentException("HTTP check request must be ASCII: " + text.strip());
            }
        }
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
