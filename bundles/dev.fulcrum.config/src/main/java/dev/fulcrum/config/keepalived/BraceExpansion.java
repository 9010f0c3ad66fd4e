package dev.fulcrum.config.keepalived;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * csh-style brace alternatives in include patterns, which keepalived passes to glob(3) with
 * GLOB_BRACE (keepalived.conf(5) DESCRIPTION: "can include wildcards, including csh style brace
 * expressions such as "{foo/{,cat,dog},bar}""). A group without a comma, or without its
 * closing brace, is literal.
 */
final class BraceExpansion {

    /** The most alternatives one pattern may expand to. */
    static final int MAX_ALTERNATIVES = 1024;
    /** The most brace groups expanded one inside or after the other. */
    static final int MAX_GROUPS = 32;

    private BraceExpansion() {
    }

    /** The alternatives in order, or empty when there would be too many. */
    static Optional<List<String>> expand(String pattern) {
        List<String> out = new ArrayList<>();
        return expand(pattern, 0, 0, out) ? Optional.of(out) : Optional.empty();
    }

    /** Adds the expansions of {@code pattern} from {@code from} on; false when over a limit. */
    private static boolean expand(String pattern, int from, int depth, List<String> out) {
        if (depth > MAX_GROUPS) {
            return false;
        }
        int open = pattern.indexOf('{', from);
        while (open >= 0) {
            int close = matching(pattern, open);
            if (close < 0) {
                break;
            }
            List<String> choices = split(pattern.substring(open + 1, close));
            if (choices.size() > 1) {
                String prefix = pattern.substring(0, open);
                String suffix = pattern.substring(close + 1);
                for (String choice : choices) {
                    if (!expand(prefix + choice + suffix, open, depth + 1, out)) {
                        return false;
                    }
                }
                return true;
            }
            open = pattern.indexOf('{', open + 1);
        }
        out.add(pattern);
        return out.size() <= MAX_ALTERNATIVES;
    }

    private static int matching(String pattern, int open) {
        int depth = 0;
        for (int i = open; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Splits at the commas that are not inside a nested group. */
    private static List<String> split(String group) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < group.length(); i++) {
            char c = group.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(group.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(group.substring(start));
        return parts;
    }
}
