package dev.fulcrum.config.haproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.config.ConfigProblem;
import dev.fulcrum.api.config.SourceLocation;
import dev.fulcrum.config.internal.ProblemCollector;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** DESIGN.md: for any input only problems come out, never an unexpected exception. */
class RobustnessTest {

    private static final String[] WORDS = {"global", "defaults", "frontend", "backend", "listen", "peers", "from",
        "bind", "server", "timeout", "\"", "'", "\\", "#", "$X", "\"${X[*]}\"", "\"${X-", ".if", ".notice", "a/b",
        ":80", "[::1]:80", "*", "1.2.3.4:+5", "@", "fd@1", "\t", " ", "\r", "\n", "\uFEFF", "\u3042", "\\x", "}",
        "d", "app", "1h", "4g", "-"};

    private static String randomText(Random random, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(WORDS[random.nextInt(WORDS.length)]);
            text.append(random.nextInt(4) == 0 ? "\n" : " ");
        }
        return text.toString();
    }

    @Test
    void randomFilesGiveAResultWithLocatedProblems() {
        Random random = new Random(2026);
        for (int n = 0; n < 3_000; n++) {
            String text = randomText(random, random.nextInt(40));
            HaproxySyntax.Result result = HaproxySyntax.parse(Path.of("r.cfg"), text, Map.of("X", "a b"), random.nextBoolean());
            for (ConfigProblem problem : result.problems()) {
                assertEquals("r.cfg", problem.location().source());
                assertFalse(problem.message().startsWith("internal error"), () -> problem.format() + " for " + text);
            }
        }
    }

    @Test
    void randomWordsGiveAValueOrAProblem() {
        Random random = new Random(62);
        String alphabet = "0123456789:.-+[]*@/abcdefmsghkuxipv6,%!";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(16);
            for (int k = 0; k < length; k++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            Token token = new Token(text.toString(), new SourceLocation("w.cfg", 1, 1));
            ProblemCollector problems = new ProblemCollector(false);
            boolean time = TimeValue.parse(token, problems).isPresent();
            boolean size = SizeValue.parse(token, problems).isPresent();
            boolean integer = IntegerValue.parse(token, -5, 5, problems).isPresent();
            int bind = AddressParser.parseBind(token, problems).size();
            boolean server = AddressParser.parseServer(token, problems).isPresent();
            int expectedProblems = (time ? 0 : 1) + (size ? 0 : 1) + (integer ? 0 : 1) + (server ? 0 : 1);
            assertTrue(problems.problems().size() >= expectedProblems, () -> "no problem reported for " + token);
            assertTrue(bind > 0 || !problems.problems().isEmpty(), () -> "bind without result or problem: " + token);
        }
    }
}
