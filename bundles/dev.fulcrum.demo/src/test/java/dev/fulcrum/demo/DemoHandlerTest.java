package dev.fulcrum.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DemoHandlerTest {

    private static ByteBuf bytes(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1);
    }

    private static String readAll(EmbeddedChannel channel) {
        StringBuilder out = new StringBuilder();
        ByteBuf chunk;
        while ((chunk = channel.readOutbound()) != null) {
            out.append(chunk.toString(StandardCharsets.ISO_8859_1));
            chunk.release();
        }
        return out.toString();
    }

    @Test
    void answersPipelinedRequestsInOrderAndKeepsTheConnection() {
        EmbeddedChannel channel = new EmbeddedChannel(new DemoHandler("backend 2"));
        channel.writeInbound(bytes("GET / HTTP/1.1\r\nHost: a\r\n\r\nGET /x HTTP/1.1\r\nHo"));
        assertEquals(new String(DemoHandler.response("backend 2"), StandardCharsets.ISO_8859_1), readAll(channel));
        channel.writeInbound(bytes("st: a\r\n\r\n"));
        assertEquals("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 10\r\n\r\nbackend 2\n", readAll(channel));
        assertTrue(channel.isOpen());
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void skipsARequestBodyAndClosesWhenAsked() {
        EmbeddedChannel channel = new EmbeddedChannel(new DemoHandler("backend 1"));
        channel.writeInbound(bytes("POST / HTTP/1.1\r\nContent-Length: 5\r\nConnection: close\r\n\r\nab"));
        assertEquals("", readAll(channel));
        channel.writeInbound(bytes("cde"));
        assertTrue(readAll(channel).endsWith("\r\n\r\nbackend 1\n"));
        assertFalse(channel.isOpen());
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void http10ClosesUnlessKeepAlive() throws Exception {
        assertTrue(RequestFramer.next(bytes("GET / HTTP/1.0\r\n\r\n")).close());
        assertFalse(RequestFramer.next(bytes("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n")).close());
        assertNull(RequestFramer.next(bytes("GET / HTTP/1.1\r\n")));
    }

    @Test
    void refusesWhatItCannotFrameWith400AndClose() {
        for (String request : new String[] {
                "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n",
                "GET / HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
                "GET / HTTP/2.0\r\n\r\n",
                "GET / HTTP/1.1\r\nno colon\r\n\r\n",
                "GET / HTTP/1.1\r\nX: " + "a".repeat(RequestFramer.MAX_HEAD) }) {
            EmbeddedChannel channel = new EmbeddedChannel(new DemoHandler("backend 1"));
            channel.writeInbound(bytes(request));
            String answer = readAll(channel);
            assertTrue(answer.startsWith("HTTP/1.1 400 Bad Request\r\n"), request + " -> " + answer);
            assertFalse(channel.isOpen(), request);
            assertFalse(channel.finishAndReleaseAll());
        }
    }
}
