package dev.fulcrum.config.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The canonical spelling of values: quoting, times and seconds. */
class WordsTest {

    @Test
    void haproxyWordsAreBareUnlessTheyNeedQuotes() {
        assertEquals("roundrobin", HaproxyWords.word("roundrobin"));
        assertEquals("\"a b\"", HaproxyWords.word("a b"));
        assertEquals("\"a#b\"", HaproxyWords.word("a#b"));
        assertEquals("\"it's\"", HaproxyWords.word("it's"));
        assertEquals("\"\\\"\\\\\\$HOME\"", HaproxyWords.word("\"\\$HOME"));
        assertEquals("\"\\t\\n\\x01\"", HaproxyWords.word("\t\n\u0001"));
        assertEquals("\"\"", HaproxyWords.word(""));
    }

    @Test
    void haproxyTimesUseTheLargestExactUnit() {
        assertEquals("0", HaproxyWords.time(Duration.ZERO));
        assertEquals("2s", HaproxyWords.time(Duration.ofSeconds(2)));
        assertEquals("1500ms", HaproxyWords.time(Duration.ofMillis(1500)));
        assertEquals("5m", HaproxyWords.time(Duration.ofMinutes(5)));
        assertEquals("1d", HaproxyWords.time(Duration.ofDays(1)));
        assertEquals("7us", HaproxyWords.time(Duration.ofNanos(7_000)));
        assertThrows(IllegalArgumentException.class, () -> HaproxyWords.time(Duration.ofNanos(1)));
    }

    @Test
    void haproxyIpv6AddressesAreBracketed() {
        assertEquals("[::1]:80", HaproxyWords.hostPort("::1", "80"));
        assertEquals("10.0.0.1", HaproxyWords.hostPort("10.0.0.1", ""));
    }

    @Test
    void keepalivedWordsAreQuotedWhenTheyHaveBlanksCommentsOrBraces() {
        assertEquals("eth0", KeepalivedWords.word("eth0"));
        assertEquals("\"/bin/check --fast\"", KeepalivedWords.word("/bin/check --fast"));
        assertEquals("\"a!b\"", KeepalivedWords.word("a!b"));
        assertEquals("\"{x}\"", KeepalivedWords.word("{x}"));
        assertEquals("\"@id\"", KeepalivedWords.word("@id"));
    }

    @Test
    void keepalivedCannotWriteADoubleQuoteOrALineBreak() {
        assertThrows(IllegalArgumentException.class, () -> KeepalivedWords.word("say \"hi\""));
        assertThrows(IllegalArgumentException.class, () -> KeepalivedWords.word("a\nb"));
        assertThrows(IllegalArgumentException.class, () -> KeepalivedWords.word(""));
    }

    @Test
    void keepalivedSecondsHaveNoTrailingZeros() {
        assertEquals("0", KeepalivedWords.seconds(Duration.ZERO));
        assertEquals("5", KeepalivedWords.seconds(Duration.ofSeconds(5)));
        assertEquals("0.5", KeepalivedWords.seconds(Duration.ofMillis(500)));
        assertEquals("1.000001", KeepalivedWords.seconds(Duration.ofNanos(1_000_001_000)));
        assertThrows(IllegalArgumentException.class, () -> KeepalivedWords.seconds(Duration.ofNanos(1)));
    }
}
