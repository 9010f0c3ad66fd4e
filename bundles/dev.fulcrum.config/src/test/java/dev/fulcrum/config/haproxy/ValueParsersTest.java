package dev.fulcrum.config.haproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.api.config.ConfigProblem;
import dev.fulcrum.api.config.SourceLocation;
import dev.fulcrum.config.internal.ProblemCollector;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Time (configuration.txt 2.5), size (parse_size_err) and integer ranges. */
class ValueParsersTest {

    private final ProblemCollector problems = new ProblemCollector(false);

    /** The value as it appears as the 3rd word of "  timeout client VALUE", column 18. */
    private static Token word(String text) {
        return new Token(text, new SourceLocation("v.cfg", 4, 18));
    }

    private List<String> formatted() {
        return problems.problems().stream().map(ConfigProblem::format).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "0,          PT0S",
        "10,         PT0.01S",
        "10ms,       PT0.01S",
        "500us,      PT0.0005S",
        "30s,        PT30S",
        "1m,         PT1M",
        "2h,         PT2H",
        "1d,         PT24H",
        "24d,        PT576H",
        "2147483647, PT596H31M23.647S",
        "007s,       PT7S",
    })
    void timesInEveryUnit(String text, String iso) {
        assertEquals(Optional.of(Duration.parse(iso)), TimeValue.parse(word(text), problems));
        assertEquals(List.of(), problems.problems());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "2147483648  | v.cfg:4:18: error: '2147483648': time overflow: the maximum is 2147483647 ms (~24.8 days)",
        "25d         | v.cfg:4:18: error: '25d': time overflow: the maximum is 2147483647 ms (~24.8 days)",
        "99999999999999999999999h | v.cfg:4:18: error: '99999999999999999999999h': time overflow: the maximum is"
                + " 2147483647 ms (~24.8 days)",
        "-1          | v.cfg:4:18: error: '-1': negative time: expected a number from 0",
        "1.5s        | v.cfg:4:19: error: '1.5s': decimal notation is not allowed: a time is an integer with an"
                + " optional unit us, ms, s, m, h or d (default ms)",
        "10S         | v.cfg:4:20: error: '10S': unknown time unit 'S': expected us, ms, s, m, h or d (default ms)",
        "10x         | v.cfg:4:20: error: '10x': unknown time unit 'x': expected us, ms, s, m, h or d (default ms)",
        "10mss       | v.cfg:4:22: error: '10mss': unexpected character 's' after the unit 'ms'",
        "10sec       | v.cfg:4:21: error: '10sec': unexpected character 'e' after the unit 's'",
        "s           | v.cfg:4:18: error: 's': unexpected character 's': a time starts with digits",
        "``          | v.cfg:4:18: error: missing time: expected digits with an optional unit us, ms, s, m, h or d"
                + " (default ms)",
    })
    void badTimesSayWhatAndWhere(String text, String expected) {
        assertEquals(Optional.empty(), TimeValue.parse(word(text), problems));
        assertEquals(List.of(expected), formatted());
    }

    @Test
    void aQuotedTimePointsIntoTheSourceText() {
        Token quoted = LineTokenizer.tokenize("v.cfg", 4, "  timeout client \"10 s\"", Map.<String, String>of()::get,
                problems).get(2);
        assertEquals(Optional.empty(), TimeValue.parse(quoted, problems));
        assertEquals(List.of("v.cfg:4:21: error: '10 s': unknown time unit ' s': expected us, ms, s, m, h or d"
                + " (default ms)"), formatted());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "0,          0",
        "512,        512",
        "1k,         1024",
        "1K,         1024",
        "20m,        20971520",
        "3g,         3221225472",
        "3G,         3221225472",
        "4194303k,   4294966272",
        "4294967295, 4294967295",
    })
    void sizesInEveryUnit(String text, long bytes) {
        assertEquals(OptionalLong.of(bytes), SizeValue.parse(word(text), problems));
        assertEquals(List.of(), problems.problems());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '~', value = {
        "4g          ~ v.cfg:4:18: error: '4g': size overflow: the maximum is 4294967295 bytes (4g - 1)",
        "4294967296  ~ v.cfg:4:18: error: '4294967296': size overflow: the maximum is 4294967295 bytes (4g - 1)",
        "1kb         ~ v.cfg:4:20: error: '1kb': unexpected character 'b' after the unit 'k'",
        "1t          ~ v.cfg:4:19: error: '1t': unknown size unit 't': expected k, m or g (powers of 1024, default bytes)",
        "1.5k        ~ v.cfg:4:19: error: '1.5k': decimal notation is not allowed: a size is an integer with an"
                + " optional unit k, m or g (powers of 1024, default bytes)",
        "-1          ~ v.cfg:4:18: error: '-1': negative size: expected a number from 0",
    })
    void badSizesSayWhatAndWhere(String text, String expected) {
        assertEquals(OptionalLong.empty(), SizeValue.parse(word(text), problems));
        assertEquals(List.of(expected), formatted());
    }

    @ParameterizedTest(name = "{0} in [{1}, {2}]")
    @CsvSource({"1, 1, 255", "255, 1, 255", "-253, -253, 253", "+7, 0, 10", "0, 0, 0"})
    void integersInsideTheirRange(String text, int min, int max) {
        assertEquals(OptionalInt.of(Integer.parseInt(text)), IntegerValue.parse(word(text), min, max, problems));
        assertEquals(List.of(), problems.problems());
    }

    @ParameterizedTest(name = "{0} in [{1}, {2}]")
    @CsvSource(delimiter = '~', quoteCharacter = '`', value = {
        "0      ~ 1 ~ 255 ~ v.cfg:4:18: error: '0': out of range: expected an integer from 1 to 255",
        "256    ~ 1 ~ 255 ~ v.cfg:4:18: error: '256': out of range: expected an integer from 1 to 255",
        "99999999999999999999 ~ 1 ~ 255 ~ v.cfg:4:18: error: '99999999999999999999': out of range: expected an"
                + " integer from 1 to 255",
        "3x     ~ 1 ~ 255 ~ v.cfg:4:19: error: '3x': unexpected character 'x' in an integer: expected an integer"
                + " from 1 to 255",
        "-      ~ 1 ~ 255 ~ v.cfg:4:18: error: '-': not an integer: expected an integer from 1 to 255",
        "``     ~ 1 ~ 255 ~ v.cfg:4:18: error: missing value: expected an integer from 1 to 255",
    })
    void integersOutsideTheirRange(String text, int min, int max, String expected) {
        assertEquals(OptionalInt.empty(), IntegerValue.parse(word(text), min, max, problems));
        assertEquals(List.of(expected), formatted());
    }
}
