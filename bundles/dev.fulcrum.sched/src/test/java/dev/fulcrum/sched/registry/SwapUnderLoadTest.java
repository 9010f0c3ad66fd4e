package dev.fulcrum.sched.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.sched.BalancedPool;
import dev.fulcrum.api.sched.SchedulerSettings;
import dev.fulcrum.api.sched.ServerView;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Picks from several threads while the algorithm comes and goes and servers are added and removed. */
class SwapUnderLoadTest {

    private static final int PICKERS = 3;
    private static final int SWAPS = 500;

    @Test
    void picksNeverFailDuringSwaps() throws Exception {
        SchedulerRegistryService registry = new SchedulerRegistryService(new RecordingLogger().logger);
        List<TestServer> servers = List.of(TestServer.up("a"), TestServer.up("b"), TestServer.up("c"));
        BalancedPool pool = registry.open("web", "lowest", SchedulerSettings.defaults(), servers);
        Set<String> known = Set.of("a", "b", "c", "d");

        AtomicBoolean done = new AtomicBoolean();
        AtomicLong picked = new AtomicLong();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch started = new CountDownLatch(PICKERS);
        Thread[] pickers = new Thread[PICKERS];
        for (int t = 0; t < PICKERS; t++) {
            pickers[t] = new Thread(() -> {
                started.countDown();
                while (!done.get()) {
                    try {
                        Optional<ServerView> server = pool.pick(TestRequest.ANY);
                        if (server.isEmpty() || !known.contains(server.get().id())) {
                            failures.add("picked " + server);
                        }
                        picked.incrementAndGet();
                    } catch (RuntimeException e) {
                        failures.add(e.toString());
                    }
                }
            }, "picker-" + t);
            pickers[t].start();
        }
        started.await();

        TestServer extra = TestServer.up("d");
        for (int i = 0; i < SWAPS; i++) {
            Map<String, Object> properties = SchedulerRegistryServiceTest.properties("lowest", i, 0);
            LowestIdFactory factory = new LowestIdFactory("lowest");
            registry.addFactory(factory, properties);
            pool.serverAdded(extra);
            registry.removeFactory(factory, properties);
            pool.serverRemoved(extra);
        }
        done.set(true);
        for (Thread picker : pickers) {
            picker.join();
        }

        assertEquals(List.of(), List.copyOf(failures));
        assertTrue(picked.get() > 0, "the pickers ran");
        assertTrue(pool.fallingBack());
    }
}
