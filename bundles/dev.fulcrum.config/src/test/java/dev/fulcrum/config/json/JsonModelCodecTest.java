package dev.fulcrum.config.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.config.ConfigException;
import dev.fulcrum.api.config.ConfigProblem;
import dev.fulcrum.api.config.ModelCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The service the REST bundle uses speaks exactly the documented JSON. */
class JsonModelCodecTest {

    private final ModelCodec codec = new JsonModelCodec();

    @Test
    void writesTheGoldenTextAndReadsItBack() throws ConfigException {
        assertEquals(Small.golden(), codec.toJson(Small.model()));
        assertEquals(Small.model(), codec.fromJson(Small.golden(), "small.json"));
    }

    @Test
    void badInputIsAConfigExceptionWithTheJsonPath() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> codec.fromJson("{\"global\": {}, \"vrrp\": {}, \"lvs\": {}, \"proxy\": {}, \"extra\": 1}", "body"));
        List<String> paths = e.problems().stream().map(ConfigProblem::offending).toList();
        assertTrue(paths.contains("$.extra"), paths.toString());
    }
}
