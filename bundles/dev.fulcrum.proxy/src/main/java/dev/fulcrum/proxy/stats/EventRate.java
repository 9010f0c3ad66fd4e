package dev.fulcrum.proxy.stats;

import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

/**
 * Events per second and the highest rate seen, as HAProxy's {@code rate}, {@code req_rate},
 * {@code conn_rate} and their {@code *_max} columns report them (management.txt 9.1: "number of
 * sessions per second over last elapsed second"). Like HAProxy's frequency counters it keeps the
 * current and the previous whole second and reads the previous one weighted by the part of the
 * current second still to come, so the value does not drop to zero at each second boundary.
 * Lock-free; a count racing with the turn of a second may land in either second.
 */
public final class EventRate {

    private final InstantSource clock;
    private final AtomicLong second;
    private final AtomicLong current = new AtomicLong();
    private final AtomicLong previous = new AtomicLong();
    private final LongAccumulator max = new LongAccumulator(Math::max, 0);

    public EventRate(InstantSource clock) {
        this.clock = clock;
        this.second = new AtomicLong(clock.millis() / 1000);
    }

    public void mark() {
        long now = clock.millis();
        turn(now / 1000);
        current.incrementAndGet();
        max.accumulate(rate(now));
    }

    /** The rate now. */
    public long rate() {
        long now = clock.millis();
        turn(now / 1000);
        return rate(now);
    }

    public long max() {
        return max.get();
    }

    private long rate(long nowMillis) {
        long remaining = 1000 - nowMillis % 1000;
        return current.get() + previous.get() * remaining / 1000;
    }

    /** Moves the counts on when a new second began; one caller wins the turn, the others see it done. */
    private void turn(long nowSecond) {
        long seen = second.get();
        if (nowSecond > seen && second.compareAndSet(seen, nowSecond)) {
            long ended = current.getAndSet(0);
            previous.set(nowSecond == seen + 1 ? ended : 0);
        }
    }
}
