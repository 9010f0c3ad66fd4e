package dev.fulcrum.proxy.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.fulcrum.proxy.stats.BackendCounters;
import dev.fulcrum.proxy.testing.Models;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdleConnectionsTest {

    private final IdleConnections idle = new IdleConnections();
    private final ProxyServer server = new ProxyServer(Models.server("s", 8080),
            new InetSocketAddress("127.0.0.1", 8080), Instant.EPOCH,
            new BackendCounters(InstantSource.fixed(Instant.EPOCH)).server("s"));

    @Test
    void aConnectionParkedAfterEveryRequestLeavesThePoolWhenItCloses() {
        EmbeddedChannel channel = new EmbeddedChannel();
        for (int request = 0; request < 1000; request++) {
            idle.park(server, channel);
            assertEquals(Optional.of(channel), idle.take(channel.eventLoop(), server));
        }
        idle.park(server, channel);
        channel.close();
        channel.runPendingTasks();
        assertEquals(Optional.empty(), idle.take(channel.eventLoop(), server));
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void aConnectionServesOnlyItsOwnLoop() {
        EmbeddedChannel channel = new EmbeddedChannel();
        idle.park(server, channel);
        Channel other = new EmbeddedChannel();
        assertEquals(Optional.empty(), idle.take(other.eventLoop(), server));
        assertEquals(Optional.of(channel), idle.take(channel.eventLoop(), server));
        assertFalse(channel.finishAndReleaseAll());
        other.close();
    }
}
