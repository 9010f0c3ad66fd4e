package dev.fulcrum.proxy.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.proxy.ProxyConfig;
import dev.fulcrum.config.haproxy.model.HaproxyConfigs;
import dev.fulcrum.proxy.service.ProxyRuntime;
import dev.fulcrum.proxy.testing.HttpBackend;
import dev.fulcrum.proxy.testing.Models;
import dev.fulcrum.proxy.testing.RawClient;
import dev.fulcrum.proxy.testing.Resources;
import dev.fulcrum.proxy.testing.SyslogCollector;
import dev.fulcrum.syslog.SyslogService;
import dev.fulcrum.syslog.SyslogSinks;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The syslog service is an optional, dynamic dependency of the proxy: a revision applied without it
 * runs and logs nothing; when the service comes, the running revision logs, on the same listener.
 */
class LateSyslogServiceTest {

    private static final String CFG = """
            global
                log "127.0.0.1:${LOG_PORT}" local0
            defaults
                mode http
                log global
                option httplog
                timeout connect 2s
                timeout client 5s
                timeout server 5s
            frontend fe
                bind "127.0.0.1:${FE_PORT}"
                default_backend be
            backend be
                server s1 "127.0.0.1:${BE_PORT}"
            """;

    private final Resources resources = new Resources();

    @AfterEach
    void close() throws Exception {
        resources.close();
    }

    @Test
    void theRunningRevisionLogsOnceTheServiceArrives() throws Exception {
        HttpBackend web = resources.keep(new HttpBackend("web"));
        SyslogCollector logs = resources.keep(new SyslogCollector());
        int port = Models.freePort();
        ProxyConfig config = HaproxyConfigs.read(Path.of("haproxy.cfg"), CFG, Map.of("LOG_PORT",
                String.valueOf(logs.port()), "FE_PORT", String.valueOf(port), "BE_PORT", String.valueOf(web.port())),
                false);
        ProxyRuntime runtime = resources.runtime(true);
        assertEquals(List.of(), runtime.apply(config));
        try (RawClient client = new RawClient(port)) {
            assertEquals(200, client.send("GET /before HTTP/1.1\r\nHost: a\r\n\r\n").read().status());
        }

        SyslogService service = SyslogSinks::open;
        assertEquals(List.of(), runtime.syslogService(Optional.of(service)));
        try (RawClient client = new RawClient(port)) {
            assertEquals(200, client.send("GET /after HTTP/1.1\r\nHost: a\r\n\r\n").read().status());
        }
        String line = logs.receive(text -> text.contains(" fe ")).text();
        // The first line is the request made once the service was there: the earlier one was not logged.
        assertTrue(line.endsWith(" \"GET /after HTTP/1.1\""), line);

        assertEquals(List.of(), runtime.syslogServiceGone(service));
        try (RawClient client = new RawClient(port)) {
            assertEquals(200, client.send("GET /gone HTTP/1.1\r\nHost: a\r\n\r\n").read().status(),
                    "the proxy keeps serving without its syslog service");
        }
    }
}
