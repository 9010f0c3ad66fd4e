package dev.fulcrum.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

/** When the kernel tier runs, skips with a reason, or (FULCRUM_REQUIRE_SYSTEM_TESTS=1) fails. */
class KernelTierConditionTest {

    private static final String NOT_PREPARED = "no guest kernel prepared in /var/cache/fulcrum-kernel-rig";

    @Test
    void rootWithAPreparedRigRuns() {
        ConditionEvaluationResult result = KernelTierCondition.evaluate(true, Optional::empty, true);
        assertFalse(result.isDisabled());
    }

    @Test
    void aMissingRigSkipsWithItsReason() {
        ConditionEvaluationResult result = KernelTierCondition.evaluate(true, () -> Optional.of(NOT_PREPARED), false);
        assertTrue(result.isDisabled());
        assertEquals(Optional.of(NOT_PREPARED), result.getReason());
    }

    @Test
    void notRootSkipsWithoutLookingAtTheRig() {
        ConditionEvaluationResult result = KernelTierCondition.evaluate(false, () -> {
            throw new AssertionError("the rig must not be probed without root");
        }, false);
        assertTrue(result.isDisabled());
        assertTrue(result.getReason().orElseThrow().contains("needs root"), result.getReason().orElseThrow());
    }

    @Test
    void whenRequiredASkipBecomesAFailure() {
        IllegalStateException notRoot = assertThrows(IllegalStateException.class,
                () -> KernelTierCondition.evaluate(false, Optional::empty, true));
        assertTrue(notRoot.getMessage().startsWith("FULCRUM_REQUIRE_SYSTEM_TESTS=1 but kernel tier needs root"),
                notRoot.getMessage());
        IllegalStateException unprepared = assertThrows(IllegalStateException.class,
                () -> KernelTierCondition.evaluate(true, () -> Optional.of(NOT_PREPARED), true));
        assertEquals("FULCRUM_REQUIRE_SYSTEM_TESTS=1 but " + NOT_PREPARED, unprepared.getMessage());
    }
}
