package dev.fulcrum.config.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.fulcrum.api.config.ConfigException;
import dev.fulcrum.api.model.proxy.ProxyConfig;
import dev.fulcrum.config.haproxy.model.HaproxyConfigs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every valid haproxy.cfg the reader's tests use: read, emit, read again gives the same model. */
class HaproxyCorpusRoundTripTest {

    /** The reader's valid corpora (haproxy/model/*) and the seed's chapter 5 snippets read together, as SeedModelTest does. */
    static Stream<String> corpora() {
        return Stream.of("model/everything.cfg", "model/log-format.cfg", "model/seed-A.4-corrected.cfg",
                "seed-5.2-global.cfg+seed-5.3-defaults.cfg+seed-5.4-frontend.cfg+seed-5.5-backend.cfg");
    }

    @ParameterizedTest
    @MethodSource("corpora")
    void readEmitReadGivesTheSameModel(String files) throws ConfigException {
        ProxyConfig original = read(text(files));
        String emitted = HaproxyEmitter.emit(original);
        assertEquals(original, read(emitted), emitted);
    }

    @ParameterizedTest
    @MethodSource("corpora")
    void emitIsIdempotent(String files) throws ConfigException {
        String emitted = HaproxyEmitter.emit(read(text(files)));
        assertEquals(emitted, HaproxyEmitter.emit(read(emitted)));
    }

    @ParameterizedTest
    @MethodSource("corpora")
    void emittedTextIsCanonicalNotACopy(String files) throws ConfigException {
        String emitted = HaproxyEmitter.emit(read(text(files)));
        assertNotEquals(text(files), emitted);
        emitted.lines().filter(l -> !l.isEmpty() && Character.isWhitespace(l.charAt(0)))
                .forEach(l -> assertEquals(4, l.indexOf(l.strip()), "4-space indentation: '" + l + "'"));
    }

    static ProxyConfig read(String text) throws ConfigException {
        return HaproxyConfigs.read(Path.of("haproxy.cfg"), text, Map.of(), false);
    }

    static String text(String files) {
        StringBuilder all = new StringBuilder();
        for (String name : files.split("\\+")) {
            try (InputStream in = HaproxyCorpusRoundTripTest.class.getResourceAsStream("/haproxy/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("missing test resource " + name);
                }
                all.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all.toString();
    }
}
