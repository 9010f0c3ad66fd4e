package dev.fulcrum.config.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.api.config.ConfigProblem;
import dev.fulcrum.config.keepalived.SourceReader;
import dev.fulcrum.config.keepalived.model.KeepalivedConfig;
import dev.fulcrum.config.keepalived.model.KeepalivedConfigs;
import java.net.URISyntaxException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every valid keepalived.conf the reader's tests use: read, emit, read again gives the same model. */
class KeepalivedCorpusRoundTripTest {

    /** The corrected seed copies (read with config id lb1, as SeedModelTest does) and the valid corpora. */
    static Stream<String> corpora() {
        return Stream.of("seed-4.1-lb1.corrected.conf", "seed-4.2-dr-master.corrected.conf",
                "seed-A.3-ceph.corrected.conf", "model/full-vrrp.conf", "model/full-lvs.conf");
    }

    @ParameterizedTest
    @MethodSource("corpora")
    void readEmitReadGivesTheSameModel(String name) throws Exception {
        KeepalivedConfig original = KeepalivedConfigs.read(resource(name), Set.of("lb1"), false);
        String emitted = KeepalivedEmitter.emit(original);
        assertEquals(original, read(emitted), emitted);
    }

    @ParameterizedTest
    @MethodSource("corpora")
    void emitIsIdempotent(String name) throws Exception {
        String emitted = KeepalivedEmitter.emit(KeepalivedConfigs.read(resource(name), Set.of("lb1"), false));
        assertEquals(emitted, KeepalivedEmitter.emit(read(emitted)));
    }

    /** Reads keepalived.conf text (no includes: the emitter never writes one). */
    static KeepalivedConfig read(String text) {
        SourceReader reader = new SourceReader() {
            @Override
            public String read(Path file) throws NoSuchFileException {
                if (!file.toString().equals("keepalived.conf")) {
                    throw new NoSuchFileException(file.toString());
                }
                return text;
            }

            @Override
            public List<Path> glob(Path directory, String pattern) {
                return List.of();
            }
        };
        KeepalivedConfigs.Result result = KeepalivedConfigs.check(Path.of("keepalived.conf"), Set.of(), reader, false);
        return result.config().orElseThrow(() -> new AssertionError(result.problems().stream()
                .map(ConfigProblem::format).collect(Collectors.joining("\n")) + "\n---\n" + text));
    }

    static Path resource(String name) {
        try {
            return Path.of(KeepalivedCorpusRoundTripTest.class.getResource("/keepalived/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
