package dev.fulcrum.vrrp.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** keepalived.conf(5) vrrp_script rise / fall / init_fail. */
class ScriptHealthTest {

    @Test
    void fallsAfterFallFailuresInARowAndRisesAfterRiseSuccesses() {
        ScriptHealth health = new ScriptHealth(2, 3, false);
        assertTrue(health.good());
        assertFalse(health.record(false));
        assertFalse(health.record(false));
        assertFalse(health.record(true), "a success restarts the count");
        assertFalse(health.record(false));
        assertFalse(health.record(false));
        assertTrue(health.record(false), "third failure in a row");
        assertFalse(health.good());
        assertFalse(health.record(true));
        assertTrue(health.record(true), "second success in a row");
        assertTrue(health.good());
    }

    @Test
    void initFailStartsBad() {
        ScriptHealth health = new ScriptHealth(1, 1, true);
        assertFalse(health.good());
        assertTrue(health.record(true));
    }

    @Test
    void riseAndFallMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new ScriptHealth(0, 1, false));
    }
}
