package dev.fulcrum.proxy.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RelayHandlerTest {

    /** Counts the read() requests the relay makes: back-pressure is visible as "no read before the write". */
    private static final class ReadCounter extends ChannelOutboundHandlerAdapter {
        int reads;

        @Override
        public void read(ChannelHandlerContext ctx) {
            reads++;
            ctx.read();
        }
    }

    @Test
    void forwardsBytesToThePeerAndReadsAgainOnlyAfterTheWrite() {
        EmbeddedChannel server = new EmbeddedChannel();
        ReadCounter reads = new ReadCounter();
        EmbeddedChannel client = new EmbeddedChannel(reads);
        client.config().setAutoRead(false);
        client.pipeline().addLast(new RelayHandler(server, () -> { }));
        int initial = reads.reads;

        client.writeInbound(Unpooled.copiedBuffer("hello", StandardCharsets.US_ASCII));

        ByteBuf forwarded = server.readOutbound();
        assertEquals("hello", forwarded.toString(StandardCharsets.US_ASCII));
        forwarded.release();
        assertEquals(initial + 1, reads.reads);
        assertFalse(client.finishAndReleaseAll());
        assertFalse(server.finishAndReleaseAll());
    }

    @Test
    void aFailedWriteClosesBothSidesAndStopsReading() {
        EmbeddedChannel server = new EmbeddedChannel();
        ReadCounter reads = new ReadCounter();
        EmbeddedChannel client = new EmbeddedChannel(reads);
        client.config().setAutoRead(false);
        client.pipeline().addLast(new RelayHandler(server, () -> { }));
        server.close();
        int before = reads.reads;

        ByteBuf data = Unpooled.copiedBuffer("late", StandardCharsets.US_ASCII);
        client.writeInbound(data);

        assertEquals(0, data.refCnt(), "the unwritable buffer is released");
        assertEquals(before, reads.reads);
        assertFalse(client.isOpen());
        assertFalse(client.finishAndReleaseAll());
        assertFalse(server.finishAndReleaseAll());
    }

    @Test
    void closingOneSideClosesThePeer() {
        EmbeddedChannel server = new EmbeddedChannel();
        EmbeddedChannel client = new EmbeddedChannel(new RelayHandler(server, () -> { }));
        assertTrue(server.isOpen());

        client.close();

        assertFalse(server.isOpen());
        assertFalse(client.finishAndReleaseAll());
        assertFalse(server.finishAndReleaseAll());
    }

    @Test
    void anErrorOnOneSideIsItsAbortAndClosesBoth() {
        int[] aborts = {0};
        EmbeddedChannel server = new EmbeddedChannel();
        EmbeddedChannel client = new EmbeddedChannel(new RelayHandler(server, () -> aborts[0]++));

        client.pipeline().fireExceptionCaught(new java.io.IOException("Connection reset by peer"));

        assertEquals(1, aborts[0]);
        assertFalse(server.isOpen());
        assertFalse(client.isOpen());
        // A clean close is no abort.
        EmbeddedChannel other = new EmbeddedChannel();
        EmbeddedChannel closing = new EmbeddedChannel(new RelayHandler(other, () -> aborts[0]++));
        closing.close();
        assertEquals(1, aborts[0]);
        assertFalse(client.finishAndReleaseAll());
        assertFalse(server.finishAndReleaseAll());
        assertFalse(closing.finishAndReleaseAll());
        assertFalse(other.finishAndReleaseAll());
    }
}
