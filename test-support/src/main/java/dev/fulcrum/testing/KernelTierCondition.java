package dev.fulcrum.testing;

import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Enables kernel-tier tests only as root on a machine where the QEMU guest can boot (qemu installed,
 * rigs/kernel/prepare run). A skip is printed; with FULCRUM_REQUIRE_SYSTEM_TESTS=1 (CI, where
 * scripts/test prepares the rig as root) a skip becomes a failure instead.
 */
public final class KernelTierCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        ConditionEvaluationResult result = evaluate(SystemTierCondition.isRoot(),
                () -> KernelRig.locate().unavailableReason(),
                "1".equals(System.getenv(SystemTierCondition.REQUIRE_VARIABLE)));
        if (result.isDisabled()) {
            System.err.println("SKIPPED " + context.getDisplayName() + ": " + result.getReason().orElse(""));
        }
        return result;
    }

    /** The decision, apart from the environment it is read from. */
    static ConditionEvaluationResult evaluate(boolean root, Supplier<Optional<String>> rigProblem, boolean required) {
        Optional<String> reason = root
                ? rigProblem.get()
                : Optional.of("kernel tier needs root (the QEMU guest shares the host's / as root)");
        if (reason.isEmpty()) {
            return ConditionEvaluationResult.enabled("running as root with a prepared kernel rig");
        }
        if (required) {
            throw new IllegalStateException(SystemTierCondition.REQUIRE_VARIABLE + "=1 but " + reason.get());
        }
        return ConditionEvaluationResult.disabled(reason.get());
    }
}
