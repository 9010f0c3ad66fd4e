package dev.fulcrum.vrrp.runtime;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The real {@link EventLoop}: a single-thread scheduled executor on a daemon thread. */
final class ExecutorLoop implements EventLoop, AutoCloseable {

    private static final Logger LOG = System.getLogger(ExecutorLoop.class.getName());
    private static final long RUN_TIMEOUT_SECONDS = 5;

    private final ScheduledExecutorService executor;

    ExecutorLoop(String name) {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void execute(Runnable task) {
        executor.execute(guarded(task));
    }

    @Override
    public Scheduled schedule(Runnable task, Duration delay) {
        ScheduledFuture<?> future = executor.schedule(guarded(task), delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void run(Runnable task) throws InterruptedException {
        try {
            executor.submit(guarded(task)).get(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.WARNING, "VRRP loop task did not complete: " + e);
        }
    }

    /** A task that throws must not kill the loop's thread (a scheduled executor would swallow it silently). */
    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "VRRP loop task failed", e);
            }
        };
    }

    /** Stops at once: queued and scheduled tasks are dropped. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
