package dev.fulcrum.sched.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExpiringMapTest {

    private final TestClock clock = new TestClock();
    private final ExpiringMap<String, String> map = new ExpiringMap<>(Duration.ofSeconds(10), clock);
    private final AtomicInteger chosen = new AtomicInteger();

    private String lookup(String key, String choice) {
        return map.lookup(key, value -> !value.startsWith("bad"), () -> {
            chosen.incrementAndGet();
            return choice;
        });
    }

    @Test
    void aLiveValueIsKeptAndRenewedByUse() {
        assertEquals("one", lookup("k", "one"));
        clock.advance(Duration.ofSeconds(9));
        assertEquals("one", lookup("k", "two"));
        clock.advance(Duration.ofSeconds(9));
        assertEquals("one", lookup("k", "two"));
        assertEquals(1, chosen.get());

        clock.advance(Duration.ofSeconds(10));
        assertEquals("two", lookup("k", "two"));
        assertEquals(2, chosen.get());
    }

    @Test
    void aRejectedValueIsReplacedAndANullChoiceStoresNothing() {
        assertEquals("bad", lookup("k", "bad"));
        assertEquals("good", lookup("k", "good"));
        assertNull(lookup("other", null));
        assertEquals(1, map.size());
    }

    @Test
    void removeValuesAndSweep() {
        lookup("a", "x");
        lookup("b", "y");
        map.removeValues("x"::equals);
        assertEquals(1, map.size());

        clock.advance(Duration.ofSeconds(11));
        lookup("c", "z");
        assertEquals(1, map.size(), "the expired entry b was swept");
    }

    @Test
    void aTimeoutMustBePositive() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new ExpiringMap<>(Duration.ZERO, clock));
        assertEquals("expiry timeout must be positive, got PT0S", error.getMessage());
    }
}
