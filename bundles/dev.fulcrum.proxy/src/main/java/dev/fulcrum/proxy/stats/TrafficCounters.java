package dev.fulcrum.proxy.stats;

import java.util.concurrent.atomic.LongAdder;

/**
 * One {@link LongAdder} per {@link Traffic} counter: event loops add without locks or shared cache
 * lines; a reader sums when a stats row is built.
 */
public final class TrafficCounters {

    private final LongAdder[] adders = new LongAdder[Traffic.values().length];

    public TrafficCounters() {
        for (int i = 0; i < adders.length; i++) {
            adders[i] = new LongAdder();
        }
    }

    public void increment(Traffic counter) {
        adders[counter.ordinal()].increment();
    }

    public void add(Traffic counter, long amount) {
        adders[counter.ordinal()].add(amount);
    }

    public long get(Traffic counter) {
        return adders[counter.ordinal()].sum();
    }
}
