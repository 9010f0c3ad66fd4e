package dev.fulcrum.proxy.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ByteCounterTest {

    private final ManualClock clock = new ManualClock();

    private static void passBytes(EmbeddedChannel channel, String in, String out) {
        channel.writeInbound(Unpooled.copiedBuffer(in, StandardCharsets.US_ASCII));
        channel.writeOutbound(Unpooled.copiedBuffer(out, StandardCharsets.US_ASCII));
        ((ByteBuf) channel.readInbound()).release();
        ((ByteBuf) channel.readOutbound()).release();
    }

    @Test
    void aClientConnectionReadsBytesInAndWritesBytesOut() {
        FrontendCounters frontend = new FrontendCounters(clock);
        EmbeddedChannel channel = new EmbeddedChannel(ByteCounter.client(frontend));
        passBytes(channel, "GET / HTTP/1.1\r\n\r\n", "HTTP/1.1 200 OK\r\n");
        assertEquals(18, frontend.activity().get(Traffic.BYTES_IN));
        assertEquals(17, frontend.activity().get(Traffic.BYTES_OUT));
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void aServerConnectionWritesBytesInAndReadsBytesOutForTheServerAndItsBackend() {
        BackendCounters backend = new BackendCounters(clock);
        ServerCounters server = backend.server("s1");
        EmbeddedChannel channel = new EmbeddedChannel(ByteCounter.server(server));
        passBytes(channel, "HTTP/1.1 200 OK\r\n", "GET / HTTP/1.1\r\n\r\n");
        assertEquals(18, server.activity().get(Traffic.BYTES_IN));
        assertEquals(17, server.activity().get(Traffic.BYTES_OUT));
        assertEquals(17, backend.activity().get(Traffic.BYTES_OUT));
        assertFalse(channel.finishAndReleaseAll());
    }
}
