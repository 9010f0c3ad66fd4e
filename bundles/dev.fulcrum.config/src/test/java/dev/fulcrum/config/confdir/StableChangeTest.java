package dev.fulcrum.config.confdir;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StableChangeTest {

    private final StableChange<String> change = new StableChange<>();

    @Test
    void aChangeIsHandledOnceItHeldForOnePoll() {
        assertFalse(change.offer("a"), "first sight: maybe still being written");
        assertTrue(change.offer("a"), "unchanged since the previous poll");
        assertFalse(change.offer("a"), "already handled");
        assertFalse(change.offer("b"));
        assertFalse(change.offer("c"), "still changing");
        assertTrue(change.offer("c"));
    }

    @Test
    void whatWasHandledOutsideIsNotHandledAgain() {
        change.handled("a");
        assertFalse(change.offer("a"));
        assertFalse(change.offer("b"));
        assertTrue(change.offer("b"));
    }

    @Test
    void goingBackToTheHandledStateAfterAChangeIsNothingToDo() {
        change.handled("a");
        assertFalse(change.offer("b"));
        assertFalse(change.offer("a"));
        assertFalse(change.offer("a"), "the same as what was handled");
    }
}
