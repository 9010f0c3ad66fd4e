package dev.fulcrum.health.internal;

import java.time.Duration;

/**
 * Where a monitor's work runs: one thread, tasks in order. Production uses the health event loop;
 * tests use a virtual clock so that timer-driven scenarios run without sleeping.
 */
interface Scheduler {

    void execute(Runnable task);

    Cancellable schedule(Runnable task, Duration delay);

    /** Whether the caller already runs on this scheduler's thread. */
    boolean inThread();

    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
