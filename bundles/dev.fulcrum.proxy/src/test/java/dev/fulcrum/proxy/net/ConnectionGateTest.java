package dev.fulcrum.proxy.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionGateTest {

    @Test
    void pausesTheListenerAtTheLimitAndHandsTheFreedSlotToTheWaitingClient() {
        ConnectionGate gate = new ConnectionGate(1);
        EmbeddedChannel listener = new EmbeddedChannel();
        gate.register(listener);
        listener.runPendingTasks();
        assertTrue(listener.config().isAutoRead());
        List<String> started = new ArrayList<>();
        EmbeddedChannel first = new EmbeddedChannel();
        EmbeddedChannel second = new EmbeddedChannel();

        gate.admit(first, () -> started.add("first"));
        gate.admit(second, () -> started.add("second"));

        assertEquals(List.of("first"), started);
        listener.runPendingTasks();
        assertFalse(listener.config().isAutoRead(), "a full frontend stops accepting");

        first.close();
        second.runPendingTasks();
        assertEquals(List.of("first", "second"), started);
        assertEquals(1, gate.inUse());
        listener.runPendingTasks();
        assertFalse(listener.config().isAutoRead());

        second.close();
        assertEquals(0, gate.inUse());
        listener.runPendingTasks();
        assertTrue(listener.config().isAutoRead());
        assertFalse(first.finishAndReleaseAll());
        assertFalse(second.finishAndReleaseAll());
        assertFalse(listener.finishAndReleaseAll());
    }

    @Test
    void aClientClosedWhileWaitingNeverTakesASlot() {
        ConnectionGate gate = new ConnectionGate(1);
        List<String> started = new ArrayList<>();
        EmbeddedChannel first = new EmbeddedChannel();
        EmbeddedChannel waiting = new EmbeddedChannel();
        gate.admit(first, () -> started.add("first"));
        gate.admit(waiting, () -> started.add("waiting"));

        waiting.close();
        first.close();
        waiting.runPendingTasks();

        assertEquals(List.of("first"), started);
        assertEquals(0, gate.inUse());
        assertFalse(first.finishAndReleaseAll());
        assertFalse(waiting.finishAndReleaseAll());
    }

    @Test
    void rejectsALimitBelowOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ConnectionGate(0));
        assertEquals("maxconn must be at least 1, got 0", e.getMessage());
    }
}
