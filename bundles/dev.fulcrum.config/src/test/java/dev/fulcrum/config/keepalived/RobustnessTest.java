package dev.fulcrum.config.keepalived;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.fulcrum.api.config.ConfigException;
import dev.fulcrum.api.config.ConfigProblem;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Whatever the input, a parse ends with statements and problems, never another exception. */
class RobustnessTest {

    /** Files in memory; globbing with the platform's glob syntax over absolute paths. */
    static final class MemoryReader implements SourceReader {
        final Map<Path, String> files = new HashMap<>();

        @Override
        public String read(Path file) throws IOException {
            String text = files.get(file.toAbsolutePath().normalize());
            if (text == null) {
                throw new NoSuchFileException(file.toString());
            }
            return text;
        }

        @Override
        public List<Path> glob(Path directory, String pattern) throws IOException {
            String full = pattern.startsWith("/") ? pattern : directory.toAbsolutePath() + "/" + pattern;
            PathMatcher matcher;
            try {
                matcher = FileSystems.getDefault().getPathMatcher("glob:" + full.replace("{", "\\{").replace("}", "\\}"));
            } catch (PatternSyntaxException e) {
                throw new IOException(e.getMessage(), e);
            }
            return files.keySet().stream().filter(matcher::matches).sorted().collect(Collectors.toList());
        }
    }

    private static final String[] PIECES = {
        "{", "}", "{", "}", "\"", "#", "!", "\\", "$", "${", "}", "@", "@^", "=", "include", "*", "a.conf", "b.conf",
        "conf.d/*.conf", "{a,b}.conf", "[", "~SEQ(X, 1, 3)", "$P=", "$P", "${P}", "$Q=${P}${P}", "@lb1", "@^lb1",
        "vrrp_instance", "virtual_server", "real_server", "TCP_CHECK", "global_defs", "vrp_instance", "track_script",
        "10.0.0.1", "80", "x", "\u00e9\u30ad", "\u0000", "\r", "\t", " ", " ", " ", "\n", "\n", "\n",
    };

    private static String randomText(Random random, int pieces) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
            if (random.nextInt(3) == 0) {
                text.append(' ');
            }
        }
        return text.toString();
    }

    private static void check(MemoryReader reader, Path main) {
        KeepalivedSyntax.Result result;
        try {
            result = KeepalivedSyntax.parse(main, Set.of("lb1"), reader);
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("parse threw for " + reader.files, e);
        }
        for (ConfigProblem problem : result.problems()) {
            assertNotNull(problem.format());
        }
        assertTrue(depth(result.statements()) <= BlockParser.MAX_DEPTH);
        try {
            result.statementsOrThrow();
            assertFalse(result.hasErrors());
        } catch (ConfigException e) {
            assertEquals(result.problems(), e.problems());
        }
    }

    private static int depth(List<Statement> statements) {
        int max = 0;
        for (Statement statement : statements) {
            max = Math.max(max, statement.block().isEmpty() ? 0 : 1 + depth(statement.block()));
        }
        return max;
    }

    @Test
    void randomFilesIncludingEachOtherNeverThrow() {
        Random random = new Random(20240501L);
        Path main = Path.of("/etc/keepalived/keepalived.conf");
        for (int round = 0; round < 3000; round++) {
            MemoryReader reader = new MemoryReader();
            reader.files.put(main, randomText(random, 1 + random.nextInt(60)));
            reader.files.put(Path.of("/etc/keepalived/a.conf"), randomText(random, random.nextInt(30)));
            reader.files.put(Path.of("/etc/keepalived/b.conf"), "include a.conf\n" + randomText(random, random.nextInt(30)));
            reader.files.put(Path.of("/etc/keepalived/conf.d/c.conf"), "include ../*.conf\n" + randomText(random, 10));
            check(reader, main);
        }
    }

    @Test
    void hugeNestingLongLinesAndManyReferencesStayBounded() {
        List<String> inputs = new ArrayList<>();
        inputs.add("{".repeat(200_000));
        inputs.add("a {\n".repeat(100_000) + "}\n".repeat(100_000));
        inputs.add("}".repeat(10_000));
        inputs.add("$A=" + "x".repeat(60_000) + "\n" + "$A ".repeat(20_000));
        inputs.add("\"".repeat(99_999));
        inputs.add("include " + "{a,b".repeat(5_000));
        inputs.add("include " + "{".repeat(10_000));
        inputs.add("x".repeat(300_000));
        Path main = Path.of("/k.conf");
        for (String input : inputs) {
            MemoryReader reader = new MemoryReader();
            reader.files.put(main, input);
            long start = System.nanoTime();
            check(reader, main);
            if (System.nanoTime() - start > 5_000_000_000L) {
                fail("too slow for input starting " + input.substring(0, 20));
            }
        }
    }
}
