package dev.fulcrum.it;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Waits for an effect produced by another thread (the deployer, SCR, a process) with a deadline.
 * Not a timer in disguise: the condition is checked, and the failure names what never happened.
 */
public final class Await {

    private static final Duration DEFAULT = Duration.ofSeconds(30);

    private Await() {
    }

    public static <T> T until(String what, Supplier<T> probe) {
        return until(what, DEFAULT, probe);
    }

    /** Returns the first non-null, non-false value of the probe. */
    public static <T> T until(String what, Duration limit, Supplier<T> probe) {
        long deadline = System.nanoTime() + limit.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                T value = probe.get();
                if (value != null && !Boolean.FALSE.equals(value)) {
                    return value;
                }
            } catch (RuntimeException e) {
                last = e;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting until " + what, e);
            }
        }
        throw new AssertionError("timed out after " + limit.toMillis() + " ms waiting until " + what, last);
    }
}
