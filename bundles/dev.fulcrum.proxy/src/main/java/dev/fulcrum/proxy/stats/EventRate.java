package dev.fulcrum.proxy.stats;

import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * Events per second and the highest rate seen, as HAProxy's {@code rate}, {@code req_rate},
 * {@code conn_rate} and their {@code *_max} columns report them (management.txt 9.1: "number of
 * sessions per second over last elapsed second"). Like HAProxy's frequency counters it keeps the
 * current and the previous whole second and reads the previous one weighted by the part of the
 * current second still to come, so the value does not drop to zero at each second boundary.
 * Marking is a time check and a {@link LongAdder} increment (no lock, no shared hot counter); the
 * maximum is taken from each completed second and from each read. A count racing with the turn of
 * a second may land in either second.
 */
public final class EventRate {

    private final InstantSource clock;
    private final AtomicLong second;
    private final LongAdder current = new LongAdder();
    private final AtomicLong previous = new AtomicLong();
    private final LongAccumulator max = new LongAccumulator(Math::max, 0);

    public EventRate(InstantSource clock) {
        this.clock = clock;
        this.second = new AtomicLong(clock.millis() / 1000);
    }

    public void mark() {
        turn(clock.millis() / 1000);
        current.increment();
    }

    /** The rate now. */
    public long rate() {
        long now = clock.millis();
        turn(now / 1000);
        long remaining = 1000 - now % 1000;
        long rate = current.sum() + previous.get() * remaining / 1000;
        max.accumulate(rate);
        return rate;
    }

    /** The highest rate of any second so far, the current one included. */
    public long max() {
        return Math.max(max.get(), rate());
    }

    /** Moves the counts on when a new second began; one caller wins the turn, the others see it done. */
    private void turn(long nowSecond) {
        long seen = second.get();
        if (nowSecond > seen && second.compareAndSet(seen, nowSecond)) {
            long ended = current.sumThenReset();
            max.accumulate(ended);
            previous.set(nowSecond == seen + 1 ? ended : 0);
        }
    }
}
