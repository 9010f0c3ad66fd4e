package dev.fulcrum.proxy.stats;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

/** {@code scur} and {@code smax}: sessions open now and the most seen at once. */
public final class SessionGauge {

    private final AtomicLong current = new AtomicLong();
    private final LongAccumulator max = new LongAccumulator(Math::max, 0);

    public void opened() {
        max.accumulate(current.incrementAndGet());
    }

    public void closed() {
        current.decrementAndGet();
    }

    /** A level measured elsewhere (e.g. busy server connections): raises the maximum only. */
    public void observed(long level) {
        max.accumulate(level);
    }

    public long current() {
        return current.get();
    }

    public long max() {
        return max.get();
    }
}
