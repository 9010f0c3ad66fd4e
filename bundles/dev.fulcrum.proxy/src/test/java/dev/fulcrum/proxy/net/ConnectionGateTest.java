package dev.fulcrum.proxy.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    void theGlobalLimitPausesTheListenersOfEveryFrontendAndHandsItsSlotToAWaitingClientOfAnother() {
        ConnectionGate global = new ConnectionGate(1);
        ConnectionGate frontendA = new ConnectionGate(10, Optional.of(global));
        ConnectionGate frontendB = new ConnectionGate(10, Optional.of(global));
        EmbeddedChannel listenerA = new EmbeddedChannel();
        EmbeddedChannel listenerB = new EmbeddedChannel();
        frontendA.register(listenerA);
        frontendB.register(listenerB);
        List<String> started = new ArrayList<>();
        EmbeddedChannel onA = new EmbeddedChannel();
        EmbeddedChannel onB = new EmbeddedChannel();

        frontendA.admit(onA, () -> started.add("a"));
        frontendB.admit(onB, () -> started.add("b"));
        listenerA.runPendingTasks();
        listenerB.runPendingTasks();

        assertEquals(List.of("a"), started);
        assertFalse(listenerA.config().isAutoRead(), "frontend A has room, the process has none");
        assertFalse(listenerB.config().isAutoRead());
        assertEquals(0, frontendB.inUse(), "the waiting client holds no frontend slot yet");

        onA.close();
        onB.runPendingTasks();
        assertEquals(List.of("a", "b"), started);
        assertEquals(1, global.inUse());
        assertEquals(1, frontendB.inUse());
        assertEquals(0, frontendA.inUse());

        onB.close();
        listenerA.runPendingTasks();
        listenerB.runPendingTasks();
        assertTrue(listenerA.config().isAutoRead());
        assertTrue(listenerB.config().isAutoRead());
        assertEquals(0, global.inUse());
        for (EmbeddedChannel channel : List.of(onA, onB, listenerA, listenerB)) {
            assertFalse(channel.finishAndReleaseAll());
        }
    }

    @Test
    void aFullFrontendStaysPausedWhenTheGlobalLimitFrees() {
        ConnectionGate global = new ConnectionGate(5);
        ConnectionGate frontend = new ConnectionGate(1, Optional.of(global));
        EmbeddedChannel listener = new EmbeddedChannel();
        frontend.register(listener);
        EmbeddedChannel held = new EmbeddedChannel();
        EmbeddedChannel other = new EmbeddedChannel();

        frontend.admit(held, () -> { });
        global.admit(other, () -> { });
        other.close();
        listener.runPendingTasks();

        assertFalse(listener.config().isAutoRead(), "the frontend's own limit still holds");
        for (EmbeddedChannel channel : List.of(held, other, listener)) {
            assertFalse(channel.finishAndReleaseAll());
        }
    }

    @Test
    void rejectsALimitBelowOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ConnectionGate(0));
        assertEquals("maxconn must be at least 1, got 0", e.getMessage());
    }
}
