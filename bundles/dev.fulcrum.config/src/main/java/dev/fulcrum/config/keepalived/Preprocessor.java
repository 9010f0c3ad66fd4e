package dev.fulcrum.config.keepalived;

import dev.fulcrum.config.internal.ProblemCollector;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * keepalived.conf(5) ADVANCED CONFIGURATION, applied line by line to comment-free lines in the
 * order of keepalived's {@code read_line()}: conditional configuration ({@code @id} /
 * {@code @^id}), parameter definitions ({@code $NAME=VALUE}), parameter substitution
 * ({@code $NAME} and {@code ${NAME}}), repeated until the line no longer changes. Definitions
 * stay in force across included files. One instance per parse; not thread-safe.
 */
final class Preprocessor {

    /** Substitution rounds per line before it is declared recursive. */
    static final int MAX_ROUNDS = 32;
    /** Longest line substitution may produce. */
    static final int MAX_LINE_LENGTH = 65_536;

    private final Set<String> configIds;
    private final ProblemCollector problems;
    private final Map<String, String> definitions = new HashMap<>();
    private boolean inMultilineDefinition;

    /**
     * @param configIds the active config ids (keepalived's {@code -i/--config-id}; keepalived
     *                  defaults it to the first part of the host name)
     */
    Preprocessor(Set<String> configIds, ProblemCollector problems) {
        this.configIds = Set.copyOf(configIds);
        this.problems = Objects.requireNonNull(problems, "problems");
    }

    /**
     * The line to tokenize, or empty when the line is blank, disabled by a conditional, or a
     * parameter definition.
     *
     * @param line      a line already passed through {@link Lexer#stripComment}
     * @param directory the directory of the file the line is in, for {@code ${_PWD}}
     */
    Optional<LocatedLine> process(LocatedLine line, String directory) {
        if (inMultilineDefinition) {
            // Continuation lines of a multi-line definition end with '\'; the first that does
            // not is its last line (keepalived.conf(5) "Parameter substitution").
            inMultilineDefinition = line.text().endsWith("\\");
            return Optional.empty();
        }
        LocatedLine current = line;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            if (current.isEmpty()) {
                return Optional.empty();
            }
            if (current.charAt(0) == '@') {
                Optional<LocatedLine> kept = conditional(current);
                if (kept.isEmpty()) {
                    return kept;
                }
                current = kept.get();
            }
            if (current.charAt(0) == '$' && define(current)) {
                return Optional.empty();
            }
            if (current.text().startsWith("~SEQ") || current.text().startsWith("~LST")) {
                problems.unsupported(current.locationAt(0), current.text().substring(0, 4),
                        "keepalived.conf (sequence and list blocks)");
                return Optional.empty();
            }
            if (current.charAt(0) == '~' || current.text().indexOf('$') < 0) {
                return Optional.of(current);
            }
            LocatedLine substituted = substitute(current, directory, false);
            if (substituted == current) {
                substitute(current, directory, true); // reports the references left undefined
                return Optional.of(current);
            }
            if (substituted.length() > MAX_LINE_LENGTH) {
                problems.error(line.locationAt(0), "", "parameter substitution makes this line longer than "
                        + MAX_LINE_LENGTH + " characters");
                return Optional.empty();
            }
            current = substituted;
        }
        problems.error(line.locationAt(0), "", "parameter substitution does not end after " + MAX_ROUNDS
                + " rounds: is a parameter defined in terms of itself?");
        return Optional.empty();
    }

    /**
     * keepalived.conf(5) "Conditional configuration and configuration id": the word right after
     * '@' must be an active config id (after '@^' it must not be), else the line is ignored; a
     * line with nothing after the word is ignored too.
     */
    private Optional<LocatedLine> conditional(LocatedLine line) {
        boolean negated = line.length() > 1 && line.charAt(1) == '^';
        int idStart = negated ? 2 : 1;
        int idEnd = idStart;
        while (idEnd < line.length() && !Lexer.isBlank(line.charAt(idEnd))) {
            idEnd++;
        }
        if (idEnd == line.length()) {
            return Optional.empty();
        }
        boolean active = configIds.contains(line.text().substring(idStart, idEnd));
        if (active == negated) {
            return Optional.empty();
        }
        return Optional.of(Lexer.trim(line.substring(idEnd, line.length())));
    }

    /**
     * keepalived.conf(5) "Parameter substitution": {@code $NAME=VALUE}, no space before '=',
     * NAME of [A-Za-z0-9_] not starting with a digit, VALUE possibly empty. The value is kept as
     * written; substitution happens where it is used.
     */
    private boolean define(LocatedLine line) {
        String text = line.text();
        if (text.length() < 2 || !isNameStart(text.charAt(1))) {
            return false;
        }
        int equals = 2;
        while (equals < text.length() && isNamePart(text.charAt(equals))) {
            equals++;
        }
        if (equals == text.length() || text.charAt(equals) != '=') {
            return false;
        }
        String name = text.substring(1, equals);
        String value = Lexer.trim(line.substring(equals + 1, line.length())).text();
        if (value.endsWith("\\")) {
            problems.unsupported(line.locationAt(0), "$" + name, "keepalived.conf (multi-line parameter definitions)");
            inMultilineDefinition = true;
            definitions.remove(name);
            return true;
        }
        definitions.put(name, value);
        return true;
    }

    /**
     * Replaces each defined {@code $NAME} (followed by a blank, ',', ')' or the end of the line)
     * and {@code ${NAME}}, left to right, once. An undefined parameter is left as written, as
     * keepalived.conf(5) says ("If a parameter is not defined, it will not be replaced at all");
     * with {@code report} set, each one is reported as a warning.
     *
     * @return the same instance when nothing was replaced
     */
    private LocatedLine substitute(LocatedLine line, String directory, boolean report) {
        String text = line.text();
        LocatedLine.Builder result = new LocatedLine.Builder(line);
        boolean replaced = false;
        int copied = 0;
        int i = text.indexOf('$');
        while (i >= 0 && i + 1 < text.length() && result.length() <= MAX_LINE_LENGTH) {
            boolean braces = text.charAt(i + 1) == '{';
            int nameStart = braces ? i + 2 : i + 1;
            int nameEnd = nameStart;
            while (nameEnd < text.length() && isNamePart(text.charAt(nameEnd))) {
                nameEnd++;
            }
            int referenceEnd = braces ? nameEnd + 1 : nameEnd;
            boolean isReference = nameEnd > nameStart && isNameStart(text.charAt(nameStart))
                    && (braces ? nameEnd < text.length() && text.charAt(nameEnd) == '}' : endsReference(text, nameEnd));
            String value = isReference ? lookup(text.substring(nameStart, nameEnd), directory) : null;
            if (value != null) {
                result.copy(copied, i).replacement(value, i, referenceEnd);
                copied = referenceEnd;
                replaced = true;
            } else if (isReference && report) {
                problems.warning(line.locationAt(i), text.substring(i, referenceEnd), "undefined parameter: left as "
                        + "written, as keepalived does (define it with $" + text.substring(nameStart, nameEnd)
                        + "=VALUE before this line)");
            }
            i = text.indexOf('$', value != null ? referenceEnd : i + 1);
        }
        return replaced ? result.copy(copied, text.length()).build() : line;
    }

    private String lookup(String name, String directory) {
        String value = definitions.get(name);
        if (value != null) {
            return value;
        }
        // keepalived.conf(5) "Pre-defined definitions" (those that do not depend on time or chance).
        if (name.equals("_PWD")) {
            return directory;
        }
        if (name.equals("_INSTANCE") && configIds.size() == 1) {
            return configIds.iterator().next();
        }
        return null;
    }

    private static boolean endsReference(String text, int index) {
        return index == text.length() || " \t,)".indexOf(text.charAt(index)) >= 0;
    }

    private static boolean isNameStart(char c) {
        return c == '_' || (c < 128 && Character.isLetter(c));
    }

    private static boolean isNamePart(char c) {
        return c == '_' || (c < 128 && Character.isLetterOrDigit(c));
    }
}
