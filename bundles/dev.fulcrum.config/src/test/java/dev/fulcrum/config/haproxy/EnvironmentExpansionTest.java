package dev.fulcrum.config.haproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fulcrum.api.config.ConfigProblem;
import dev.fulcrum.api.config.SourceLocation;
import dev.fulcrum.config.internal.ProblemCollector;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** configuration.txt 2.3 "Environment variables", with an injected environment. */
class EnvironmentExpansionTest {

    private static final Map<String, String> ENVIRONMENT = Map.of(
            "FD_APP1", "3",
            "HAPROXY_USER", "haproxy",
            "LIST", "10.0.0.1  10.0.0.2 ",
            "EMPTY", "",
            "_U9", "under",
            ".LINE", "7");

    private final ProblemCollector problems = new ProblemCollector(false);

    private String words(String line) {
        return LineTokenizer.tokenize("t.cfg", 7, line, ENVIRONMENT::get, problems).stream()
                .map(Token::text).collect(Collectors.joining("|"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '~', quoteCharacter = '`', value = {
        // the doc's own examples (2.3)
        "bind \"fd@${FD_APP1}\"                               ~ bind|fd@3",
        "log \"${LOCAL_SYSLOG-127.0.0.1}:514\" local0 notice  ~ log|127.0.0.1:514|local0|notice",
        "user \"$HAPROXY_USER\"                               ~ user|haproxy",
        // the name ends at the first character that is not alphanumeric or '_'
        "\"$HAPROXY_USER.x\" \"$_U9-\"                        ~ haproxy.x|under-",
        // unset expands to nothing; the default only replaces unset, not empty
        "a \"[$NOPE]\" \"[${EMPTY-d}]\" \"[${NOPE-d e}]\"     ~ a|[]|[]|[d e]",
        // [*] makes one word per blank-separated item, gluing the first and last to their neighbours
        "server \"${LIST[*]}\"                                ~ server|10.0.0.1|10.0.0.2",
        "x \"<${LIST[*]}>\"                                   ~ x|<10.0.0.1|10.0.0.2|>",
        "x \"${LIST}\"                                        ~ `x|10.0.0.1  10.0.0.2 `",
        "x \"${NOPE[*]-p q}\"                                 ~ x|p|q",
        // the default is taken raw, up to the closing brace
        "x \"${NOPE-a'b#c}\"                                  ~ x|a'b#c",
        // outside double quotes '$' is literal (2.2 matrix, 2.3 'only within double quotes')
        "user $HAPROXY_USER '${HAPROXY_USER}'                 ~ user|$HAPROXY_USER|${HAPROXY_USER}",
        "user \"\\$HAPROXY_USER\"                             ~ user|$HAPROXY_USER",
        // pseudo-variables come from the same injected lookup
        "x \"${.LINE}\"                                       ~ x|7",
    })
    void expandsInsideDoubleQuotesOnly(String line, String expected) {
        assertEquals(expected, words(line));
        assertEquals(List.of(), problems.problems());
    }

    @Test
    void expandedCharactersPointAtTheDollar() {
        Token token = LineTokenizer.tokenize("t.cfg", 2, "server s \"${FD_APP1}x\"", ENVIRONMENT::get, problems).get(2);
        assertEquals("3x", token.text());
        assertEquals(11, token.locationAt(0).column());
        assertEquals(21, token.locationAt(1).column());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '~', quoteCharacter = '`', value = {
        "user \"$1\"        ~ 8  ~ 1   ~ forbidden first character in environment variable name: expected a letter or '_'",
        "user \"$\"         ~ 8  ~ \"  ~ forbidden first character in environment variable name: expected a letter or '_'",
        "user \"${}\"       ~ 9  ~ }   ~ forbidden first character in environment variable name: expected a letter or '_'",
        "user \"${FOO\"     ~ 8  ~ {   ~ unmatched brace in environment variable name: expected '}'",
        "user \"${FOO-x\"   ~ 8  ~ {   ~ unmatched brace in environment variable name: expected '}'",
        "user \"${FOO x}\"  ~ 8  ~ {   ~ unmatched brace in environment variable name: expected '}'",
        "user \"${X[*}\"    ~ 10 ~ [*} ~ truncated or invalid word expansion sequence: expected [*]",
        "user \"${.PID}\"   ~ 9  ~ .PID ~ unknown pseudo-variable: expected .FILE, .LINE or .SECTION",
    })
    void reportsBadExpansionsWhereHaproxyDoes(String line, int column, String offending, String message) {
        assertEquals("", words(line));
        assertEquals(List.of(ConfigProblem.error(new SourceLocation("t.cfg", 7, column), offending, message)),
                problems.problems());
    }
}
