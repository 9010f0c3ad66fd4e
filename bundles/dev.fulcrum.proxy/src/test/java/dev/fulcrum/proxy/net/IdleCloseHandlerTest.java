package dev.fulcrum.proxy.net;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class IdleCloseHandlerTest {

    @Test
    void closesAfterTheTimeoutWithoutTrafficAndNotBefore() {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.freezeTime();
        channel.pipeline().addLast(new IdleCloseHandler(Duration.ofSeconds(30)));

        channel.advanceTimeBy(29, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertTrue(channel.isOpen());

        channel.advanceTimeBy(1, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertFalse(channel.isOpen());
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void trafficRestartsTheClock() {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.freezeTime();
        channel.pipeline().addLast(new IdleCloseHandler(Duration.ofSeconds(30)));

        channel.advanceTimeBy(20, TimeUnit.SECONDS);
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {1}));
        ((io.netty.buffer.ByteBuf) channel.readInbound()).release();
        channel.advanceTimeBy(20, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();

        assertTrue(channel.isOpen());
        assertFalse(channel.finishAndReleaseAll());
    }
}
