package dev.fulcrum.config.haproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.config.ConfigProblem;
import dev.fulcrum.api.config.SourceLocation;
import dev.fulcrum.config.internal.ProblemCollector;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden tests for configuration.txt 2.1 and 2.2. Expected words were checked against HAProxy
 * 2.6.12 ({@code .notice} echoes its argument) where the doc and the implementation differ.
 */
class LineTokenizerTest {

    private final ProblemCollector problems = new ProblemCollector(false);

    private List<Token> tokens(String line) {
        return LineTokenizer.tokenize("t.cfg", 7, line, Map.<String, String>of()::get, problems);
    }

    /** The words joined with '|', so one string shows the split. */
    private String words(String line) {
        return tokens(line).stream().map(Token::text).collect(Collectors.joining("|"));
    }

    @Test
    void blanksSeparateWordsAndEachWordKnowsItsColumn() {
        List<Token> tokens = tokens("  server\tapp1  192.168.1.1:80 check");
        assertEquals(List.of(
                new Token("server", new SourceLocation("t.cfg", 7, 3)),
                new Token("app1", new SourceLocation("t.cfg", 7, 10)),
                new Token("192.168.1.1:80", new SourceLocation("t.cfg", 7, 16)),
                new Token("check", new SourceLocation("t.cfg", 7, 31))), tokens);
        assertTrue(problems.problems().isEmpty());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '~', quoteCharacter = '`', value = {
        // 2.1 rule 2: a statement ends at an unprotected '#', even inside a word
        "global#this is the global section ~ global",
        "mode http   # or tcp               ~ mode|http",
        "   # only a comment                ~ ``",
        "`    `                             ~ ``",
        // 2.2 escapes outside quotes
        "log-format %t\\ %s                 ~ log-format|%t %s",
        "acl h\\#x                          ~ acl|h#x",
        "a\\\\b                             ~ a\\b",
        "a\\'b \\\"c                        ~ a'b|\"c",
        "\\x41\\x62\\x2f                    ~ Ab/",
        "\\1 \\q \\                         ~ \\1|\\q|\\",
        // '\$' is only an escape inside double quotes; outside, '$' is already literal
        "a\\$X $Y                           ~ a\\$X|$Y",
        // double quotes: blanks, '#' and single quotes are kept; escapes still work
        "log-format \"%{+Q}o %t # x\"       ~ log-format|%{+Q}o %t # x",
        "\"it's\" \"a\\\"b\" \"\\x41\\\\\"  ~ it's|a\"b|A\\",
        "\"\\$HOME\"                        ~ $HOME",
        // single quotes: nothing is interpreted
        "'\\x41 $X \"#\"' 'a\\'            ~ \\x41 $X \"#\"|a\\",
        // quotes glue with their neighbours into one word, as in a Bourne shell
        "\"x\"y'z' a\"b c\"d                ~ xyz|ab cd",
        "log-format \"%{+Q}o %t\"' %s'\\ %{-Q}r ~ log-format|%{+Q}o %t %s %{-Q}r",
        // an empty word in the middle is kept, a trailing one is dropped (parse_line)
        "a \"\" b                           ~ a||b",
        "timeout client \"\"                ~ timeout|client",
        "# \"unterminated in a comment      ~ ``",
    })
    void splitsLikeHaproxy(String line, String expected) {
        assertEquals(expected, words(line));
        assertEquals(List.of(), problems.problems());
    }

    @Test
    void controlCharacterEscapes() {
        assertEquals("x\ty\nz\r", words("x\\ty\\nz\\r"));
        assertEquals("\t|\n", words("\"\\t\" \"\\n\""));
    }

    @Test
    void backslashTabIsNotAnEscapeInHaproxy26() {
        assertEquals("a\\|b", words("a\\\tb"));
        assertEquals("a\\\tb", words("\"a\\\tb\""));
    }

    @Test
    void charactersRememberTheirSourceColumnThroughQuotesAndEscapes() {
        Token token = tokens("bind \"1.2\\x2e3.4\":8x").get(1);
        assertEquals("1.2.3.4:8x", token.text());
        assertEquals(6, token.location().column());
        assertEquals(7, token.locationAt(0).column());
        assertEquals(10, token.locationAt(3).column());
        assertEquals(14, token.locationAt(4).column());
        assertEquals(20, token.locationAt(9).column());
        assertEquals(21, token.locationAt(10).column());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '~', quoteCharacter = '`', value = {
        "user \"abc       ~ 6  ~ \"   ~ unmatched quote: the quote opened here is never closed",
        "user 'abc        ~ 6  ~ '   ~ unmatched quote: the quote opened here is never closed",
        "a \"b\" 'c'd\"e  ~ 11 ~ \"   ~ unmatched quote: the quote opened here is never closed",
        "user \\x4        ~ 6  ~ \\x4 ~ truncated or invalid hexadecimal sequence: expected \\x and two hex digits",
        "user \"\\xg1\"   ~ 7  ~ \\xg1 ~ truncated or invalid hexadecimal sequence: expected \\x and two hex digits",
        "user a\\x00b     ~ 7  ~ \\x00 ~ \\x00 is not allowed: HAProxy would silently cut the word here",
    })
    void reportsTheFirstErrorAtItsColumnAndDropsTheLine(String line, int column, String offending, String message) {
        assertEquals(List.of(), tokens(line));
        assertEquals(List.of(ConfigProblem.error(new SourceLocation("t.cfg", 7, column), offending, message)),
                problems.problems());
    }

    @Test
    void atMost64WordsFitOnALine() {
        String sixtyFour = "w ".repeat(64);
        assertEquals(64, tokens(sixtyFour).size());
        assertEquals(List.of(), tokens(sixtyFour + "extra"));
        ConfigProblem problem = problems.problems().get(0);
        assertEquals("t.cfg:7:129: error: 'extra': too many words on one line: HAProxy accepts at most 64",
                problem.format());
    }

    @Test
    void anyInputYieldsWordsOrProblemsNeverAnException() {
        java.util.Random random = new java.util.Random(26);
        String alphabet = "ab $\\\"'#{}[]*-x0.\t_";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder line = new StringBuilder();
            int length = random.nextInt(24);
            for (int k = 0; k < length; k++) {
                line.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            LineTokenizer.tokenize("f", 1, line.toString(), name -> random.nextBoolean() ? "v a" : null,
                    new ProblemCollector(false));
        }
    }
}
