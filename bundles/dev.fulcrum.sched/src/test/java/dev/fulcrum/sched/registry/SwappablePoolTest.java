package dev.fulcrum.sched.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.sched.RequestContext;
import dev.fulcrum.api.sched.Scheduler;
import dev.fulcrum.api.sched.SchedulerFactory;
import dev.fulcrum.api.sched.SchedulerSettings;
import dev.fulcrum.api.sched.ServerView;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The pool alone: what it forwards, and how it treats a factory that gives nothing. */
class SwappablePoolTest {

    /** Records each hook as "hook id". */
    private static final class RecordingScheduler implements Scheduler {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public Optional<ServerView> pick(RequestContext request) {
            calls.add("pick");
            return Optional.empty();
        }

        @Override
        public void serverAdded(ServerView server) {
            calls.add("added " + server.id());
        }

        @Override
        public void serverRemoved(ServerView server) {
            calls.add("removed " + server.id());
        }

        @Override
        public void serverChanged(ServerView server) {
            calls.add("changed " + server.id());
        }

        @Override
        public void connectionsChanged(ServerView server) {
            calls.add("connections " + server.id());
        }
    }

    private static SchedulerFactory giving(Scheduler scheduler) {
        return new LowestIdFactory("recording") {
            @Override
            public Scheduler create(SchedulerSettings settings, Collection<? extends ServerView> servers) {
                return scheduler;
            }
        };
    }

    @Test
    void forwardsEveryHookToTheRunningAlgorithm() {
        RecordingScheduler recording = new RecordingScheduler();
        SwappablePool pool = new SwappablePool("web", "recording", SchedulerSettings.defaults(), List.of(), p -> { });
        assertEquals(Optional.empty(), pool.runOn(Optional.of(giving(recording)), "unused"));
        TestServer a = TestServer.up("a");

        pool.serverAdded(a);
        pool.serverChanged(a);
        pool.connectionsChanged(a);
        pool.pick(TestRequest.ANY);
        pool.serverRemoved(a);
        assertEquals(List.of("added a", "changed a", "connections a", "pick", "removed a"), recording.calls);
    }

    @Test
    void aFactoryThatGivesNoSchedulerLeavesThePoolOnRoundRobin() {
        SwappablePool pool = new SwappablePool("web", "empty", SchedulerSettings.defaults(),
                List.of(TestServer.up("a")), p -> { });
        Optional<String> problem = pool.runOn(Optional.of(giving(null)), "unused");
        assertEquals(Optional.of("algorithm empty failed to start: java.lang.IllegalStateException: "
                + "the factory returned no scheduler"), problem);
        assertTrue(pool.fallingBack());
        assertEquals("a", pool.pick(TestRequest.ANY).orElseThrow().id());
    }

    @Test
    void closeHandsThePoolToItsOwner() {
        AtomicReference<SwappablePool> closed = new AtomicReference<>();
        SwappablePool pool = new SwappablePool("web", "rr", SchedulerSettings.defaults(), List.of(), closed::set);
        pool.close();
        assertSame(pool, closed.get());
        assertEquals("pool web (rr, falling back to round robin)", pool.toString());
    }
}
