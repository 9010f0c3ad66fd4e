package dev.fulcrum.health.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a keepalived script line ({@code misc_path}, {@code notify_up}, {@code notify_down}) into an
 * argument vector the way keepalived does before exec: words separated by blanks, double or single
 * quotes group a word. No shell is involved, so nothing in the line is expanded or executed.
 */
final class ScriptArgv {

    private ScriptArgv() {
    }

    static List<String> split(String line) {
        List<String> argv = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (c == ' ' || c == '\t') {
                if (inWord) {
                    argv.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unterminated quote in script line: " + line);
        }
        if (inWord) {
            argv.add(word.toString());
        }
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty script line");
        }
        return List.copyOf(argv);
    }
}
