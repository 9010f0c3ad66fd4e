package dev.fulcrum.config.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.config.ConfigException;
import dev.fulcrum.api.model.DesiredState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** read(write(m)) equals m for every realistic model, and writing is deterministic. */
class RoundTripTest {

    private final ModelJson json = new ModelJson();

    private void assertRoundTrip(DesiredState model) throws ConfigException {
        String text = json.write(model);
        DesiredState back = json.read(text, "t.json");
        assertEquals(model, back);
        assertEquals(text, json.write(back), "a second write gives the same text");
    }

    @Test
    void empty() throws ConfigException {
        assertRoundTrip(DesiredState.EMPTY);
    }

    @ParameterizedTest
    @FieldSource("dev.fulcrum.config.json.Corpora#KEEPALIVED")
    void keepalivedCorpus(String name) throws ConfigException {
        DesiredState model = Corpora.keepalived(name);
        assertNotEquals(DesiredState.EMPTY, model);
        assertRoundTrip(model);
    }

    @ParameterizedTest
    @FieldSource("dev.fulcrum.config.json.Corpora#HAPROXY")
    void haproxyCorpus(String name) throws ConfigException {
        DesiredState model = DesiredState.EMPTY.withProxy(Corpora.haproxy(name));
        assertNotEquals(DesiredState.EMPTY, model);
        assertRoundTrip(model);
    }

    @Test
    void theCorporaExerciseEveryTypedObjectAndIpv6() throws ConfigException {
        String text = json.write(Corpora.keepalived("model/full-lvs.conf"));
        for (String expected : new String[] {"\"checker\": \"TCP_CHECK\"", "\"checker\": \"HTTP_GET\"",
            "\"ssl\": true", "\"checker\": \"MISC_CHECK\"", "\"checker\": \"SMTP_CHECK\"",
            "\"checker\": \"DNS_CHECK\"", "\"kind\": \"address\"", "\"kind\": \"fwmark\"", "\"kind\": \"group\"",
            "\"kind\": \"range\"", "\"first\": \"2001:db8:0:0:0:0:0:10\""}) {
            assertTrue(text.contains(expected), expected);
        }
    }

    @Test
    void compressedIpv6IsReadAsTheSameAddress() throws ConfigException {
        DesiredState model = Corpora.keepalived("model/full-lvs.conf");
        String compressed = json.write(model).replace("\"2001:db8:0:0:0:0:0:10\"", "\"2001:db8::10\"");
        assertEquals(model, json.read(compressed, "c.json"));
    }

    @Test
    void keepalivedAndHaproxyTogether() throws ConfigException {
        DesiredState lvs = Corpora.keepalived("model/full-lvs.conf");
        assertRoundTrip(lvs.withProxy(Corpora.haproxy("model/everything.cfg")));
    }
}
