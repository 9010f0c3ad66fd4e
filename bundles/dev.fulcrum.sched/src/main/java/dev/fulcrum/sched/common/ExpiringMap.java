package dev.fulcrum.sched.common;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A map whose entries expire when unused for a while: IPVS persistence templates (ip_vs_conn.c, the
 * template's timeout), the lblc/lblcr destination tables (ip_vs_lblc.c {@code lblc_expiration}). A hit
 * renews the entry; expired entries are ignored at once and swept out at most once per timeout, by
 * whichever caller finds the sweep due, so memory stays bounded without a timer thread.
 *
 * @param <K> the key, e.g. a masked client address
 * @param <V> the value, e.g. the server the client sticks to
 */
public final class ExpiringMap<K, V> {

    private static final class Slot<V> {
        final V value;
        volatile long lastUse;

        Slot(V value, long lastUse) {
            this.value = value;
            this.lastUse = lastUse;
        }
    }

    private final Map<K, Slot<V>> slots = new ConcurrentHashMap<>();
    private final long timeoutMillis;
    private final InstantSource clock;
    private final AtomicLong nextSweep;

    public ExpiringMap(Duration timeout, InstantSource clock) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("expiry timeout must be positive, got " + timeout);
        }
        this.timeoutMillis = timeout.toMillis();
        this.clock = clock;
        this.nextSweep = new AtomicLong(clock.millis() + timeoutMillis);
    }

    /**
     * The live value for the key if {@code keep} accepts it (renewing it); otherwise the one {@code choose}
     * returns, stored for the key (null: none, and the key is dropped). Atomic per key: two callers
     * racing for a new key agree on one value.
     */
    public V lookup(K key, Predicate<? super V> keep, Supplier<? extends V> choose) {
        long now = clock.millis();
        sweepIfDue(now);
        Slot<V> slot = slots.get(key);
        if (slot != null && live(slot, now) && keep.test(slot.value)) {
            renew(slot, now);
            return slot.value;
        }
        Slot<V> result = slots.compute(key, (k, old) -> {
            if (old != null && live(old, now) && keep.test(old.value)) {
                renew(old, now);
                return old;
            }
            V chosen = choose.get();
            return chosen == null ? null : new Slot<>(chosen, now);
        });
        return result == null ? null : result.value;
    }

    /** Drops every entry whose value matches, e.g. all clients of a removed server. */
    public void removeValues(Predicate<? super V> match) {
        slots.values().removeIf(slot -> match.test(slot.value));
    }

    /** Visits every value held, expired or not. */
    public void forEachValue(Consumer<? super V> action) {
        slots.values().forEach(slot -> action.accept(slot.value));
    }

    /** Entries held now, expired ones not yet swept included. */
    public int size() {
        return slots.size();
    }

    /** Writes only when the millisecond changed: a volatile write is a fence, most hits need none. */
    private static <V> void renew(Slot<V> slot, long now) {
        if (slot.lastUse != now) {
            slot.lastUse = now;
        }
    }

    private boolean live(Slot<V> slot, long now) {
        return now - slot.lastUse < timeoutMillis;
    }

    private void sweepIfDue(long now) {
        long due = nextSweep.get();
        if (now >= due && nextSweep.compareAndSet(due, now + timeoutMillis)) {
            slots.values().removeIf(slot -> !live(slot, now));
        }
    }
}
