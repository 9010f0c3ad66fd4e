package dev.fulcrum.config.keepalived;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fulcrum.api.config.ConfigProblem;
import dev.fulcrum.config.emit.KeepalivedEmitter;
import dev.fulcrum.config.keepalived.model.KeepalivedConfigs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;

/**
 * Coverage-guided fuzzing of the whole keepalived.conf reader (syntax, includes, mapping,
 * validation) over in-memory files: whatever the bytes, the reader returns problems, it never
 * throws; what it accepts is emitted and read back to the same model. A normal build replays {@code KeepalivedFuzzTestInputs/} as regression tests;
 * {@code scripts/fuzz} fuzzes.
 */
class KeepalivedFuzzTest {

    private static final Path MAIN = Path.of("/etc/keepalived/keepalived.conf");

    /**
     * The input is the main file; {@code self.conf} and {@code conf.d/self.conf} hold the same text,
     * so that an {@code include} in the input reaches the include machinery (globs, cycles, depth).
     */
    @FuzzTest
    void readerOnlyReportsProblems(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        RobustnessTest.MemoryReader reader = new RobustnessTest.MemoryReader();
        reader.files.put(MAIN, text);
        reader.files.put(Path.of("/etc/keepalived/self.conf"), text);
        reader.files.put(Path.of("/etc/keepalived/conf.d/self.conf"), text);

        KeepalivedConfigs.Result strict = KeepalivedConfigs.check(MAIN, Set.of("lb1"), reader, false);
        KeepalivedConfigs.Result lenient = KeepalivedConfigs.check(MAIN, Set.of("lb1"), reader, true);

        assertEquals(strict.config().isEmpty(), hasError(strict), "a model exactly when there is no error");
        assertEquals(lenient.config().isEmpty(), hasError(lenient), "a model exactly when there is no error");
        assertTrue(lenient.config().isPresent() || strict.config().isEmpty(), "lenient accepts what strict accepts");
        strict.problems().forEach(ConfigProblem::format);
        // What was accepted is written canonically and reads back the same (issue 3: parse(emit(m)) == m).
        if (strict.config().isPresent()) {
            String emitted = KeepalivedEmitter.emit(strict.config().get());
            RobustnessTest.MemoryReader again = new RobustnessTest.MemoryReader();
            again.files.put(MAIN, emitted);
            assertEquals(strict.config(), KeepalivedConfigs.check(MAIN, Set.of(), again, false).config(), emitted);
        }
    }

    private static boolean hasError(KeepalivedConfigs.Result result) {
        return result.problems().stream().anyMatch(p -> p.severity() == ConfigProblem.Severity.ERROR);
    }
}
