package dev.fulcrum.proxy.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.api.model.proxy.ProxyConfig;
import dev.fulcrum.api.model.proxy.Server;
import dev.fulcrum.api.model.proxy.Timeouts;
import dev.fulcrum.api.proxy.StatField;
import dev.fulcrum.api.proxy.StatRow;
import dev.fulcrum.proxy.service.ProxyRuntime;
import dev.fulcrum.proxy.testing.HttpBackend;
import dev.fulcrum.proxy.testing.Models;
import dev.fulcrum.proxy.testing.RawClient;
import dev.fulcrum.proxy.testing.Resources;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Counters of frontends, backends and servers that a new revision keeps (by name), over real sockets. */
class StatsAcrossRevisionsTest {

    private static final Timeouts TIMEOUTS = Models.timeouts(Duration.ofSeconds(10), Duration.ofSeconds(10),
            Duration.ofSeconds(1));

    private final Resources resources = new Resources();

    @AfterEach
    void closeAll() throws Exception {
        resources.close();
    }

    private static ProxyConfig config(int port, Timeouts frontendTimeouts, Server... servers) {
        return Models.config(List.of(Models.frontend("web", Mode.HTTP, port, "app", frontendTimeouts, 0)),
                List.of(Models.backend("app", Mode.HTTP, TIMEOUTS, 3, false, List.of(servers))));
    }

    private static void get(int port, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            try (RawClient client = new RawClient(port)) {
                assertEquals(200, client.send("GET / HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n").read().status());
            }
        }
    }

    private static String stot(ProxyRuntime runtime, String proxy, String service) {
        return runtime.stats().rows().stream().filter(r -> r.proxy().equals(proxy) && r.service().equals(service))
                .map(r -> r.value(StatField.STOT)).findFirst().orElse("absent");
    }

    @Test
    void countersOfWhatStaysSurviveARevisionAndWhatLeavesDisappears() throws Exception {
        HttpBackend one = resources.keep(new HttpBackend("one"));
        HttpBackend two = resources.keep(new HttpBackend("two"));
        int port = Models.freePort();
        ProxyRuntime runtime = resources.runtime(true);
        Server s1 = Models.server("s1", one.port());
        assertEquals(List.of(), runtime.apply(config(port, TIMEOUTS, s1, Models.server("s2", two.port()))));
        get(port, 4);

        // The frontend is rebuilt (other timeouts), s1 redefined (other weight), s2 removed, s3 added.
        Server heavier = new Server("s1", "127.0.0.1", one.port(), false, Server.DEFAULT_INTER, Server.DEFAULT_INTER,
                Server.DEFAULT_INTER, 2, 3, 5, false, 0, false, Duration.ZERO, false);
        Timeouts longer = Models.timeouts(Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ofSeconds(1));
        assertEquals(List.of(), runtime.apply(config(port, longer, heavier, Models.server("s3", two.port()))));

        assertEquals(List.of("4", "2", "4", "0", "absent"), List.of(stot(runtime, "web", "FRONTEND"),
                stot(runtime, "app", "s1"), stot(runtime, "app", "BACKEND"), stot(runtime, "app", "s3"),
                stot(runtime, "app", "s2")));
        assertEquals("5", runtime.stats().rows().stream().filter(r -> r.service().equals("s1"))
                .map(r -> r.value(StatField.WEIGHT)).findFirst().orElseThrow());

        get(port, 2);
        List<StatRow> rows = runtime.stats().rows();
        assertEquals("6", rows.get(0).value(StatField.STOT));
        assertEquals("6", rows.get(0).value(StatField.HRSP_2XX));
        assertEquals("6", stot(runtime, "app", "BACKEND"));
    }
}
