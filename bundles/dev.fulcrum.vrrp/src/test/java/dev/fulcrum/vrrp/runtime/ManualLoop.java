package dev.fulcrum.vrrp.runtime;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** An {@link EventLoop} and clock for unit tests: tasks run when the test advances time, on the test's thread. */
final class ManualLoop implements EventLoop, InstantSource {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private long sequence;
    private final List<Task> tasks = new ArrayList<>();

    private record Task(Instant due, long order, Runnable body) {
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(new Task(now, sequence++, task));
    }

    @Override
    public Scheduled schedule(Runnable task, Duration delay) {
        Task scheduled = new Task(now.plus(delay), sequence++, task);
        tasks.add(scheduled);
        return () -> tasks.remove(scheduled);
    }

    @Override
    public void run(Runnable task) {
        execute(task);
        runDue();
    }

    /** Runs what is due now. */
    void runDue() {
        advance(Duration.ZERO);
    }

    /** Moves time forward by {@code step}, running every task in due order at its due time. */
    void advance(Duration step) {
        Instant end = now.plus(step);
        while (true) {
            Optional<Task> next = tasks.stream().filter(t -> !t.due().isAfter(end))
                    .min(Comparator.comparing(Task::due).thenComparingLong(Task::order));
            if (next.isEmpty()) {
                break;
            }
            tasks.remove(next.get());
            if (next.get().due().isAfter(now)) {
                now = next.get().due();
            }
            next.get().body().run();
        }
        now = end;
    }
}
