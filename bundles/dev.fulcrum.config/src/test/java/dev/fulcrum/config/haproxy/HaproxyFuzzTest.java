package dev.fulcrum.config.haproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fulcrum.api.config.ConfigException;
import dev.fulcrum.api.config.ConfigProblem;
import dev.fulcrum.config.emit.HaproxyEmitter;
import dev.fulcrum.config.haproxy.model.HaproxyConfigs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Coverage-guided fuzzing of the haproxy.cfg reader (tokenizer, sections, defaults, mapping,
 * validation): a configuration or a {@link ConfigException} with at least one error, nothing else;
 * an accepted configuration is emitted and read back to the same model.
 * A normal build replays {@code HaproxyFuzzTestInputs/}; {@code scripts/fuzz} fuzzes.
 */
class HaproxyFuzzTest {

    private static final Path FILE = Path.of("haproxy.cfg");
    /** "${VAR}" expansion (configuration.txt 2.3) gets something to expand, also into more words. */
    private static final Map<String, String> ENVIRONMENT = Map.of("VIP", "10.0.0.1", "PORT", "80", "WORDS", "a b  c");

    @FuzzTest
    void readerOnlyThrowsConfigException(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        for (boolean lenient : new boolean[] {false, true}) {
            try {
                HaproxyConfigs.Loaded loaded = HaproxyConfigs.load(FILE, text, ENVIRONMENT, lenient);
                assertFalse(loaded.warnings().stream().anyMatch(p -> p.severity() == ConfigProblem.Severity.ERROR),
                        "a loaded configuration carries warnings only");
                // What was accepted is written canonically and reads back the same (issue 3: parse(emit(m)) == m).
                String emitted = HaproxyEmitter.emit(loaded.config());
                assertEquals(loaded.config(), HaproxyConfigs.read(FILE, emitted, Map.of(), false), emitted);
            } catch (ConfigException e) {
                assertFalse(e.problems().isEmpty());
            }
        }
    }
}
