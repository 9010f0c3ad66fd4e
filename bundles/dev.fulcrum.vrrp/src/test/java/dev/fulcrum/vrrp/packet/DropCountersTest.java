package dev.fulcrum.vrrp.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.vrrp.packet.ReceiveResult.Drop;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DropCountersTest {

    @Test
    void countsEachReasonAndTheTotal() {
        DropCounters counters = new DropCounters();
        counters.count(new Drop(DropReason.TTL, "a"));
        counters.count(new Drop(DropReason.TTL, "b"));
        counters.count(new Drop(DropReason.CHECKSUM, "c"));
        assertEquals(2, counters.get(DropReason.TTL));
        assertEquals(1, counters.get(DropReason.CHECKSUM));
        assertEquals(0, counters.get(DropReason.VRID));
        assertEquals(3, counters.total());
        Map<DropReason, Long> snapshot = counters.snapshot();
        assertEquals(DropReason.values().length, snapshot.size());
        assertEquals(2L, snapshot.get(DropReason.TTL));
        counters.count(new Drop(DropReason.TTL, "d"));
        assertEquals(2L, snapshot.get(DropReason.TTL)); // a snapshot does not move
    }
}
