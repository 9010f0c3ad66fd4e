package dev.fulcrum.proxy.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.api.model.proxy.HeaderCapture;
import dev.fulcrum.proxy.http.Headers;
import java.util.List;
import org.junit.jupiter.api.Test;

/** configuration.txt 4.2 "capture request header": what is kept of a message's fields. */
class HeaderCapturesTest {

    private static final List<HeaderCapture> CAPTURES = List.of(new HeaderCapture("Host", 5),
            new HeaderCapture("x-dup", 20), new HeaderCapture("X-Missing", 3), new HeaderCapture("Host", 50));

    @Test
    void cutToLengthLastFieldWinsNamesIgnoreCaseAbsentIsEmpty() {
        Headers fields = new Headers(List.of(new Headers.Field("host", "abcdefghij"), new Headers.Field("X-Dup", "one"),
                new Headers.Field("X-DUP", "two")));
        assertEquals(List.of("abcde", "two", "", "abcdefghij"), HeaderCaptures.values(CAPTURES, fields));
    }

    @Test
    void nothingCapturedIsOneEmptyValuePerCapture() {
        assertEquals(List.of("", "", "", ""), HeaderCaptures.none(CAPTURES));
        assertEquals(List.of(), HeaderCaptures.values(List.of(), new Headers(List.of())));
    }
}
