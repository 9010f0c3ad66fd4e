package dev.fulcrum.proxy.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SessionTimeoutTest {

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final SessionTimeout timeout = new SessionTimeout(channel);
    private final AtomicInteger first = new AtomicInteger();
    private final AtomicInteger second = new AtomicInteger();

    SessionTimeoutTest() {
        channel.freezeTime();
    }

    @AfterEach
    void noLeak() {
        assertFalse(channel.finishAndReleaseAll());
    }

    private void advance(long amount, TimeUnit unit) {
        channel.advanceTimeBy(amount, unit);
        channel.runScheduledPendingTasks();
    }

    @Test
    void firesOnceAtTheDeadline() {
        timeout.arm(Duration.ofSeconds(5), first::incrementAndGet);
        advance(4999, TimeUnit.MILLISECONDS);
        assertEquals(0, first.get());
        advance(1, TimeUnit.MILLISECONDS);
        assertEquals(1, first.get());
        advance(1, TimeUnit.MINUTES);
        assertEquals(1, first.get());
    }

    @Test
    void aLaterReArmMovesTheDeadlineAndReplacesTheAction() {
        timeout.arm(Duration.ofSeconds(5), first::incrementAndGet);
        advance(4, TimeUnit.SECONDS);
        timeout.arm(Duration.ofSeconds(5), second::incrementAndGet);
        advance(4, TimeUnit.SECONDS);
        assertEquals(0, first.get() + second.get());
        advance(1, TimeUnit.SECONDS);
        assertEquals(0, first.get());
        assertEquals(1, second.get());
    }

    @Test
    void anEarlierReArmFiresEarlier() {
        timeout.arm(Duration.ofSeconds(30), first::incrementAndGet);
        timeout.arm(Duration.ofSeconds(2), second::incrementAndGet);
        advance(2, TimeUnit.SECONDS);
        assertEquals(1, second.get());
        advance(1, TimeUnit.MINUTES);
        assertEquals(0, first.get());
    }

    @Test
    void cancelledOrStoppedItDoesNotFire() {
        timeout.arm(Duration.ofSeconds(5), first::incrementAndGet);
        timeout.cancel();
        advance(10, TimeUnit.SECONDS);
        timeout.arm(Duration.ofSeconds(5), second::incrementAndGet);
        timeout.stop();
        advance(10, TimeUnit.SECONDS);
        assertEquals(0, first.get() + second.get());
    }
}
