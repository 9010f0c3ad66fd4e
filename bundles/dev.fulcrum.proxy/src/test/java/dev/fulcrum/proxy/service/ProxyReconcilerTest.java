package dev.fulcrum.proxy.service;

import static dev.fulcrum.proxy.testing.Models.backend;
import static dev.fulcrum.proxy.testing.Models.config;
import static dev.fulcrum.proxy.testing.Models.freePort;
import static dev.fulcrum.proxy.testing.Models.frontend;
import static dev.fulcrum.proxy.testing.Models.server;
import static dev.fulcrum.proxy.testing.Models.timeouts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.DesiredState;
import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.api.model.proxy.ProxyConfig;
import dev.fulcrum.api.model.proxy.Timeouts;
import dev.fulcrum.api.reconcile.ReconcileResult;
import dev.fulcrum.api.reconcile.Revision;
import dev.fulcrum.api.status.SubsystemState;
import dev.fulcrum.api.status.SubsystemStatus;
import dev.fulcrum.proxy.testing.HttpBackend;
import dev.fulcrum.proxy.testing.RawClient;
import dev.fulcrum.proxy.testing.Resources;
import dev.fulcrum.proxy.testing.RoundRobinRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The "proxy" subsystem across revisions, over real loopback sockets. */
class ProxyReconcilerTest {

    private static final Timeouts TIMEOUTS = timeouts(Duration.ofSeconds(20), Duration.ofSeconds(20),
            Duration.ofMillis(500));
    private static final String GET = "GET / HTTP/1.1\r\nHost: t\r\n\r\n";

    private final ProxyReconciler reconciler = new ProxyReconciler(new RoundRobinRegistry());
    private final Resources resources = new Resources();
    private long revisions;

    @AfterEach
    void closeAll() throws Exception {
        resources.close();
        reconciler.deactivate();
    }

    private <T extends AutoCloseable> T keep(T resource) {
        return resources.keep(resource);
    }

    private ReconcileResult apply(ProxyConfig proxy) {
        return reconciler.reconcile(new Revision(++revisions, DesiredState.EMPTY.withProxy(proxy), Instant.now(), ""));
    }

    /** One http frontend on {@code port} sending everything to a backend with one server. */
    private static ProxyConfig route(int port, HttpBackend to) {
        return config(List.of(frontend("fe", Mode.HTTP, port, "be", TIMEOUTS, 0)),
                List.of(backend("be", Mode.HTTP, TIMEOUTS, 3, false, List.of(server("s", to.port())))));
    }

    @Test
    void reportsAppliedRevisionsAndKeepsTheLastGoodOneOnABindFailure() throws IOException {
        assertEquals("proxy", reconciler.name());
        assertEquals(SubsystemState.ACTIVE, reconciler.status().state());
        assertFalse(reconciler.status().hasRevision());
        HttpBackend a = keep(new HttpBackend("a"));
        int port = freePort();

        assertTrue(apply(route(port, a)).isApplied());
        assertEquals(1, reconciler.status().appliedRevision());

        try (ServerSocket taken = new ServerSocket(0)) {
            ReconcileResult result = apply(route(taken.getLocalPort(), a));
            assertEquals("proxy.bind", result.errors().get(0).code());
            SubsystemStatus status = reconciler.status();
            assertEquals(SubsystemState.DEGRADED, status.state());
            assertEquals(1, status.appliedRevision());
            assertTrue(status.reason().startsWith("revision 2 not applied: cannot bind"), status.reason());
        }
        assertEquals("a 0", keep(new RawClient(port)).send(GET).read().body(), "revision 1 still serves");
    }

    @Test
    void aChangedFrontendSwapsWithNoGapAndEstablishedConnectionsLive() throws Exception {
        HttpBackend a = keep(new HttpBackend("a"));
        HttpBackend b = keep(new HttpBackend("b"));
        int port = freePort();
        assertTrue(apply(route(port, a)).isApplied());
        RawClient established = keep(new RawClient(port));
        assertEquals("a 0", established.send(GET).read().body());

        // A client opening connection after connection while 20 revisions flip the backend.
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread load = new Thread(() -> {
            while (running.get()) {
                try (RawClient client = new RawClient(port)) {
                    int status = client.send(GET).read().status();
                    if (status != 200) {
                        throw new IllegalStateException("status " + status);
                    }
                    answered.incrementAndGet();
                } catch (IOException | RuntimeException e) {
                    failure.compareAndSet(null, e);
                    return;
                }
            }
        });
        load.start();
        // Each revision is applied only once the client got another answer, so that traffic really
        // runs between the swaps (under load, 20 applies could otherwise finish before one request).
        for (int i = 0; i < 20; i++) {
            awaitAnswerAfter(answered.get(), answered, failure);
            assertTrue(apply(route(port, i % 2 == 0 ? b : a)).isApplied());
        }
        awaitAnswerAfter(answered.get(), answered, failure);
        running.set(false);
        load.join();

        assertEquals(null, failure.get(), "no refused connection and no error while revisions applied");
        assertTrue(answered.get() >= 21, "answers between the revisions: " + answered.get());
        assertEquals(200, established.send(GET).read().status(), "the established connection survived");
        assertEquals("a 0", keep(new RawClient(port)).send(GET).read().body(), "the last revision routes to a");
    }

    @Test
    void aRemovedServerGetsNoMoreRequestsFromAKeptAliveClient() throws IOException {
        HttpBackend a = keep(new HttpBackend("a"));
        HttpBackend b = keep(new HttpBackend("b"));
        int port = freePort();
        assertTrue(apply(route(port, a)).isApplied());
        RawClient client = keep(new RawClient(port));
        assertEquals("a 0", client.send(GET).read().body());

        // Server "s" now points elsewhere: the old one drains, its idle connection is not reused.
        assertTrue(apply(route(port, b)).isApplied());

        assertEquals("b 0", client.send(GET).read().body());
        assertEquals("b 0", client.send(GET).read().body());
        assertEquals(1, a.connections());
        assertEquals(1, b.connections(), "the new server's connection is reused");
    }

    @Test
    void aMovedBindClosesTheOldListenerButNotItsConnections() throws IOException {
        HttpBackend a = keep(new HttpBackend("a"));
        int oldPort = freePort();
        int newPort = freePort();
        assertTrue(apply(route(oldPort, a)).isApplied());
        RawClient established = keep(new RawClient(oldPort));
        assertEquals(200, established.send(GET).read().status());

        assertTrue(apply(route(newPort, a)).isApplied());

        assertThrows(ConnectException.class, () -> new RawClient(oldPort).close());
        assertEquals(200, keep(new RawClient(newPort)).send(GET).read().status());
        assertEquals(200, established.send(GET).read().status());
    }

    /** Waits (at most 30 s) until the load thread has had more than {@code seen} answers, or failed. */
    private static void awaitAnswerAfter(int seen, AtomicInteger answered, AtomicReference<Throwable> failure)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (answered.get() <= seen && failure.get() == null) {
            assertTrue(System.nanoTime() < deadline, "no answer within 30 s; answered " + answered.get());
            Thread.sleep(1);
        }
    }
}
