package dev.fulcrum.vrrp.fsm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every scenario of src/test/resources/scenarios, one file per UNH-IOL VRRP test group:
 * group 2 state machine, group 3 timers, group 4 receive validation.
 */
class ScenarioTest {

    static final List<String> GROUP_FILES = List.of("group2-state-machine.txt", "group3-timers.txt",
            "group4-receive-validation.txt");

    @TestFactory
    Stream<DynamicNode> scenarios() throws IOException, URISyntaxException {
        return files().map(file -> {
            List<Scenario> scenarios = ScenarioFile.parse(file.getFileName().toString(), read(file));
            return DynamicContainer.dynamicContainer(file.getFileName().toString(), scenarios.stream()
                    .map(s -> DynamicTest.dynamicTest(s.name() + " [" + s.rfc() + "]", () -> new ScenarioRunner(s).run())));
        });
    }

    @Test
    void everyTestGroupHasItsFile() throws IOException, URISyntaxException {
        List<String> names = files().map(f -> f.getFileName().toString()).toList();
        assertTrue(names.containsAll(GROUP_FILES), "scenario files: " + names);
        for (Path file : files().toList()) {
            assertFalse(ScenarioFile.parse(file.toString(), read(file)).isEmpty());
        }
    }

    private static Stream<Path> files() throws IOException, URISyntaxException {
        Path directory = Path.of(ScenarioTest.class.getResource("/scenarios").toURI());
        try (Stream<Path> list = Files.list(directory)) {
            return list.filter(p -> p.toString().endsWith(".txt")).sorted().toList().stream();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
