package dev.fulcrum.health.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fulcrum.api.model.proxy.HealthCheck;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpCheckRequestsTest {

    private static final InetSocketAddress SERVER = new InetSocketAddress("10.0.0.2", 8080);

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    @Test
    void keepalivedDefaultsToHttp10WithTheServerAsHost() {
        assertEquals("GET /health HTTP/1.0\r\nUser-Agent: KeepAliveClient\r\nHost: 10.0.0.2:8080\r\n\r\n",
                text(HttpCheckRequests.keepalivedGet("/health", Optional.empty(), Optional.empty(), SERVER)));
    }

    @Test
    void keepalivedVirtualhostAndProtocols() {
        assertEquals("GET / HTTP/1.1\r\nUser-Agent: KeepAliveClient\r\nHost: www.example.com\r\nConnection: close\r\n\r\n",
                text(HttpCheckRequests.keepalivedGet("/", Optional.of("www.example.com"), Optional.of("1.1"), SERVER)));
        assertEquals("GET / HTTP/1.0\r\nUser-Agent: KeepAliveClient\r\nHost: [0:0:0:0:0:0:0:1]:80\r\nConnection: keep-alive\r\n\r\n",
                text(HttpCheckRequests.keepalivedGet("/", Optional.empty(), Optional.of("1.0K"),
                        new InetSocketAddress("::1", 80))));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> HttpCheckRequests.keepalivedGet("/", Optional.empty(), Optional.of("2"), SERVER));
        assertEquals("http_protocol must be 1.0, 1.0C, 1.0K or 1.1, was '2'", bad.getMessage());
    }

    @Test
    void haproxyDefaultIsOptionsSlashHttp10() {
        HealthCheck check = new HealthCheck(HealthCheck.DEFAULT_METHOD, HealthCheck.DEFAULT_URI,
                HealthCheck.DEFAULT_VERSION, List.of());
        assertEquals("OPTIONS / HTTP/1.0\r\n\r\n", text(HttpCheckRequests.haproxyHttpchk(check)));
    }

    @Test
    void haproxyLegacyHostHeaderInTheVersion() {
        HealthCheck escaped = new HealthCheck("GET", "/status", "HTTP/1.1\\r\\nHost:\\ www.example.com", List.of());
        assertEquals("GET /status HTTP/1.1\r\nHost: www.example.com\r\nConnection: close\r\n\r\n",
                text(HttpCheckRequests.haproxyHttpchk(escaped)));
        HealthCheck real = new HealthCheck("HEAD", "/", "HTTP/1.1\r\nHost: a\r\nConnection: keep-alive", List.of());
        assertEquals("HEAD / HTTP/1.1\r\nHost: a\r\nConnection: keep-alive\r\n\r\n",
                text(HttpCheckRequests.haproxyHttpchk(real)));
    }
}
