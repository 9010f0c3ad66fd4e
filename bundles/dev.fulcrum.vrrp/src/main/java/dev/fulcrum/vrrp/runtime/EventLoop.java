package dev.fulcrum.vrrp.runtime;

import java.time.Duration;

/**
 * The single thread that serializes everything an instance group does (received adverts, timers,
 * tracking, configuration changes), so that the state machines need no locks.
 */
public interface EventLoop {

    /** Runs {@code task} on the loop, after what is already queued. */
    void execute(Runnable task);

    /** Runs {@code task} on the loop once {@code delay} has passed; the handle cancels it. */
    Scheduled schedule(Runnable task, Duration delay);

    /** Runs {@code task} on the loop and waits for it (at most a few seconds: a stuck loop is logged, not waited on). */
    void run(Runnable task) throws InterruptedException;

    interface Scheduled {
        void cancel();
    }
}
