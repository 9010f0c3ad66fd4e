package dev.fulcrum.config.keepalived;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.fulcrum.api.config.ConfigProblem;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code include} (keepalived.conf(5) DESCRIPTION) on a real directory tree. */
class IncludeTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    /** Each statement as {@code file-name:line:column:keyword(args){...}}. */
    private static String render(List<Statement> statements) {
        return statements.stream().map(s -> Path.of(s.location().source()).getFileName() + ":" + s.location().line()
                + ":" + s.location().column() + ":" + s.keyword()
                + (s.arguments().isEmpty() ? "" : "(" + String.join(" ", s.argumentTexts()) + ")")
                + (s.block().isEmpty() ? "" : "{" + render(s.block()) + "}"))
                .collect(Collectors.joining(" "));
    }

    private List<String> format(KeepalivedSyntax.Result result) {
        return result.problems().stream().map(ConfigProblem::format).map(p -> p.replace(dir.toString(), "D"))
                .collect(Collectors.toList());
    }

    @Test
    void aGlobIncludesMatchingRegularFilesInSortedOrderRelativeToTheIncludingFile() throws IOException {
        Path main = write("keepalived.conf", "global_defs {\n}\ninclude conf.d/*.conf\nvrrp_script last {\n}\n");
        write("conf.d/b.conf", "vrrp_instance B {\n}\n");
        write("conf.d/a.conf", "\n! comment\nvrrp_instance A {\n  include vips/*.conf\n}\n");
        write("conf.d/vips/1.conf", "virtual_ipaddress {\n  10.0.0.1\n}\n");
        write("conf.d/.hidden.conf", "not_read\n");
        write("conf.d/notes.txt", "not_read\n");
        Files.createDirectories(dir.resolve("conf.d/dir.conf"));
        KeepalivedSyntax.Result result = KeepalivedSyntax.parse(main, Set.of());
        assertEquals(List.of(), format(result));
        assertEquals("keepalived.conf:1:1:global_defs a.conf:3:1:vrrp_instance(A){1.conf:1:1:virtual_ipaddress{"
                + "1.conf:2:3:10.0.0.1}} b.conf:1:1:vrrp_instance(B) keepalived.conf:4:1:vrrp_script(last)",
                render(result.statements()));
        assertEquals(dir.resolve("conf.d/a.conf").toString(), result.statements().get(1).location().source());
    }

    @Test
    void absolutePathsBraceAlternativesAndParametersAcrossFiles() throws IOException {
        write("shared/params.conf", "$VIP=192.168.0.100\n$HERE=${_PWD}\n");
        write("shared/b.conf", "vrrp_script b {\n}\n");
        write("shared/a.conf", "vrrp_script a {\n  script \"${_PWD}/check\"\n}\n");
        Path main = write("etc/keepalived.conf", "include " + dir.resolve("shared/params.conf") + "\n"
                + "include ../shared/{b,a}.conf\nvrrp_instance VI_1 {\n  virtual_ipaddress {\n    $VIP\n  }\n}\n");
        KeepalivedSyntax.Result result = KeepalivedSyntax.parse(main, Set.of());
        assertEquals(List.of(), format(result));
        assertEquals("b.conf:1:1:vrrp_script(b) a.conf:1:1:vrrp_script(a){a.conf:2:3:script(" + dir.resolve("shared")
                + "/check)} keepalived.conf:3:1:vrrp_instance(VI_1){keepalived.conf:4:3:virtual_ipaddress{"
                + "keepalived.conf:5:5:192.168.0.100}}", render(result.statements()));
    }

    @Test
    void aPatternMatchingNothingIsAWarningAndParsingGoesOn() throws IOException {
        Path main = write("keepalived.conf", "include conf.d/*.conf\ninclude missing.conf\nglobal_defs {\n}\n");
        KeepalivedSyntax.Result result = KeepalivedSyntax.parse(main, Set.of());
        assertFalse(result.hasErrors());
        assertEquals(List.of(
                "D/keepalived.conf:1:9: warning: 'conf.d/*.conf': no file matches this include; nothing is included "
                        + "(keepalived logs \"No config files matched\" and goes on)",
                "D/keepalived.conf:2:9: warning: 'missing.conf': no file matches this include; nothing is included "
                        + "(keepalived logs \"No config files matched\" and goes on)"), format(result));
        assertEquals("keepalived.conf:3:1:global_defs", render(result.statements()));
    }

    @Test
    void anUnreadableFileIsAnErrorAndTheOthersAreStillRead() throws IOException {
        Path main = write("keepalived.conf", "include *.inc\n");
        write("a.inc", "vrrp_script a {\n}\n");
        Path secret = write("b.inc", "vrrp_script b {\n}\n");
        write("c.inc", "vrrp_script c {\n}\n");
        SourceReader fileSystem = SourceReader.fileSystem();
        SourceReader reader = new SourceReader() {
            @Override
            public String read(Path file) throws IOException {
                if (file.equals(secret)) {
                    throw new AccessDeniedException(file.toString());
                }
                return fileSystem.read(file);
            }

            @Override
            public List<Path> glob(Path directory, String pattern) throws IOException {
                return fileSystem.glob(directory, pattern);
            }
        };
        KeepalivedSyntax.Result result = KeepalivedSyntax.parse(main, Set.of(), reader);
        assertEquals(List.of("D/keepalived.conf:1:9: error: '*.inc': cannot read included file D/b.inc: permission denied"),
                format(result));
        assertEquals("a.inc:1:1:vrrp_script(a) c.inc:1:1:vrrp_script(c)", render(result.statements()));
    }

    @Test
    void aMissingMainFileIsAnErrorNotAnException() {
        KeepalivedSyntax.Result result = KeepalivedSyntax.parse(dir.resolve("nope.conf"), Set.of());
        assertEquals(List.of("D/nope.conf:1: error: cannot read the configuration file D/nope.conf: no such file"),
                format(result));
        assertEquals(List.of(), result.statements());
    }

    @Test
    void anIncludeCycleIsAnErrorWithTheChain() throws IOException {
        Path main = write("keepalived.conf", "include a.conf\n");
        write("a.conf", "vrrp_script a {\n}\ninclude sub/b.conf\n");
        write("sub/b.conf", "vrrp_script b {\n}\n   include ../a.conf\n");
        KeepalivedSyntax.Result result = KeepalivedSyntax.parse(main, Set.of());
        assertEquals(List.of("D/sub/b.conf:3:12: error: '../a.conf': include cycle: D/a.conf -> D/sub/b.conf -> D/a.conf"),
                format(result));
        assertEquals("a.conf:1:1:vrrp_script(a) b.conf:1:1:vrrp_script(b)", render(result.statements()));
    }

    @Test
    void includesNestDeeperThanTheLimitAreCutOff() throws IOException {
        Path main = write("f0.conf", "include f1.conf\n");
        for (int i = 1; i < 20; i++) {
            write("f" + i + ".conf", "vrrp_script s" + i + " {\n}\ninclude f" + (i + 1) + ".conf\n");
        }
        KeepalivedSyntax.Result result = KeepalivedSyntax.parse(main, Set.of());
        List<String> problems = format(result);
        assertEquals(1, problems.size(), problems::toString);
        assertEquals(true, problems.get(0).startsWith("D/f15.conf:3:9: error: 'f16.conf': includes nested deeper than 16:"
                + " D/f0.conf -> D/f1.conf -> "), problems.get(0));
        assertEquals(15, result.statements().size());
    }

    @Test
    void anIncludeNeedsExactlyOnePatternAndKeepsTheBlockStructure() throws IOException {
        Path main = write("keepalived.conf", "vrrp_instance X {\n  include a b\ninclude\n}\n");
        KeepalivedSyntax.Result result = KeepalivedSyntax.parse(main, Set.of());
        assertEquals(List.of(
                "D/keepalived.conf:2:3: error: 'include': expected exactly one file name or pattern after include",
                "D/keepalived.conf:3:1: error: 'include': expected exactly one file name or pattern after include"),
                format(result));
        assertEquals("keepalived.conf:1:1:vrrp_instance(X)", render(result.statements()));
    }
}
