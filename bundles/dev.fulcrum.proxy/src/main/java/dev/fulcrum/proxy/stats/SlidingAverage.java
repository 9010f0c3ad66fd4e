package dev.fulcrum.proxy.stats;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

/**
 * An average over the last {@code window} samples the way HAProxy keeps its stats times (its
 * "swrate", a sliding window rate; management.txt 9.1 "qtime": "the average queue time in ms over
 * the 1024 last requests"). No sample is stored: until the window is full the sum is a plain sum and
 * the average is over the samples seen; from then on each sample first takes one window's share out
 * of the sum ({@code sum - ceil(sum / window) + value}), so older samples fade out. Also keeps the
 * largest sample ({@code qtime_max} ...).
 *
 * <p>Adding is lock-free (a compare-and-set on the sum); a reader racing with an adder may see the
 * new count with the old sum, an error of one sample for one read.
 */
public final class SlidingAverage {

    /** management.txt 9.1 fields 58-61: "over the 1024 last requests". */
    public static final int HAPROXY_WINDOW = 1024;

    private final int window;
    private final AtomicLong sum = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
    private final LongAccumulator max = new LongAccumulator(Math::max, 0);

    public SlidingAverage(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, got " + window);
        }
        this.window = window;
    }

    /** @param value a non-negative sample (milliseconds) */
    public void add(long value) {
        boolean full = samples.getAndIncrement() >= window;
        sum.getAndUpdate(s -> full ? s - (s + window - 1) / window + value : s + value);
        max.accumulate(value);
    }

    /** The average, rounded to the nearest integer; 0 before any sample. */
    public long average() {
        long n = Math.min(samples.get(), window);
        return n == 0 ? 0 : (sum.get() + n / 2) / n;
    }

    /** The largest sample so far, 0 before any. */
    public long max() {
        return max.get();
    }
}
