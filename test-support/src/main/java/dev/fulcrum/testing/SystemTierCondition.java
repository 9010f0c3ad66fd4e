package dev.fulcrum.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Enables system-tier tests only as root. A skip is printed (so a local run says why nothing ran);
 * with FULCRUM_REQUIRE_SYSTEM_TESTS=1 (CI) a skip becomes a failure instead.
 */
public final class SystemTierCondition implements ExecutionCondition {

    static final String REQUIRE_VARIABLE = "FULCRUM_REQUIRE_SYSTEM_TESTS";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (isRoot()) {
            return ConditionEvaluationResult.enabled("running as root");
        }
        String reason = "system tier needs root (network namespaces, raw sockets); running as uid " + uid();
        if ("1".equals(System.getenv(REQUIRE_VARIABLE))) {
            throw new IllegalStateException(REQUIRE_VARIABLE + "=1 but " + reason);
        }
        System.err.println("SKIPPED " + context.getDisplayName() + ": " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }

    static boolean isRoot() {
        return "0".equals(uid());
    }

    private static String uid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[2]; // real, effective, saved, fs: take the effective uid
                }
            }
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
        return "unknown";
    }
}
