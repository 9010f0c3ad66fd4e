package dev.fulcrum.proxy.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.api.model.proxy.Timeouts;
import dev.fulcrum.api.proxy.StatField;
import dev.fulcrum.proxy.service.ProxyRuntime;
import dev.fulcrum.proxy.testing.Await;
import dev.fulcrum.proxy.testing.HttpBackend;
import dev.fulcrum.proxy.testing.Models;
import dev.fulcrum.proxy.testing.Resources;
import dev.fulcrum.proxy.testing.TcpBackend;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * cli_abrt in http mode over real sockets: a client that resets its connection while a response
 * body streams to it aborted a data transfer of the server and the backend (management.txt 9.1).
 * (srv_abrt in http mode and cli_abrt in tcp mode are compared with HAProxy in StatsDifferentialTest.)
 */
class HttpAbortCountersTest {

    private final Resources resources = new Resources();

    @AfterEach
    void closeAll() throws Exception {
        resources.close();
    }

    /** Announces a long body, sends a little of it, then waits for the proxy to close. */
    private static void endlessBody(InputStream in, OutputStream out) throws IOException {
        if (HttpBackend.readHead(in) == null) {
            return;
        }
        out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\nfirst bytes".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        while (in.read() >= 0) {
            // until the proxy closes
        }
    }

    private static String value(ProxyRuntime runtime, String service, StatField field) {
        return runtime.stats().rows().stream().filter(r -> r.proxy().equals("app") && r.service().equals(service))
                .map(r -> r.value(field)).findFirst().orElseThrow();
    }

    @Test
    void aClientResetDuringTheResponseBodyIsAClientAbort() throws Exception {
        TcpBackend server = resources.keep(new TcpBackend(HttpAbortCountersTest::endlessBody));
        int port = Models.freePort();
        Timeouts timeouts = Models.timeouts(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(1));
        ProxyRuntime runtime = resources.runtime(true);
        assertEquals(List.of(), runtime.apply(Models.config(
                List.of(Models.frontend("web", Mode.HTTP, port, "app", timeouts, 0)),
                List.of(Models.backend("app", Mode.HTTP, timeouts, 3, false,
                        List.of(Models.server("s1", server.port())))))));

        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            client.setSoTimeout(10_000);
            client.getOutputStream().write("GET / HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals("HTTP/1.1 200", new String(client.getInputStream().readNBytes(12), StandardCharsets.US_ASCII));
            client.setSoLinger(true, 0);
        }

        Await.until("the reset is counted", () -> value(runtime, "BACKEND", StatField.CLI_ABRT).equals("1"));
        assertEquals(List.of("1", "0", "0"), List.of(value(runtime, "s1", StatField.CLI_ABRT),
                value(runtime, "s1", StatField.SRV_ABRT), value(runtime, "s1", StatField.ERESP)));
    }
}
