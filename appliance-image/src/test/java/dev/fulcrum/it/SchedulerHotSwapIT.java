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
import dev.fulcrum.it.sched.FirstUsableAlgorithm;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
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
        TestBundles.buildScheduler(staged);
        return new Option[] {ImageOptions.image(work), frameworkProperty(STAGED).value(staged.toString())};
    }

    private Path deployAlgorithm() throws Exception {
        Path staged = TestBundles.jar(Path.of(context.getProperty(STAGED)), TestBundles.SCHEDULER, "1.0.0");
        return TestBundles.moveIn(staged, Path.of(context.getProperty("fulcrum.deploy.dir")));
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
            assertFalse(registry.names().contains(FirstUsableAlgorithm.NAME));

            Path jar = deployAlgorithm();
            Await.until("the deployed algorithm is found by name",
                    () -> registry.find(FirstUsableAlgorithm.NAME).isPresent());
            try (BalancedPool pool = registry.open(POOL, FirstUsableAlgorithm.NAME, SchedulerSettings.defaults(),
                    servers)) {
                Picker picker = new Picker(pool);
                picker.start();
                assertFalse(pool.fallingBack());
                assertEquals("the deployed algorithm picks", Set.of("a"), picks(pool, 6));
                assertEquals(SubsystemState.ACTIVE, probe.subsystem("sched").state());

                Files.delete(jar);
                Await.until("the pool falls back to round robin", pool::fallingBack);
                assertEquals("round robin takes turns", Set.of("a", "b", "c"), picks(pool, 3));
                SubsystemStatus degraded = probe.subsystem("sched");
                assertEquals(SubsystemState.DEGRADED, degraded.state());
                assertTrue(degraded.reason(), degraded.reason().contains(
                        POOL + " (algorithm " + FirstUsableAlgorithm.NAME + " is not available)"));
                String status = probe.shell("fulcrum:status");
                assertTrue(status, status.lines().anyMatch(line -> line.startsWith("sched") && line.contains("DEGRADED")));
                Await.until("the fallback is logged as a warning", () -> log.stream().anyMatch(entry ->
                        entry.getLogLevel() == LogLevel.WARN && entry.getMessage().contains(POOL)
                                && entry.getMessage().contains("round robin")));
                Await.until("the algorithm bundle is uninstalled", () -> probe.count(TestBundles.SCHEDULER) == 0);

                deployAlgorithm();
                Await.until("the pool runs the algorithm again", () -> !pool.fallingBack());
                assertEquals(Set.of("a"), picks(pool, 6));
                assertEquals(SubsystemState.ACTIVE, probe.subsystem("sched").state());
                picker.finish();
                assertEquals("picks that failed while the algorithm came and went", List.of(),
                        List.copyOf(picker.failures));
                assertTrue("the picker ran", picker.picks > 0);
            }
            assertTrue(probe.subsystem("sched").reason().contains("0 pool(s) open"));
        } finally {
            logReader.removeLogListener(listener);
        }
    }

    private static Set<String> picks(BalancedPool pool, int count) {
        Set<String> picked = new TreeSet<>();
        RequestContext request = new Request();
        for (int i = 0; i < count; i++) {
            picked.add(pool.pick(request).map(ServerView::id).orElse("none"));
        }
        return picked;
    }

    /** Picks without pause on its own thread, as the data plane would, and keeps what went wrong. */
    private static final class Picker extends Thread {
        private final BalancedPool pool;
        private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        private volatile boolean stop;
        private volatile long picks;

        Picker(BalancedPool pool) {
            super("it-picker");
            this.pool = pool;
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
                picks++;
            }
        }

        void finish() throws InterruptedException {
            stop = true;
            join();
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
}
