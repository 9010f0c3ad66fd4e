package dev.fulcrum.config.keepalived;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fulcrum.api.config.ConfigProblem;
import dev.fulcrum.config.internal.ProblemCollector;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LexerTest {

    /** Renders tokens as {@code line:column-endColumn KIND text}, one line per source line. */
    static String render(List<List<Token>> lines) {
        return lines.stream()
                .map(line -> line.stream()
                        .map(t -> t.location().line() + ":" + t.location().column() + "-" + t.endColumn() + " "
                                + t.kind() + " " + t.text())
                        .collect(Collectors.joining(" | ")))
                .collect(Collectors.joining("\n"));
    }

    private static String lex(String text) {
        ProblemCollector problems = new ProblemCollector(false);
        String rendered = render(Lexer.lex("k.conf", text, problems));
        assertTrue(problems.problems().isEmpty(), () -> "unexpected problems: " + problems.problems());
        return rendered;
    }

    @Test
    void goldenBlockWithCommentsQuotesAndIndentation() {
        String conf = """
                ! Configuration File for keepalived
                vrrp_script chk_haproxy {
                    script "killall -0 haproxy" # check the haproxy process
                \tinterval 2 # every 2 seconds
                }

                # the end
                """;
        assertEquals("""
                2:1-12 WORD vrrp_script | 2:13-24 WORD chk_haproxy | 2:25-26 OPEN_BRACE {
                3:5-11 WORD script | 3:12-32 QUOTED killall -0 haproxy
                4:2-10 WORD interval | 4:11-12 WORD 2
                5:1-2 CLOSE_BRACE }""", lex(conf));
    }

    @Test
    void bracesGluedToWordsAreTokensOfTheirOwn() {
        // keepalived lib/parser.c read_line(): '{' and '}' outside "" are split off the line.
        assertEquals("1:1-18 WORD virtual_ipaddress | 1:18-19 OPEN_BRACE { | 1:19-27 WORD 10.0.0.1"
                + " | 1:27-28 CLOSE_BRACE } | 1:28-29 CLOSE_BRACE }", lex("virtual_ipaddress{10.0.0.1}}"));
    }

    @Test
    void bothCommentCharactersStartAnywhereOutsideQuotes() {
        assertEquals("1:1-10 WORD auth_pass | 1:11-14 WORD abc", lex("auth_pass abc!def"));
        assertEquals("1:1-7 WORD weight | 1:8-9 WORD 2", lex("weight 2# add 2 points"));
        assertEquals("", lex("   ! only a comment\n# another\n\n"));
        assertEquals("1:1-7 WORD notify | 1:8-25 QUOTED /bin/echo #1 !x", lex("notify \"/bin/echo #1 !x\" # real"));
    }

    @Test
    void escapedCommentCharactersAreLiteralAndKeepTheirColumns() {
        // lib/parser.c decomment(): "\#" and "\!" outside quotes are the characters themselves.
        assertEquals("1:1-10 WORD router_id | 1:11-18 WORD a#b!c | 1:19-20 WORD x",
                lex("router_id a\\#b\\!c x # comment"));
    }

    @Test
    void aQuoteInsideAWordEndsTheWord() {
        // lib/parser.c alloc_strvec_r(): a word ends at white space or '"'.
        assertEquals("1:1-4 WORD abc | 1:4-13 QUOTED def ghi | 1:13-16 WORD jkl | 1:17-20 QUOTED { | 1:21-23 QUOTED ",
                lex("abc\"def ghi\"jkl \"{\" \"\""));
    }

    @Test
    void crLfTabsAndFormFeedsSeparateWords() {
        assertEquals("1:1-2 WORD a | 1:3-4 WORD b | 1:5-6 WORD c\n2:1-2 WORD d", lex("a\tb\fc\r\nd\r\n"));
    }

    @Test
    void unterminatedQuoteIsAnErrorAtTheQuoteAndRunsToTheEndOfTheLine() {
        ProblemCollector problems = new ProblemCollector(false);
        List<List<Token>> lines = Lexer.lex("k.conf", "x\n    script \"killall -0 # not a comment\nnext", problems);
        assertEquals("1:1-2 WORD x\n2:5-11 WORD script | 2:12-39 QUOTED killall -0 # not a comment\n3:1-5 WORD next",
                render(lines));
        assertEquals(List.of("k.conf:2:12: error: '\"killall -0 # not a comment': unterminated quoted string: "
                + "expected '\"' before the end of the line"),
                problems.problems().stream().map(ConfigProblem::format).collect(Collectors.toList()));
    }
}
