package dev.fulcrum.config.keepalived.model;

import dev.fulcrum.api.config.ConfigProblem;
import dev.fulcrum.config.keepalived.SourceReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Test helpers: configurations from the test resources or from a string. */
final class Configs {

    private Configs() {
    }

    static Path resource(String name) {
        try {
            return Path.of(Configs.class.getResource("/keepalived/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    /** A keepalived.conf given as text, named {@code k.conf}. */
    static KeepalivedConfigs.Result check(String text, boolean lenient) {
        SourceReader reader = new SourceReader() {
            @Override
            public String read(Path file) throws IOException {
                if (!file.toString().equals("k.conf")) {
                    throw new NoSuchFileException(file.toString());
                }
                return text;
            }

            @Override
            public List<Path> glob(Path directory, String pattern) {
                return List.of();
            }
        };
        return KeepalivedConfigs.check(Path.of("k.conf"), Set.of(), reader, lenient);
    }

    static KeepalivedConfigs.Result check(String text) {
        return check(text, false);
    }

    /** The problems as {@code file:line:column: severity: 'offending': message}. */
    static List<String> problems(KeepalivedConfigs.Result result) {
        return result.problems().stream().map(ConfigProblem::format).collect(Collectors.toList());
    }

    /** A config that must be valid (no errors, warnings allowed). */
    static KeepalivedConfig valid(String text) {
        KeepalivedConfigs.Result result = check(text);
        return result.config().orElseThrow(() -> new AssertionError(problems(result)));
    }
}
