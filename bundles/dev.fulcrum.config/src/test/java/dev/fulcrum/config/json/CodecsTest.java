package dev.fulcrum.config.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CodecsTest {

    @Test
    void durationsUseTheLargestExactUnit() {
        assertEquals("0s", DurationCodec.format(Duration.ZERO));
        assertEquals("30s", DurationCodec.format(Duration.ofSeconds(30)));
        assertEquals("2m", DurationCodec.format(Duration.ofMinutes(2)));
        assertEquals("90s", DurationCodec.format(Duration.ofSeconds(90)));
        assertEquals("1500ms", DurationCodec.format(Duration.ofMillis(1500)));
        assertEquals("2d", DurationCodec.format(Duration.ofHours(48)));
        assertEquals("1h", DurationCodec.format(Duration.ofHours(1)));
        assertEquals("250us", DurationCodec.format(Duration.ofNanos(250_000)));
        assertEquals("7ns", DurationCodec.format(Duration.ofNanos(7)));
    }

    @Test
    void durationsParseOnlyIntegerAndUnit() {
        assertEquals(Optional.of(Duration.ofMinutes(2)), DurationCodec.parse("2m"));
        assertEquals(Optional.of(Duration.ofMillis(500)), DurationCodec.parse("500ms"));
        assertEquals(Optional.of(Duration.ofDays(3)), DurationCodec.parse("3d"));
        for (String bad : new String[] {"", "30", "s", "-1s", "1.5s", "30 s", "30S", "1y", "99999999999999999999s",
            "9999999999999d"}) {
            assertEquals(Optional.empty(), DurationCodec.parse(bad), bad);
        }
    }

    @Test
    void addressesAreLiteralsOnly() throws Exception {
        assertEquals(Optional.of(InetAddress.getByName("192.168.0.1")), InetAddressCodec.parse("192.168.0.1"));
        assertEquals(Optional.of(InetAddress.getByName("2001:db8::1")), InetAddressCodec.parse("2001:db8::1"));
        for (String bad : new String[] {"", "localhost", "example.com", "10.1", "256.0.0.1", "1.2.3.4.5", "::g",
            "1:2:3:4:5:6:7:8:9", "01.2.3.4"}) {
            assertEquals(Optional.empty(), InetAddressCodec.parse(bad), bad);
        }
    }
}
