package dev.fulcrum.config.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckRequestTest {

    @Test
    void filesInOrderWithForcedKinds() {
        CheckRequest request = CheckRequest.parse(
                List.of("-f", "a.conf", "--haproxy", "b", "--keepalived", "c", "d.cfg"), Set.of("lb1"));
        assertEquals(List.of(
                new CheckRequest.Input(Path.of("a.conf"), Optional.empty()),
                new CheckRequest.Input(Path.of("b"), Optional.of(ConfigKind.HAPROXY)),
                new CheckRequest.Input(Path.of("c"), Optional.of(ConfigKind.KEEPALIVED)),
                new CheckRequest.Input(Path.of("d.cfg"), Optional.empty())), request.inputs());
        assertFalse(request.lenient());
        assertEquals(Set.of("lb1"), request.configIds());
    }

    @Test
    void lenientAndExplicitConfigIdsReplaceTheDefault() {
        CheckRequest request = CheckRequest.parse(List.of("--lenient", "-i", "a", "--config-id", "b", "-f", "x"),
                Set.of("host"));
        assertTrue(request.lenient());
        assertEquals(Set.of("a", "b"), request.configIds());
    }

    @Test
    void malformedCommandLines() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CheckRequest.parse(List.of(), Set.of()))
                .getMessage().startsWith("no configuration file given"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CheckRequest.parse(List.of("-f"), Set.of()))
                .getMessage().startsWith("-f needs a value"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CheckRequest.parse(List.of("-x", "f"), Set.of()))
                .getMessage().startsWith("unknown option -x"));
    }
}
