package dev.fulcrum.proxy.http;

import static dev.fulcrum.proxy.testing.Models.frontend;
import static dev.fulcrum.proxy.testing.Models.timeouts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.model.proxy.Frontend;
import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.proxy.net.ConnectionGate;
import dev.fulcrum.proxy.pool.ServerConnector;
import dev.fulcrum.proxy.route.FrontendContext;
import dev.fulcrum.proxy.route.Router;
import dev.fulcrum.proxy.testing.Models;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The client side of mode http on an EmbeddedChannel: answers the proxy makes without any server. */
class HttpFrontendHandlerTest {

    private static EmbeddedChannel client(Duration httpRequest) {
        Frontend config = frontend("fe", Mode.HTTP, 80, null,
                Models.withHttpRequest(timeouts(Duration.ofSeconds(30), null, null), httpRequest), 0);
        HttpFrontend frontend = new HttpFrontend(new FrontendContext(config, new Router(config),
                name -> Optional.empty(), new ServerConnector(null), new ConnectionGate(10)));
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.freezeTime();
        frontend.accept(channel);
        return channel;
    }

    private static String written(EmbeddedChannel channel) {
        StringBuilder text = new StringBuilder();
        for (ByteBuf out; (out = channel.readOutbound()) != null; ) {
            text.append(out.toString(StandardCharsets.ISO_8859_1));
            out.release();
        }
        return text.toString();
    }

    @Test
    void aMalformedRequestGets400AndTheConnectionCloses() {
        EmbeddedChannel channel = client(Duration.ofSeconds(5));
        channel.writeInbound(Unpooled.copiedBuffer(
                "POST / HTTP/1.1\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n", StandardCharsets.US_ASCII));

        assertEquals(ErrorPages.BAD_REQUEST.text(), written(channel));
        assertFalse(channel.isOpen());
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void anIncompleteHeadGets408WhenTimeoutHttpRequestExpiresAndNotBefore() {
        EmbeddedChannel channel = client(Duration.ofSeconds(5));
        channel.writeInbound(Unpooled.copiedBuffer("GET / HTTP/1.1\r\nHo", StandardCharsets.US_ASCII));

        channel.advanceTimeBy(4999, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertNull(channel.readOutbound());
        assertTrue(channel.isOpen());

        channel.advanceTimeBy(1, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertEquals(ErrorPages.REQUEST_TIMEOUT.text(), written(channel));
        assertFalse(channel.isOpen());
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void errorPagesAreHaproxysDefaults() {
        assertEquals("HTTP/1.1 400 Bad request\r\ncontent-length: 90\r\ncache-control: no-cache\r\n"
                + "content-type: text/html\r\nconnection: close\r\n\r\n<html><body><h1>400 Bad request</h1>\n"
                + "Your browser sent an invalid request.\n</body></html>\n", ErrorPages.BAD_REQUEST.text());
        assertTrue(ErrorPages.GATEWAY_TIMEOUT.text().endsWith(
                "<html><body><h1>504 Gateway Time-out</h1>\nThe server didn't respond in time.\n</body></html>\n"));
    }
}
