package dev.fulcrum.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class of the system tier: it runs as root and builds its own network namespaces.
 * Surefire's "system-tests" execution selects the tag; {@link SystemTierCondition} skips the tests
 * with a printed reason when not root, or fails them when FULCRUM_REQUIRE_SYSTEM_TESTS=1.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("system")
@ExtendWith(SystemTierCondition.class)
public @interface SystemTest {
}
