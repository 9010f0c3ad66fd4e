package dev.fulcrum.config.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.config.ConfigException;
import org.junit.jupiter.api.Test;

/** The exact text of one small model: field names, order and value spellings must not drift. */
class GoldenJsonTest {

    private final ModelJson json = new ModelJson();

    @Test
    void smallModelIsWrittenExactlyAsTheGoldenFile() throws ConfigException {
        assertEquals(Small.golden(), json.write(Small.model()));
    }

    @Test
    void goldenFileReadsBackToTheModel() throws ConfigException {
        assertEquals(Small.model(), json.read(Small.golden(), "small.json"));
    }

    @Test
    void goldenFileUsesTheDocumentedSpellings() {
        String golden = Small.golden();
        for (String spelling : new String[] {"\"checker\": \"TCP_CHECK\"", "\"kind\": \"address\"",
            "\"algorithm\": \"leastconn\"", "\"scheduler\": \"rr\"", "\"forwarding\": \"DR\"", "\"inter\": \"500ms\"",
            "\"initial_state\": \"MASTER\"", "\"mode\": \"HTTP\"", "\"real_servers\": ["}) {
            assertTrue(golden.contains(spelling), spelling);
        }
    }
}
