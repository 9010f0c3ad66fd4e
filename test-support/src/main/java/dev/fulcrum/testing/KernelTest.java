package dev.fulcrum.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class of the kernel tier: it needs a kernel with IPVS, which the build host lacks, so
 * it runs its checks in a QEMU guest through {@link QemuGuest}. Surefire's "kernel-tests" execution
 * selects the tag (after the system tier); {@link KernelTierCondition} skips the tests with a printed
 * reason when not root or when the rig is not prepared (rigs/kernel/prepare), or fails them when
 * FULCRUM_REQUIRE_SYSTEM_TESTS=1. Boots are slow (seconds under TCG): batch checks into one boot.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("kernel")
@ExtendWith(KernelTierCondition.class)
public @interface KernelTest {
}
