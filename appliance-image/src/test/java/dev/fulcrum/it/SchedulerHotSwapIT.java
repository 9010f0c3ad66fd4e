package dev.fulcrum.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import dev.fulcrum.api.sched.BalancedPool;
import dev.fulcrum.api.sched.RequestContext;
import dev.fulcrum.api.sched.SchedulerRegistry;
import dev.fulcrum.api.sched.SchedulerSettings;
import dev.fulcrum.api.sched.ServerState;
import dev.fulcrum.api.sched.ServerView;
import dev.fulcrum.api.status.SubsystemState;
import dev.fulcrum.api.status.SubsystemStatus;
import dev.fulcrum.it.sched.OrderedAlgorithm;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.BundleContext;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;

/**
 * Hot swap of a scheduling algorithm on Felix with the image's bundles: an algorithm bundle dropped into
 * deploy/ is found by name and runs a pool; removing the jar puts the pool on the registry's round robin
 * (warning logged, subsystem "sched" DEGRADED, picks keep working); dropping it in again brings the pool
 * back to it and the subsystem to ACTIVE. No restart anywhere.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SchedulerHotSwapIT {

    private static final String STAGED = "fulcrum.it.staged";
    private static final String POOL = "it-web";

    @Inject
    private BundleContext context;

    @Inject
    private SchedulerRegistry registry;

    @Inject
    private LogReaderService logReader;

    @Configuration
    public Option[] configuration() throws Exception {
        Path work = Files.createTempDirectory("fulcrum-sched-");
        Path staged = work.resolve("staged");
        TestBundles.buildSchedulers(staged);
        return new Option[] {ImageOptions.image(work), frameworkProperty(STAGED).value(staged.toString())};
    }

    private Path deploy(String symbolicName) throws Exception {
        Path staged = TestBundles.jar(Path.of(context.getProperty(STAGED)), symbolicName, "1.0.0");
        return TestBundles.moveIn(staged, Path.of(context.getProperty("fulcrum.deploy.dir")));
    }

    /** Deletes the jar and waits until its bundle is gone, so that the next test starts clean. */
    private static void undeploy(Path jar, String symbolicName, FrameworkProbe probe) throws Exception {
        Files.delete(jar);
        Await.until(symbolicName + " is uninstalled", () -> probe.count(symbolicName) == 0);
    }

    @Test
    public void aDeployedAlgorithmRunsAPoolFallsBackWhenRemovedAndReturnsWhenRedeployed() throws Exception {
        FrameworkProbe probe = new FrameworkProbe(context);
        List<ServerView> servers = List.of(new Server("a"), new Server("b"), new Server("c"));
        ConcurrentLinkedQueue<LogEntry> log = new ConcurrentLinkedQueue<>();
        LogListener listener = log::add;
        logReader.addLogListener(listener);
        try {
            assertEquals(SubsystemState.ACTIVE, probe.subsystem("sched").state());
            assertFalse(registry.names().contains(OrderedAlgorithm.NAME));

            Path jar = deploy(TestBundles.SCHEDULER);
            Await.until("the deployed algorithm is found by name",
                    () -> registry.find(OrderedAlgorithm.NAME).isPresent());
            try (BalancedPool pool = registry.open(POOL, OrderedAlgorithm.NAME, SchedulerSettings.defaults(),
                    servers)) {
                assertFalse(pool.fallingBack());
                assertEquals("the deployed algorithm picks", Set.of("a"), picks(pool, 6));
                assertEquals(SubsystemState.ACTIVE, probe.subsystem("sched").state());

                Picker duringRemoval = Picker.start(pool);
                Files.delete(jar);
                Await.until("the pool falls back to round robin", pool::fallingBack);
                duringRemoval.finishWithoutFailures();
                assertEquals("round robin takes turns", Set.of("a", "b", "c"), picks(pool, 3));
                SubsystemStatus degraded = probe.subsystem("sched");
                assertEquals(SubsystemState.DEGRADED, degraded.state());
                assertTrue(degraded.reason(), degraded.reason().contains(
                        POOL + " (algorithm " + OrderedAlgorithm.NAME + " is not available)"));
                String status = probe.shell("fulcrum:status");
                assertTrue(status, status.lines().anyMatch(line -> line.startsWith("sched") && line.contains("DEGRADED")));
                Await.until("the fallback is logged as a warning", () -> log.stream().anyMatch(entry ->
                        entry.getLogLevel() == LogLevel.WARN && entry.getMessage().contains(POOL)
                                && entry.getMessage().contains("round robin")));
                Await.until("the algorithm bundle is uninstalled", () -> probe.count(TestBundles.SCHEDULER) == 0);

                Picker duringRedeploy = Picker.start(pool);
                jar = deploy(TestBundles.SCHEDULER);
                Await.until("the pool runs the algorithm again", () -> !pool.fallingBack());
                duringRedeploy.finishWithoutFailures();
                assertEquals(Set.of("a"), picks(pool, 6));
                // Other pools of the image (the proxy's) report through the same subsystem and may
                // still be switching back: wait for ACTIVE instead of sampling it once.
                Await.until("sched is ACTIVE again", () -> schedState(probe) == SubsystemState.ACTIVE);
            }
            assertTrue(probe.subsystem("sched").reason().contains("0 pool(s) open"));
            undeploy(jar, TestBundles.SCHEDULER, probe);
        } finally {
            logReader.removeLogListener(listener);
        }
    }

    @Test
    public void aHigherRankedServiceOfTheSameNameTakesThePoolOverWhileItIsDeployed() throws Exception {
        FrameworkProbe probe = new FrameworkProbe(context);
        List<ServerView> servers = List.of(new Server("a"), new Server("b"), new Server("c"));
        Path first = deploy(TestBundles.SCHEDULER);
        Await.until("the first algorithm is found", () -> registry.find(OrderedAlgorithm.NAME).isPresent());
        try (BalancedPool pool = registry.open(POOL, OrderedAlgorithm.NAME, SchedulerSettings.defaults(), servers)) {
            assertEquals(Set.of("a"), picks(pool, 3));
            // Both algorithms always give the same answer, so a second picker does not disturb the checks.
            Picker throughout = Picker.start(pool);

            Path override = deploy(TestBundles.SCHEDULER_OVERRIDE);
            Await.until("the higher-ranked service runs the pool", () -> picks(pool, 3).equals(Set.of("c")));
            assertFalse(pool.fallingBack());
            assertEquals(SubsystemState.ACTIVE, probe.subsystem("sched").state());

            undeploy(override, TestBundles.SCHEDULER_OVERRIDE, probe);
            assertEquals("the first service takes the pool back, no fallback in between", Set.of("a"), picks(pool, 3));
            assertFalse(pool.fallingBack());
            assertEquals(SubsystemState.ACTIVE, probe.subsystem("sched").state());
            throughout.finishWithoutFailures();
        }
        undeploy(first, TestBundles.SCHEDULER, probe);
        Await.until("the algorithm is gone", () -> registry.find(OrderedAlgorithm.NAME).isEmpty());
    }

    private static Set<String> picks(BalancedPool pool, int count) {
        Set<String> picked = new TreeSet<>();
        RequestContext request = new Request();
        for (int i = 0; i < count; i++) {
            picked.add(pool.pick(request).map(ServerView::id).orElse("none"));
        }
        return picked;
    }

    /**
     * Picks without pause on its own thread while an algorithm comes or goes, as the data plane would, and
     * keeps what went wrong. Stopped before the test's own pick sequences, which a second picker would
     * interleave with.
     */
    private static final class Picker extends Thread {
        private final BalancedPool pool;
        private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        private final CountDownLatch picking = new CountDownLatch(1);
        private volatile boolean stop;

        private Picker(BalancedPool pool) {
            super("it-picker");
            this.pool = pool;
        }

        /** Returns once the picker has picked at least once. */
        static Picker start(BalancedPool pool) throws InterruptedException {
            Picker picker = new Picker(pool);
            picker.start();
            picker.picking.await();
            return picker;
        }

        @Override
        public void run() {
            RequestContext request = new Request();
            while (!stop) {
                try {
                    if (pool.pick(request).isEmpty()) {
                        failures.add("no server picked");
                    }
                } catch (RuntimeException e) {
                    failures.add(e.toString());
                }
                picking.countDown();
            }
        }

        void finishWithoutFailures() throws InterruptedException {
            stop = true;
            join();
            assertEquals("picks that failed while the algorithm changed", List.of(), List.copyOf(failures));
        }
    }

    /** An UP server of weight 1. */
    private record Server(String id) implements ServerView {
        @Override
        public int weight() {
            return 1;
        }

        @Override
        public ServerState state() {
            return ServerState.UP;
        }

        @Override
        public boolean backup() {
            return false;
        }

        @Override
        public int activeConnections() {
            return 0;
        }

        @Override
        public int inactiveConnections() {
            return 0;
        }

        @Override
        public int maxConnections() {
            return 0;
        }
    }

    /** A connection on loopback; neither algorithm looks at it. */
    private static final class Request implements RequestContext {
        @Override
        public InetAddress sourceAddress() {
            return InetAddress.getLoopbackAddress();
        }

        @Override
        public int sourcePort() {
            return 40000;
        }

        @Override
        public InetAddress destinationAddress() {
            return InetAddress.getLoopbackAddress();
        }

        @Override
        public int destinationPort() {
            return 80;
        }
    }

    private static SubsystemState schedState(FrameworkProbe probe) {
        try {
            return probe.subsystem("sched").state();
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
