package dev.fulcrum.config.json;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import dev.fulcrum.api.config.ConfigException;
import dev.fulcrum.api.model.DesiredState;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever the input, read returns a model or throws ConfigException with at least one problem. */
class GarbageInputTest {

    private static final String ALPHABET = "{}[]:,\"\\ 0123456789-+.eEtrufalsn\n\tabc_$";

    private final ModelJson json = new ModelJson();

    private void readsOrRejects(String text) {
        try {
            DesiredState state = json.read(text, "g.json");
            if (state == null) {
                fail("null model for " + text);
            }
        } catch (ConfigException e) {
            assertFalse(e.problems().isEmpty());
        } catch (Throwable t) {
            throw new AssertionError("unexpected " + t + " for input: " + text, t);
        }
    }

    @Test
    void randomCharacters() {
        Random random = new Random(20261124);
        for (int i = 0; i < 3000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(80);
            for (int j = 0; j < length; j++) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            readsOrRejects(text.toString());
        }
    }

    @Test
    void mutatedValidDocuments() throws ConfigException {
        Random random = new Random(42);
        String[] valid = {Small.golden(), json.write(Corpora.keepalived("model/full-lvs.conf")),
            json.write(DesiredState.EMPTY.withProxy(Corpora.haproxy("model/everything.cfg")))};
        for (int i = 0; i < 1500; i++) {
            StringBuilder text = new StringBuilder(valid[i % valid.length]);
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(3)) {
                    case 0 -> text.deleteCharAt(at);
                    case 1 -> text.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                    default -> text.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
            }
            readsOrRejects(text.toString());
        }
    }

    @Test
    void extremeInputs() {
        readsOrRejects("[".repeat(100_000));
        readsOrRejects("{\"global\":".repeat(50_000));
        readsOrRejects("{\"proxy\": {\"global\": {\"maxconn\": 1" + "0".repeat(5000) + "}}}");
        readsOrRejects("\"" + "x".repeat(100_000));
        readsOrRejects("\u0000\uffff\ud800");
        readsOrRejects(null);
    }
}
