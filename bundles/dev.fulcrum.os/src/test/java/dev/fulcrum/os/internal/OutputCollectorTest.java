package dev.fulcrum.os.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutputCollectorTest {

    @Test
    void keepsUpToTheLimitAndDrainsTheRest() throws InterruptedException {
        OutputCollector collector = OutputCollector.start(new ByteArrayInputStream(new byte[100]), "test", 10);
        assertTrue(collector.await(Duration.ofSeconds(5)));
        assertEquals(10, collector.text().length());
        assertEquals(90, collector.droppedBytes());
    }

    @Test
    void decodesUtf8AndReplacesMalformedBytes() throws InterruptedException {
        byte[] bytes = {'o', 'k', ' ', (byte) 0xc3, (byte) 0xa9, ' ', (byte) 0xff};
        OutputCollector collector = OutputCollector.start(new ByteArrayInputStream(bytes), "test");
        assertTrue(collector.await(Duration.ofSeconds(5)));
        assertEquals("ok é \uFFFD", collector.text());
        assertEquals(new String(bytes, StandardCharsets.UTF_8), collector.text());
    }
}
