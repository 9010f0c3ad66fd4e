package dev.fulcrum.config.haproxy;

import dev.fulcrum.api.config.SourceLocation;
import dev.fulcrum.config.internal.ProblemCollector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Cuts one haproxy.cfg line into words the way HAProxy 2.6 does (configuration.txt 2.1 "Configuration
 * file format", 2.2 "Quoting and escaping", 2.3 "Environment variables"; src/tools.c parse_line()).
 *
 * <ul>
 *   <li>Words are separated by unquoted, unescaped blanks; {@code #} outside quotes starts a comment.</li>
 *   <li>Backslash escapes outside single quotes: {@code \ }, {@code \#}, {@code \\}, {@code \'},
 *       {@code \"}, {@code \r}, {@code \n}, {@code \t}, {@code \xNN}; {@code \$} only inside double
 *       quotes. Any other backslash stays as it is (e.g. {@code \1} for regex back-references). The 2.6
 *       table in 2.2 also lists {@code \<TAB>}, but HAProxy 2.6.12 keeps that backslash and splits at
 *       the tab; the implementation wins, as an admin's file was tested against it.</li>
 *   <li>Double quotes (weak) keep blanks, {@code #} and {@code '} and expand {@code $NAME},
 *       {@code ${NAME}}, {@code ${NAME-default}} (default only when NAME is unset, not when empty)
 *       and {@code ${NAME[*]}} (one word per blank-separated item); {@code .FILE}, {@code .LINE} and
 *       {@code .SECTION} are HAProxy's pseudo-variables. Single quotes (strong) keep everything.</li>
 *   <li>A {@code $} outside double quotes is literal: "Those variables are interpreted only within
 *       double quotes" (2.3).</li>
 * </ul>
 *
 * The first error of a line is reported and the line yields no words, as HAProxy skips it. A
 * trailing empty word (e.g. {@code timeout client ""}) is dropped, as parse_line() does not count
 * it; empty words in the middle are kept.
 */
public final class LineTokenizer {

    /** HAProxy 2.6 MAX_LINE_ARGS (include/haproxy/defaults.h): words on one line. */
    public static final int MAX_WORDS = 64;

    private LineTokenizer() {
    }

    /**
     * @param source     file name for locations
     * @param lineNumber 1-based
     * @param line       one physical line, without its line terminator
     * @param variables  environment lookup: the value, or null when the variable is not set
     * @return the words, empty for a blank or comment line or a line with an error
     */
    public static List<Token> tokenize(String source, int lineNumber, String line,
            Function<String, String> variables, ProblemCollector problems) {
        Scan scan = new Scan(source, lineNumber, line, variables);
        if (!scan.run()) {
            problems.error(scan.at(scan.errorColumn), scan.errorOffending, scan.errorMessage);
            return List.of();
        }
        if (scan.words.size() > MAX_WORDS) {
            Token extra = scan.words.get(MAX_WORDS);
            problems.error(extra.location(), extra.text(),
                    "too many words on one line: HAProxy accepts at most " + MAX_WORDS);
            return List.of();
        }
        return List.copyOf(scan.words);
    }

    /** The state of one line's scan; one instance per call. */
    private static final class Scan {

        private final String source;
        private final int lineNumber;
        private final String line;
        private final Function<String, String> variables;
        private final List<Token> words = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private int[] columns = new int[16];
        private int wordColumn = -1;
        private char quote;
        private int quoteColumn;
        private int errorColumn;
        private String errorOffending = "";
        private String errorMessage = "";

        Scan(String source, int lineNumber, String line, Function<String, String> variables) {
            this.source = source;
            this.lineNumber = lineNumber;
            this.line = line;
            this.variables = variables;
        }

        SourceLocation at(int column) {
            return new SourceLocation(source, lineNumber, column);
        }

        boolean run() {
            int i = 0;
            while (i < line.length()) {
                char c = line.charAt(i);
                int column = i + 1;
                if (quote == '\'') {
                    if (c == '\'') {
                        quote = 0;
                    } else {
                        emit(c, column);
                    }
                    i++;
                } else if (c == '#' && quote == 0) {
                    break;
                } else if (c == '"') {
                    toggleQuote('"', column);
                    i++;
                } else if (c == '\'' && quote == 0) {
                    toggleQuote('\'', column);
                    i++;
                } else if (c == '\\') {
                    i = escape(i);
                    if (i < 0) {
                        return false;
                    }
                } else if (isBlank(c) && quote == 0) {
                    endWord();
                    i++;
                } else if (c == '$' && quote == '"') {
                    i = new Expansion(this, i).run();
                    if (i < 0) {
                        return false;
                    }
                } else {
                    emit(c, column);
                    i++;
                }
            }
            if (quote != 0) {
                return fail(quoteColumn, String.valueOf(quote), "unmatched quote: the quote opened here is never closed");
            }
            endWord();
            if (!words.isEmpty() && words.get(words.size() - 1).text().isEmpty()) {
                words.remove(words.size() - 1);
            }
            return true;
        }

        private void toggleQuote(char which, int column) {
            if (quote == which) {
                quote = 0;
            } else {
                quote = which;
                quoteColumn = column;
                startWord(column);
            }
        }

        /** A backslash at {@code i} (outside single quotes); returns the next index, or -1 on error. */
        private int escape(int i) {
            int column = i + 1;
            char next = i + 1 < line.length() ? line.charAt(i + 1) : 0;
            switch (next) {
                case ' ': case '\\': case '#': case '\'': case '"':
                    emit(next, column);
                    return i + 2;
                case 't':
                    emit('\t', column);
                    return i + 2;
                case 'n':
                    emit('\n', column);
                    return i + 2;
                case 'r':
                    emit('\r', column);
                    return i + 2;
                case '$':
                    if (quote == '"') {
                        emit('$', column);
                        return i + 2;
                    }
                    emit('\\', column);
                    return i + 1;
                case 'x':
                    return hexEscape(i);
                default:
                    emit('\\', column);
                    return i + 1;
            }
        }

        private int hexEscape(int i) {
            int column = i + 1;
            int high = i + 2 < line.length() ? hexDigit(line.charAt(i + 2)) : -1;
            int low = i + 3 < line.length() ? hexDigit(line.charAt(i + 3)) : -1;
            String sequence = line.substring(i, Math.min(line.length(), i + 4));
            if (high < 0 || low < 0) {
                fail(column, sequence, "truncated or invalid hexadecimal sequence: expected \\x and two hex digits");
                return -1;
            }
            int value = high * 16 + low;
            if (value == 0) {
                fail(column, sequence, "\\x00 is not allowed: HAProxy would silently cut the word here");
                return -1;
            }
            emit((char) value, column);
            return i + 4;
        }

        void startWord(int column) {
            if (wordColumn < 0) {
                wordColumn = column;
            }
        }

        void emit(char c, int column) {
            startWord(column);
            if (text.length() == columns.length) {
                columns = Arrays.copyOf(columns, columns.length * 2);
            }
            columns[text.length()] = column;
            text.append(c);
        }

        void endWord() {
            if (wordColumn < 0) {
                return;
            }
            words.add(new Token(text.toString(), at(wordColumn), Arrays.copyOf(columns, text.length())));
            text.setLength(0);
            wordColumn = -1;
        }

        boolean fail(int column, String offending, String message) {
            errorColumn = column;
            errorOffending = offending;
            errorMessage = message;
            return false;
        }

        String line() {
            return line;
        }

        String lookup(String name) {
            return variables.apply(name);
        }
    }

    /** {@code $NAME}, {@code ${NAME}}, {@code ${NAME[*]}}, {@code ${NAME-default}} inside double quotes (2.3). */
    private static final class Expansion {

        private final Scan scan;
        private final String line;
        private final int dollarColumn;
        private int i;

        Expansion(Scan scan, int dollar) {
            this.scan = scan;
            this.line = scan.line();
            this.dollarColumn = dollar + 1;
            this.i = dollar + 1;
        }

        /** Returns the index after the expansion, or -1 after recording an error. */
        int run() {
            int brace = -1;
            if (peek() == '{') {
                brace = i++;
            }
            char first = peek();
            if (!(Character.isLetter(first) && first < 128) && first != '_' && first != '.') {
                scan.fail(i + 1, first == 0 ? "" : String.valueOf(first),
                        "forbidden first character in environment variable name: expected a letter or '_'");
                return -1;
            }
            int nameStart = i;
            if (first == '.') {
                i++;
            }
            while (isNameChar(peek())) {
                i++;
            }
            String name = line.substring(nameStart, i);
            if (name.startsWith(".") && !PSEUDO_VARIABLES.contains(name)) {
                scan.fail(nameStart + 1, name, "unknown pseudo-variable: expected .FILE, .LINE or .SECTION");
                return -1;
            }
            String value = scan.lookup(name);
            boolean split = false;
            if (brace >= 0 && peek() == '[') {
                if (!line.startsWith("[*]", i)) {
                    scan.fail(i + 1, line.substring(i, Math.min(line.length(), i + 3)),
                            "truncated or invalid word expansion sequence: expected [*]");
                    return -1;
                }
                split = true;
                i += 3;
            }
            if (brace >= 0) {
                int close = line.indexOf('}', i);
                if (close < 0 || (peek() != '-' && peek() != '}')) {
                    scan.fail(brace + 1, "{", "unmatched brace in environment variable name: expected '}'");
                    return -1;
                }
                if (peek() == '-' && value == null) {
                    value = line.substring(i + 1, close);
                }
                i = peek() == '-' ? close + 1 : i + 1;
            }
            if (value != null) {
                emitValue(value, split);
            }
            return i;
        }

        private void emitValue(String value, boolean split) {
            int k = 0;
            while (k < value.length()) {
                char c = value.charAt(k);
                if (split && isBlank(c)) {
                    scan.endWord();
                    while (k < value.length() && isBlank(value.charAt(k))) {
                        k++;
                    }
                    if (k < value.length()) {
                        scan.startWord(dollarColumn);
                    }
                } else {
                    scan.emit(c, dollarColumn);
                    k++;
                }
            }
        }

        private char peek() {
            return i < line.length() ? line.charAt(i) : 0;
        }

        private static boolean isNameChar(char c) {
            return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
        }
    }

    private static final List<String> PSEUDO_VARIABLES = List.of(".FILE", ".LINE", ".SECTION");

    /** An ASCII hex digit's value (ishex() in HAProxy), or -1. */
    static int hexDigit(char c) {
        return c < 128 ? Character.digit(c, 16) : -1;
    }

    /** isspace() minus the line terminators, which never reach here. */
    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\u000B' || c == '\f';
    }
}
