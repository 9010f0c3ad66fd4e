package dev.fulcrum.vrrp.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A track_file's content read as keepalived 2.2.7 reads it (strtol base 0). The first group of rows was
 * checked against keepalived 2.2.7 itself: the priority in its adverts after writing each content.
 */
class TrackFileValueTest {

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
        // seen in keepalived's adverts (weight 10, priority 100)
        "3|3", "abc|0", "0x2|2", "' 5 xyz'|5", "-30|-30",
        // strtol(3) base 0
        "''|0", "'\t\n+7\n'|7", "010|8", "09|0", "0x|0", "0XfF|255", "-|0", "'  -0x10'|-16",
        "2147483647|2147483647", "-2147483648|-2147483648"})
    void readsAsStrtolDoes(String content, int expected) {
        assertEquals(OptionalInt.of(expected), TrackFileValue.parse(content.getBytes(StandardCharsets.US_ASCII)));
    }

    @ParameterizedTest
    @CsvSource({"2147483648", "-2147483649", "99999999999999999999999"})
    void aNumberOutsideIntIsIgnored(String content) {
        assertEquals(OptionalInt.empty(), TrackFileValue.parse(content.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void aMissingFileIsZeroAndOnlyTheFirst127BytesCount(@TempDir Path dir) throws Exception {
        assertEquals(OptionalInt.of(0), TrackFileValue.read(dir.resolve("missing")));
        Path padded = dir.resolve("padded");
        Files.writeString(padded, " ".repeat(TrackFileValue.MAX_BYTES) + "42");
        assertEquals(OptionalInt.of(0), TrackFileValue.read(padded), "the digits are past byte 127");
        Files.writeString(padded, " ".repeat(TrackFileValue.MAX_BYTES - 2) + "42");
        assertEquals(OptionalInt.of(42), TrackFileValue.read(padded));
        assertEquals(OptionalInt.of(0), TrackFileValue.read(dir), "a directory cannot be read");
    }
}
