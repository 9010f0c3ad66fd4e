package dev.fulcrum.proxy.net;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code timeout tunnel} on a client/server pair, on the client loop's frozen time. */
class TunnelTimeoutTest {

    private final EmbeddedChannel client = new EmbeddedChannel();
    private final EmbeddedChannel server = new EmbeddedChannel();

    private void advance(long millis) {
        client.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
        client.runScheduledPendingTasks();
    }

    private void install() {
        client.freezeTime();
        client.pipeline().addLast(IdleCloseHandler.NAME, new IdleCloseHandler(Duration.ofMillis(100)));
        server.pipeline().addLast(IdleCloseHandler.NAME, new IdleCloseHandler(Duration.ofMillis(100)));
        TunnelTimeout.install(client, server, Duration.ofSeconds(10));
    }

    @Test
    void replacesTheClientAndServerTimeoutsAndClosesThePairAfterATunnelTimeoutOfSilence() {
        install();
        assertNull(client.pipeline().get(IdleCloseHandler.NAME), "timeout client no longer applies");
        assertNull(server.pipeline().get(IdleCloseHandler.NAME), "timeout server no longer applies");

        advance(9_999);
        assertTrue(client.isOpen() && server.isOpen());
        advance(1);
        assertFalse(client.isOpen());
        assertFalse(server.isOpen());
        assertFalse(client.finishAndReleaseAll());
        assertFalse(server.finishAndReleaseAll());
    }

    @Test
    void activityOnEitherSideRestartsTheTimeout() {
        install();
        advance(6_000);
        server.writeInbound(Unpooled.copiedBuffer("from the server", StandardCharsets.US_ASCII));
        ((ByteBuf) server.readInbound()).release();

        advance(6_000);
        assertTrue(client.isOpen(), "6 s after the server's bytes");
        client.writeOutbound(Unpooled.copiedBuffer("to the client", StandardCharsets.US_ASCII));
        ((ByteBuf) client.readOutbound()).release();

        advance(9_000);
        assertTrue(client.isOpen() && server.isOpen(), "9 s after a write to the client");
        advance(1_000);
        assertFalse(client.isOpen());
        assertFalse(server.isOpen());
        assertFalse(client.finishAndReleaseAll());
        assertFalse(server.finishAndReleaseAll());
    }
}
