package dev.fulcrum.config.haproxy.model;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fulcrum.api.config.ConfigException;
import dev.fulcrum.api.config.ConfigProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Test resources and one-call loading. */
final class Fixtures {

    static final Path FILE = Path.of("/etc/haproxy/haproxy.cfg");

    private Fixtures() {
    }

    static String resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/haproxy/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HaproxyConfigs.Loaded load(String text) throws ConfigException {
        return HaproxyConfigs.load(FILE, text, Map.of(), false);
    }

    static HaproxyConfigs.Loaded loadLenient(String text) throws ConfigException {
        return HaproxyConfigs.load(FILE, text, Map.of(), true);
    }

    /** Every problem of a rejected text, formatted "file:line:col: severity: 'offending': message". */
    static List<String> problems(String text) {
        ConfigException e = assertThrows(ConfigException.class, () -> load(text));
        return format(e.problems());
    }

    static List<String> format(List<ConfigProblem> problems) {
        return problems.stream().map(ConfigProblem::format).collect(Collectors.toList());
    }

    /** A minimal valid file with {@code extra} lines inside backend 'be' (which fe uses). */
    static String withBackendLines(String... extra) {
        return "frontend fe\n    bind :80\n    default_backend be\n\nbackend be\n"
                + String.join("", java.util.Arrays.stream(extra).map(l -> "    " + l + "\n").toList())
                + "    server s1 10.0.0.1:80\n";
    }
}
