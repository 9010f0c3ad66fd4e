package dev.fulcrum.health.internal;

import java.time.Duration;
import java.util.PriorityQueue;

/** A scheduler on a fake clock: tasks run in time order when the test advances the clock. */
final class VirtualScheduler implements Scheduler {

    private record Task(long atMillis, long order, Runnable body, boolean[] cancelled) {
    }

    private final PriorityQueue<Task> queue = new PriorityQueue<>(
            (a, b) -> a.atMillis != b.atMillis ? Long.compare(a.atMillis, b.atMillis) : Long.compare(a.order, b.order));
    private long now;
    private long order;

    long nowMillis() {
        return now;
    }

    @Override
    public void execute(Runnable task) {
        schedule(task, Duration.ZERO);
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        boolean[] cancelled = {false};
        queue.add(new Task(now + delay.toMillis(), order++, task, cancelled));
        return () -> cancelled[0] = true;
    }

    @Override
    public boolean inThread() {
        return true;
    }

    /** Runs every task due up to and including the given instant, advancing the clock. */
    void runUntil(long millis) {
        while (!queue.isEmpty() && queue.peek().atMillis <= millis) {
            Task task = queue.poll();
            now = task.atMillis;
            if (!task.cancelled[0]) {
                task.body.run();
            }
        }
        now = millis;
    }
}
