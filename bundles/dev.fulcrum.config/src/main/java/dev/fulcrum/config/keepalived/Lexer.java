package dev.fulcrum.config.keepalived;

import dev.fulcrum.config.internal.ProblemCollector;
import java.util.ArrayList;
import java.util.List;

/**
 * keepalived.conf lexical rules, pure (no I/O). The rules follow keepalived.conf(5) DESCRIPTION
 * ("Comments start with '#' or '!' to the end of the line and can start anywhere in a line") and,
 * where the manual is silent, keepalived 2.x {@code lib/parser.c}:
 * <ul>
 * <li>{@code decomment()}: a {@code #} or {@code !} outside double quotes starts a comment;
 * {@code \#} and {@code \!} outside quotes stand for the character itself; leading and trailing
 * blanks are removed;</li>
 * <li>{@code read_line()}: every {@code {} and {@code }} outside double quotes is a token of its
 * own, also when glued to a word ({@code virtual_ipaddress{} is two tokens);</li>
 * <li>{@code alloc_strvec_r()}: words are separated by white space; a word that starts with
 * {@code "} runs to the next {@code "} and keeps its spaces (the quotes are not part of it); a
 * {@code "} inside a word ends the word and starts a quoted string.</li>
 * </ul>
 */
public final class Lexer {

    private static final String WHITE_SPACE = " \t\f\r\u000b\n";

    private Lexer() {
    }

    /** Splits text into physical lines (LF or CRLF), numbered from 1. */
    public static List<LocatedLine> lines(String source, String text) {
        List<LocatedLine> lines = new ArrayList<>();
        int number = 1;
        int start = 0;
        while (start < text.length()) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            int contentEnd = end;
            while (contentEnd > start && text.charAt(contentEnd - 1) == '\r') {
                contentEnd--;
            }
            lines.add(LocatedLine.of(source, number++, text.substring(start, contentEnd)));
            start = end + 1;
        }
        return lines;
    }

    /**
     * Removes the comment, the backslash of escaped comment characters, and leading and trailing
     * blanks, as keepalived's {@code decomment()} does. A trailing backslash is kept (it marks a
     * multi-line parameter definition).
     */
    public static LocatedLine stripComment(LocatedLine line) {
        LocatedLine.Builder out = new LocatedLine.Builder(line);
        boolean quoted = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                char next = line.charAt(i + 1);
                boolean escapedComment = !quoted && (next == '#' || next == '!');
                out.copy(escapedComment ? i + 1 : i, i + 2); // an escaped \" never toggles quoting
                i += 2;
                continue;
            }
            if (!quoted && (c == '#' || c == '!')) {
                break;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            out.copy(i, i + 1);
            i++;
        }
        return trim(out.build());
    }

    /** Removes leading and trailing spaces and tabs. */
    static LocatedLine trim(LocatedLine line) {
        int begin = 0;
        int end = line.length();
        while (begin < end && isBlank(line.charAt(begin))) {
            begin++;
        }
        while (end > begin && isBlank(line.charAt(end - 1))) {
            end--;
        }
        return begin == 0 && end == line.length() ? line : line.substring(begin, end);
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** Splits a line without comments into words, quoted strings and braces. */
    public static List<Token> tokenize(LocatedLine line, ProblemCollector problems) {
        return tokenize(line, problems, true);
    }

    /**
     * Splits a line into words and quoted strings only, braces staying part of words: how
     * keepalived's {@code check_include()} sees a line, before braces are split off, so that
     * {@code include conf.d/{a,b}.conf} keeps its pattern whole.
     */
    public static List<Token> words(LocatedLine line, ProblemCollector problems) {
        return tokenize(line, problems, false);
    }

    private static List<Token> tokenize(LocatedLine line, ProblemCollector problems, boolean braces) {
        String wordEnd = braces ? "\"{}" : "\"";
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int length = line.length();
        while (i < length) {
            char c = line.charAt(i);
            if (WHITE_SPACE.indexOf(c) >= 0) {
                i++;
            } else if (c == '"') {
                int close = line.text().indexOf('"', i + 1);
                if (close < 0) {
                    problems.error(line.locationAt(i), line.text().substring(i),
                            "unterminated quoted string: expected '\"' before the end of the line");
                    tokens.add(token(line, Token.Kind.QUOTED, i + 1, length, i, length - 1));
                    i = length;
                } else {
                    tokens.add(token(line, Token.Kind.QUOTED, i + 1, close, i, close));
                    i = close + 1;
                }
            } else if (braces && (c == '{' || c == '}')) {
                tokens.add(token(line, c == '{' ? Token.Kind.OPEN_BRACE : Token.Kind.CLOSE_BRACE, i, i + 1, i, i));
                i++;
            } else {
                int end = i;
                while (end < length && WHITE_SPACE.indexOf(line.charAt(end)) < 0 && wordEnd.indexOf(line.charAt(end)) < 0) {
                    end++;
                }
                tokens.add(token(line, Token.Kind.WORD, i, end, i, end - 1));
                i = end;
            }
        }
        return tokens;
    }

    private static Token token(LocatedLine line, Token.Kind kind, int textBegin, int textEnd, int first, int last) {
        String text = line.text().substring(textBegin, Math.max(textBegin, textEnd));
        return new Token(kind, text, line.locationAt(first), line.endColumnAt(last));
    }

    /**
     * The plain lexer: physical lines, comments removed, tokenized; no parameters, conditionals or
     * includes. Blank and comment-only lines give no entry.
     */
    public static List<List<Token>> lex(String source, String text, ProblemCollector problems) {
        List<List<Token>> result = new ArrayList<>();
        for (LocatedLine line : lines(source, text)) {
            List<Token> tokens = tokenize(stripComment(line), problems);
            if (!tokens.isEmpty()) {
                result.add(List.copyOf(tokens));
            }
        }
        return result;
    }
}
