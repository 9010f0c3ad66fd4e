package dev.fulcrum.config.haproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.api.config.ConfigProblem;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * configuration.txt 4: "two proxies with overlapping capabilities (frontend/backend) [must] have
 * different names. However, it is still permitted that a frontend and a backend share the same name."
 */
class ProxyNamesTest {

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource({
        "frontend, frontend, true",
        "backend,  backend,  true",
        "listen,   listen,   true",
        "listen,   frontend, true",
        "backend,  listen,   true",
        "frontend, backend,  false",
        "backend,  frontend, false",
    })
    void duplicateNamesWithOverlappingCapabilitiesAreErrors(String first, String second, boolean duplicate) {
        HaproxySyntax.Result result = HaproxySyntax.parse(Path.of("d.cfg"),
                first + " app\n  maxconn 1\n\n" + second + " app\n", Map.of());
        List<String> problems = result.problems().stream().map(ConfigProblem::format).collect(Collectors.toList());
        assertEquals(duplicate ? List.of("d.cfg:4:1: error: 'app': duplicate proxy name: " + second + " 'app' at d.cfg:4:1"
                + " has the same name as " + first + " 'app' declared at d.cfg:1:1") : List.of(), problems);
    }

    @ParameterizedTest
    @CsvSource({"App, app", "app, app2", "a.b:c-d_e, a.b:c-d_f"})
    void namesAreCaseSensitiveAndComparedWhole(String first, String second) {
        HaproxySyntax.Result result = HaproxySyntax.parse(Path.of("d.cfg"),
                "backend " + first + "\nbackend " + second + "\n", Map.of());
        assertEquals(List.of(), result.problems());
    }
}
