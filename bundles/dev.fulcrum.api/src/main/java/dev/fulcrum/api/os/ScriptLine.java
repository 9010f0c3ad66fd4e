package dev.fulcrum.api.os;

import java.util.ArrayList;
import java.util.List;

/**
 * A keepalived script line — keepalived.conf(5) {@code script "<STRING>"}, {@code misc_path}, the
 * {@code notify*} scripts: keepalived splits the string into a program and its arguments itself, at
 * blanks, with single or double quotes keeping blanks inside one argument; no shell ever sees it, so
 * {@code killall -0 haproxy} runs killall and {@code $HOME;} is a plain argument.
 */
public final class ScriptLine {

    private ScriptLine() {
    }

    /** The argv of {@code script}; an empty script or an unclosed quote is a clear error. */
    public static List<String> split(String script) {
        List<String> argv = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (char c : script.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
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
            throw new IllegalArgumentException("unclosed " + quote + " in script: " + script);
        }
        if (inWord) {
            argv.add(word.toString());
        }
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty script");
        }
        return List.copyOf(argv);
    }
}
