package dev.fulcrum.sched.ipvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.lvs.Persistence;
import dev.fulcrum.api.model.lvs.SchedulerFlags;
import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.SchedulerSettings;
import dev.fulcrum.api.sched.ServerState;
import dev.fulcrum.api.sched.ServerView;
import dev.fulcrum.sched.common.TestRequest;
import dev.fulcrum.sched.common.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Eight threads pick while a ninth changes weights, states and connection counts through the hooks.
 * Never an exception; never a server that could not take a request at any moment of the run (always
 * DOWN or MAINT, always weight 0, always DRAIN); and some picks succeed, as usable servers always exist.
 */
class ConcurrencyTest {

    private static final int THREADS = 8;
    private static final int PICKS_PER_THREAD = 5_000;

    static Stream<String> algorithms() {
        return Algorithms.ALL.stream().map(f -> f.name());
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void picksStaySafeWhileHooksFire(String name) throws InterruptedException {
        SchedulerSettings settings = SchedulerSettings.defaults().withRandom(new SplittableRandom(3))
                .withFlags(new SchedulerFlags(true, false, false));
        run(servers -> Algorithms.named(name).create(settings, servers), true);
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void persistentPicksStaySafeWhileHooksFire(String name) throws InterruptedException {
        Persistence persistence = new Persistence(Duration.ofSeconds(60), Optional.empty());
        SchedulerSettings settings = SchedulerSettings.defaults().withRandom(new SplittableRandom(4));
        // A persistent client may stay on a DRAIN server, so only DOWN, MAINT and weight 0 are forbidden.
        run(servers -> new PersistentScheduler(Algorithms.named(name).create(settings, servers), persistence,
                settings, servers), false);
    }

    private static void run(Function<List<TestServer>, Scheduler> create, boolean drainForbidden)
            throws InterruptedException {
        List<TestServer> steady = List.of(TestServer.up("ok1", 3), TestServer.up("ok2", 5), TestServer.up("ok3", 1));
        TestServer flapping = TestServer.up("flap", 2);
        TestServer failed = TestServer.up("failed", 4).state(ServerState.DOWN);
        TestServer weightless = TestServer.up("weightless", 0);
        TestServer draining = TestServer.up("draining", 6).state(ServerState.DRAIN);
        List<TestServer> all = new ArrayList<>(steady);
        all.addAll(List.of(flapping, failed, weightless, draining));
        Scheduler scheduler = create.apply(all);

        Queue<String> problems = new ConcurrentLinkedQueue<>();
        AtomicLong served = new AtomicLong();
        AtomicBoolean picking = new AtomicBoolean(true);
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> pickers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            SplittableRandom random = new SplittableRandom(100 + t);
            pickers.add(started(() -> {
                await(start);
                for (int i = 0; i < PICKS_PER_THREAD; i++) {
                    try {
                        Optional<ServerView> picked = scheduler.pick(TestRequest.random(random));
                        picked.ifPresent(server -> {
                            served.incrementAndGet();
                            if (server == failed || server == weightless || (drainForbidden && server == draining)) {
                                problems.add("picked " + server);
                            }
                        });
                    } catch (RuntimeException e) {
                        problems.add(e.toString());
                    }
                }
            }));
        }
        Thread changer = started(() -> {
            SplittableRandom random = new SplittableRandom(9);
            await(start);
            try {
                while (picking.get()) {
                    TestServer server = steady.get(random.nextInt(steady.size()));
                    scheduler.serverChanged(server.weight(1 + random.nextInt(10)));
                    scheduler.connectionsChanged(server.connections(random.nextInt(12), random.nextInt(50)));
                    scheduler.serverChanged(flapping.state(random.nextBoolean() ? ServerState.UP : ServerState.DOWN));
                    scheduler.serverChanged(failed.state(random.nextBoolean() ? ServerState.DOWN : ServerState.MAINT)
                            .weight(1 + random.nextInt(10)));
                    scheduler.serverChanged(
                            weightless.state(random.nextBoolean() ? ServerState.UP : ServerState.DRAIN));
                    scheduler.serverChanged(draining.weight(1 + random.nextInt(10)));
                    scheduler.serverRemoved(flapping);
                    scheduler.serverAdded(flapping);
                }
            } catch (RuntimeException e) {
                problems.add("hook: " + e);
            }
        });
        start.countDown();
        for (Thread picker : pickers) {
            picker.join();
        }
        picking.set(false);
        changer.join();

        assertEquals(List.of(), List.copyOf(problems));
        assertTrue(served.get() > 0, "no pick succeeded");
    }

    private static Thread started(Runnable task) {
        Thread thread = new Thread(task);
        thread.start();
        return thread;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
