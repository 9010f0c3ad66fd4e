package dev.fulcrum.config.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.DesiredState;
import dev.fulcrum.api.reconcile.ReconcileError;
import dev.fulcrum.api.reconcile.ReconcileResult;
import dev.fulcrum.api.reconcile.Reconciler;
import dev.fulcrum.api.reconcile.Revision;
import dev.fulcrum.api.reconcile.SubsystemRevision;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class DistributionTest {

    /** Runs queued tasks only when told: the test decides when "the configuration thread" runs. */
    private static final class ManualExecutor implements Executor {
        private final Queue<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                tasks.poll().run();
            }
        }
    }

    /** Records what it is handed; fails the numbers it is told to fail. */
    private static final class Recorder implements Reconciler {
        final String name;
        final List<Long> received = new CopyOnWriteArrayList<>();
        final long failing;

        Recorder(String name, long failing) {
            this.name = name;
            this.failing = failing;
        }

        Recorder(String name) {
            this(name, -1);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public ReconcileResult reconcile(Revision revision) {
            received.add(revision.number());
            return revision.number() == failing
                    ? ReconcileResult.failed("test.refused", name + " refuses " + revision.number())
                    : ReconcileResult.applied();
        }
    }

    private final ManualExecutor executor = new ManualExecutor();
    private final Distribution distribution = new Distribution(executor);

    private static Revision revision(long number) {
        return new Revision(number, DesiredState.EMPTY, Instant.EPOCH.plusSeconds(number), "r" + number);
    }

    @Test
    void aReconcilerBoundBeforeAnyRevisionGetsNothingUntilThePublish() {
        Recorder early = new Recorder("early");
        distribution.bind(early);
        executor.runAll();
        assertEquals(List.of(), early.received);
        assertEquals(1, distribution.reconcilerCount());

        distribution.publish(revision(1));
        executor.runAll();
        assertEquals(List.of(1L), early.received);
    }

    @Test
    void aLateJoinerCatchesUpWithTheCurrentRevisionOnly() {
        distribution.publish(revision(1));
        distribution.publish(revision(2));
        executor.runAll();
        Recorder late = new Recorder("late");
        distribution.bind(late);
        executor.runAll();
        assertEquals(List.of(2L), late.received);
        assertEquals(new SubsystemRevision("late", 2, true, List.of()), distribution.results().get("late"));
    }

    @Test
    void aBindQueuedBeforeAPublishGetsEachRevisionExactlyOnce() {
        distribution.publish(revision(1));
        Recorder racing = new Recorder("racing");
        distribution.bind(racing);
        distribution.publish(revision(2));
        executor.runAll();
        assertEquals(List.of(1L, 2L), racing.received);
    }

    @Test
    void anApplyReachesEveryBoundReconciler() {
        Recorder a = new Recorder("a");
        Recorder b = new Recorder("b");
        distribution.bind(a);
        distribution.bind(b);
        distribution.publish(revision(7));
        executor.runAll();
        assertEquals(List.of(7L), a.received);
        assertEquals(List.of(7L), b.received);
        assertEquals(List.of("a", "b"), List.copyOf(distribution.results().keySet()));
        assertEquals(List.of(), distribution.failedAt(7));
    }

    @Test
    void aThrowingReconcilerIsRecordedAsFailedAndTheOthersStillGetTheRevision() {
        Reconciler thrower = new Reconciler() {
            @Override
            public String name() {
                return "thrower";
            }

            @Override
            public ReconcileResult reconcile(Revision revision) {
                throw new IllegalStateException("netlink socket closed");
            }
        };
        Recorder after = new Recorder("after");
        distribution.bind(thrower);
        distribution.bind(after);
        distribution.publish(revision(3));
        executor.runAll();

        SubsystemRevision failed = distribution.results().get("thrower");
        assertFalse(failed.applied());
        assertEquals(3, failed.revision());
        ReconcileError error = failed.errors().get(0);
        assertEquals(ReconcileError.RECONCILER_EXCEPTION, error.code());
        assertTrue(error.message().contains("netlink socket closed"), error.message());
        assertEquals(List.of(3L), after.received);
        assertEquals(List.of("thrower"), distribution.failedAt(3));
    }

    @Test
    void aTypedFailureIsKeptWithItsCodeAndClearedByTheNextAppliedRevision() {
        Recorder picky = new Recorder("picky", 2);
        distribution.bind(picky);
        distribution.publish(revision(2));
        executor.runAll();
        assertEquals(List.of(new ReconcileError("test.refused", "picky refuses 2")),
                distribution.results().get("picky").errors());
        assertEquals(List.of("picky"), distribution.failedAt(2));

        distribution.publish(revision(3));
        executor.runAll();
        assertTrue(distribution.results().get("picky").applied());
        assertEquals(List.of(), distribution.failedAt(3));
    }

    @Test
    void aRollbackHandsTheOlderRevisionOutAgain() {
        Recorder a = new Recorder("a");
        distribution.bind(a);
        distribution.publish(revision(1));
        distribution.publish(revision(2));
        distribution.publish(revision(1));
        executor.runAll();
        assertEquals(List.of(1L, 2L, 1L), a.received);
        assertEquals(1, distribution.results().get("a").revision());
    }

    @Test
    void anUnboundReconcilerGetsNothingMoreAndItsResultGoes() {
        Recorder a = new Recorder("a");
        distribution.bind(a);
        distribution.publish(revision(1));
        distribution.unbind(a);
        distribution.publish(revision(2));
        executor.runAll();
        assertEquals(List.of(1L), a.received);
        assertFalse(distribution.results().containsKey("a"));
        assertEquals(0, distribution.reconcilerCount());
    }

    @Test
    void afterTheExecutorIsShutDownChangesAreDroppedWithoutAnException() {
        var thread = java.util.concurrent.Executors.newSingleThreadExecutor();
        thread.shutdown();
        Distribution closing = new Distribution(thread);
        Recorder a = new Recorder("a");
        closing.bind(a);
        closing.publish(revision(1));
        closing.unbind(a);
        assertEquals(List.of(), a.received);
        assertEquals(0, closing.reconcilerCount());
    }

    @Test
    void onARealSingleThreadTheOrderPerReconcilerIsPreserved() throws Exception {
        var thread = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            Distribution real = new Distribution(thread);
            Recorder a = new Recorder("a");
            Recorder b = new Recorder("b");
            real.bind(a);
            real.bind(b);
            LongStream.rangeClosed(1, 200).forEach(n -> real.publish(revision(n)));
            thread.shutdown();
            assertTrue(thread.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS));
            List<Long> expected = LongStream.rangeClosed(1, 200).boxed().toList();
            assertEquals(expected, a.received);
            assertEquals(expected, b.received);
        } finally {
            thread.shutdownNow();
        }
    }
}
