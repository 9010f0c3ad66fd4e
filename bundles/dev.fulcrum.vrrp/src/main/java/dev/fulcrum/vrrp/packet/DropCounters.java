package dev.fulcrum.vrrp.packet;

import dev.fulcrum.vrrp.packet.ReceiveResult.Drop;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/** Dropped packets counted by reason; safe to read from another thread (status, REST) while counting. */
public final class DropCounters {

    private final AtomicLongArray counts = new AtomicLongArray(DropReason.values().length);

    public void count(Drop drop) {
        counts.incrementAndGet(drop.reason().ordinal());
    }

    public long get(DropReason reason) {
        return counts.get(reason.ordinal());
    }

    public long total() {
        long total = 0;
        for (int i = 0; i < counts.length(); i++) {
            total += counts.get(i);
        }
        return total;
    }

    /** Every reason, in the enum's order, with its count (zero included). */
    public Map<DropReason, Long> snapshot() {
        Map<DropReason, Long> snapshot = new EnumMap<>(DropReason.class);
        for (DropReason reason : DropReason.values()) {
            snapshot.put(reason, get(reason));
        }
        return Collections.unmodifiableMap(snapshot);
    }
}
