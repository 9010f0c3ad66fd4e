package dev.fulcrum.config.keepalived;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** glob(3) as keepalived uses it for include, and the GLOB_BRACE alternatives. */
class GlobTest {

    @TempDir
    Path dir;

    private final SourceReader reader = SourceReader.fileSystem();

    private List<String> glob(String pattern) throws IOException {
        return reader.glob(dir, pattern).stream().map(p -> dir.relativize(p.toAbsolutePath()).toString())
                .collect(Collectors.toList());
    }

    private void touch(String... names) throws IOException {
        for (String name : names) {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "");
        }
    }

    @Test
    void wildcardsPerSegmentSortedWithoutDirectoriesOrHiddenFiles() throws IOException {
        touch("conf.d/b.conf", "conf.d/a.conf", "conf.d/.a.conf", "conf.d/a.txt", "conf.d/x/1.conf",
                "conf.d/y/2.conf", "conf.d/y/{z}.conf");
        Files.createDirectories(dir.resolve("conf.d/d.conf"));
        assertEquals(List.of("conf.d/a.conf", "conf.d/b.conf"), glob("conf.d/*.conf"));
        assertEquals(List.of("conf.d/.a.conf"), glob("conf.d/.*.conf"));
        assertEquals(List.of("conf.d/x/1.conf", "conf.d/y/2.conf"), glob("conf.d/*/[0-9].conf"));
        assertEquals(List.of("conf.d/a.txt"), glob("conf.d//a.???"));
        assertEquals(List.of("conf.d/y/{z}.conf"), glob("conf.d/?/{z}.*"));
        assertEquals(List.of("conf.d/a.conf"), glob("conf.d/a.conf"));
        assertEquals(List.of(), glob("conf.d/missing.conf"));
        assertEquals(List.of(), glob("nowhere/*.conf"));
    }

    @Test
    void absolutePatternsIgnoreTheDirectory() throws IOException {
        touch("abs/one.conf");
        assertEquals(List.of(dir.resolve("abs/one.conf")), reader.glob(Path.of("/nonexistent"), dir + "/abs/*.conf"));
    }

    @Test
    void aMalformedPatternIsAnIOExceptionNotARuntimeException() throws IOException {
        touch("a.conf");
        assertThrows(IOException.class, () -> glob("[a.conf"));
    }

    @Test
    void braceAlternativesExpandInOrderAndNest() {
        assertEquals(Optional.of(List.of("b.conf", "a.conf")), BraceExpansion.expand("{b,a}.conf"));
        assertEquals(Optional.of(List.of("foo/", "foo/cat", "foo/dog", "bar")), BraceExpansion.expand("{foo/{,cat,dog},bar}"));
        assertEquals(Optional.of(List.of("{x}.conf")), BraceExpansion.expand("{x}.conf"));
        assertEquals(Optional.of(List.of("a{.conf")), BraceExpansion.expand("a{.conf"));
        assertEquals(Optional.empty(), BraceExpansion.expand("{a,b}".repeat(11)));
        assertEquals(Optional.empty(), BraceExpansion.expand("{a,b".repeat(40) + "}".repeat(40)));
    }
}
