package dev.fulcrum.config.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fulcrum.api.config.ConfigException;
import dev.fulcrum.api.model.DesiredState;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of the model JSON reader: a valid model (which then writes and reads back
 * to itself) or a {@link ConfigException}, nothing else. A normal build replays
 * {@code ModelJsonFuzzTestInputs/}; {@code scripts/fuzz} fuzzes.
 */
class ModelJsonFuzzTest {

    private final ModelJson json = new ModelJson();

    @FuzzTest
    void readerOnlyThrowsConfigException(byte[] input) throws ConfigException {
        DesiredState state;
        try {
            state = json.read(new String(input, StandardCharsets.UTF_8), "fuzz.json");
        } catch (ConfigException e) {
            return;
        }
        assertEquals(state, json.read(json.write(state), "written.json"), "what was read writes and reads back the same");
    }
}
