package dev.fulcrum.proxy.service;

import static dev.fulcrum.proxy.testing.Models.config;
import static dev.fulcrum.proxy.testing.Models.freePort;
import static dev.fulcrum.proxy.testing.Models.frontend;
import static dev.fulcrum.proxy.testing.Models.timeouts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.DesiredState;
import dev.fulcrum.api.model.proxy.Backend;
import dev.fulcrum.api.model.proxy.Balance;
import dev.fulcrum.api.model.proxy.LogSettings;
import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.api.model.proxy.ProxyConfig;
import dev.fulcrum.api.model.proxy.ProxyOptions;
import dev.fulcrum.api.model.proxy.Server;
import dev.fulcrum.api.model.proxy.Timeouts;
import dev.fulcrum.api.reconcile.ReconcileResult;
import dev.fulcrum.api.reconcile.Revision;
import dev.fulcrum.proxy.testing.HttpBackend;
import dev.fulcrum.proxy.testing.Resources;
import dev.fulcrum.proxy.testing.RoundRobinRegistry;
import dev.fulcrum.testing.SystemTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5 "reload under load": wrk (Debian package wrk) at about 1,000 requests per second
 * through the proxy while 50 revisions are applied, alternating a server's weight and adding
 * and removing a third server: no answer outside 2xx and no socket error. System tier: it needs
 * the wrk binary, a real peer.
 */
@SystemTest
class ReloadUnderLoadTest {

    private static final int REVISIONS = 50;
    private static final Duration BETWEEN_REVISIONS = Duration.ofMillis(100);
    private static final Timeouts TIMEOUTS = timeouts(Duration.ofSeconds(10), Duration.ofSeconds(10),
            Duration.ofSeconds(1));

    private final ProxyReconciler reconciler = new ProxyReconciler(new RoundRobinRegistry());
    private final Resources resources = new Resources();
    private long revisions;

    @AfterEach
    void closeAll() throws Exception {
        resources.close();
        reconciler.deactivate();
    }

    @Test
    void fiftyRevisionsUnderWrkLoadAnswerEveryRequestWith2xx(@TempDir Path work) throws Exception {
        List<HttpBackend> backends = List.of(resources.keep(new HttpBackend("a")),
                resources.keep(new HttpBackend("b")), resources.keep(new HttpBackend("c")));
        int port = freePort();
        assertApplied(apply(port, backends, 0));

        Process wrk = wrk(work, port).start();
        try {
            IntSupplier answered = () -> backends.stream().mapToInt(b -> b.heads().size()).sum();
            awaitMore(answered, 0, 200, "wrk's first 200 requests");
            for (int i = 1; i <= REVISIONS; i++) {
                assertApplied(apply(port, backends, i));
                Thread.sleep(BETWEEN_REVISIONS.toMillis()); // spreads the revisions over the load
            }
            awaitMore(answered, answered.getAsInt(), 200, "200 requests on the last revision");
            // wrk stops on SIGINT and prints its summary (wrk.c installs a SIGINT handler)
            new ProcessBuilder("kill", "-INT", Long.toString(wrk.pid())).start().waitFor();
            assertTrue(wrk.waitFor(30, TimeUnit.SECONDS), "wrk stopped within 30 s of SIGINT");
            String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, Long> result = summary(output);
            long requests = result.get("requests");
            System.out.printf("reload under load: %d revisions, %d requests in %.1f s (%.0f req/s)%n", REVISIONS,
                    requests, result.get("duration_us") / 1e6, requests * 1e6 / result.get("duration_us"));
            assertEquals(0, wrk.exitValue(), output);
            assertEquals(0L, result.get("non2xx"), output);
            for (String error : List.of("connect", "read", "write", "timeout")) {
                assertEquals(0L, result.get(error), error + " errors: " + output);
            }
            assertTrue(requests >= 400, output);
            assertEquals(REVISIONS + 1, reconciler.status().appliedRevision());
        } finally {
            wrk.destroyForcibly();
        }
    }

    /** Revision i: server a's weight alternates 1/2; server c is in every even revision. */
    private ReconcileResult apply(int port, List<HttpBackend> backends, int i) {
        List<Server> servers = new ArrayList<>();
        servers.add(weighted("a", backends.get(0).port(), i % 2 == 0 ? 1 : 2));
        servers.add(weighted("b", backends.get(1).port(), 1));
        if (i % 2 == 0) {
            servers.add(weighted("c", backends.get(2).port(), 1));
        }
        Backend backend = new Backend("be", Mode.HTTP, Balance.DEFAULT, servers, Optional.empty(), TIMEOUTS, 3, true,
                ProxyOptions.DEFAULT, LogSettings.NONE);
        ProxyConfig proxy = config(List.of(frontend("fe", Mode.HTTP, port, "be", TIMEOUTS, 0)), List.of(backend));
        return reconciler.reconcile(new Revision(++revisions, DesiredState.EMPTY.withProxy(proxy), Instant.now(), ""));
    }

    private static Server weighted(String name, int port, int weight) {
        Server s = Server.of(name, "127.0.0.1", port);
        return new Server(s.name(), s.host(), s.port(), s.check(), s.inter(), s.fastinter(), s.downinter(), s.rise(),
                s.fall(), weight, s.backup(), s.maxconn(), s.disabled(), s.slowstart(), s.sendProxy());
    }

    private static void assertApplied(ReconcileResult result) {
        assertTrue(result.isApplied(), result.toString());
    }

    /** wrk -t1 -c4 with the paced-load script; at most 120 s even if the test never stops it. */
    private static ProcessBuilder wrk(Path work, int port) throws IOException {
        Path script = work.resolve("paced-load.lua");
        try (InputStream in = ReloadUnderLoadTest.class.getResourceAsStream("paced-load.lua")) {
            Files.copy(in, script);
        }
        return new ProcessBuilder("wrk", "-t1", "-c4", "-d120s", "--timeout", "5s", "-s", script.toString(),
                "http://127.0.0.1:" + port + "/").redirectErrorStream(true);
    }

    private static void awaitMore(IntSupplier count, int from, int more, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (count.getAsInt() < from + more) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within 30 s (" + (count.getAsInt() - from) + " seen)");
            }
            Thread.sleep(50);
        }
    }

    /** The "paced-load k=v ..." line the script's done() prints. */
    private static Map<String, Long> summary(String output) {
        String line = output.lines().filter(l -> l.startsWith("paced-load ")).findFirst()
                .orElseThrow(() -> new AssertionError("no summary line from wrk:\n" + output));
        Map<String, Long> values = new HashMap<>();
        for (String pair : line.substring("paced-load ".length()).split(" ")) {
            String[] kv = pair.split("=");
            values.put(kv[0], Long.parseLong(kv[1]));
        }
        return values;
    }
}
