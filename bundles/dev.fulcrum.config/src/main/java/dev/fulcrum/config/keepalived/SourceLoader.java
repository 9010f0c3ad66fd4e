package dev.fulcrum.config.keepalived;

import dev.fulcrum.api.config.SourceLocation;
import dev.fulcrum.config.internal.ProblemCollector;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads the configuration file and the files it includes into one sequence of token lines, the
 * way keepalived reads them as one stream of lines (keepalived.conf(5) DESCRIPTION, and
 * {@code read_conf_file()} / {@code check_include()} in keepalived's {@code lib/parser.c}):
 * <ul>
 * <li>{@code include FILENAME} may stand on any line, also inside a block; the files it names
 * take its place;</li>
 * <li>a relative FILENAME is relative to the directory of the including file; FILENAME may use
 * glob(7) wildcards and brace alternatives; matching files are read in sorted order;</li>
 * <li>a FILENAME matching no file is a warning, as keepalived only logs "No config files
 * matched" and goes on; a file that cannot be read is an error;</li>
 * <li>include cycles and includes nested deeper than {@value #MAX_INCLUDE_DEPTH} are errors.</li>
 * </ul>
 * One instance per parse.
 */
final class SourceLoader {

    static final int MAX_INCLUDE_DEPTH = 16;
    static final int MAX_FILES = 10_000;
    static final int MAX_LINES = 1_000_000;
    static final int MAX_PATTERN_LENGTH = 4096;

    /** The token lines of all files, and where the input ends (the end of the main file). */
    record Loaded(List<List<Token>> lines, SourceLocation endOfInput) {
    }

    private final SourceReader reader;
    private final Preprocessor preprocessor;
    private final ProblemCollector problems;
    private final List<List<Token>> lines = new ArrayList<>();
    /** The files being read, outermost first, as absolute normalized paths. */
    private final List<Path> chain = new ArrayList<>();
    private int files;
    private int lineCount;
    private boolean tooLarge;

    SourceLoader(SourceReader reader, Preprocessor preprocessor, ProblemCollector problems) {
        this.reader = reader;
        this.preprocessor = preprocessor;
        this.problems = problems;
    }

    Loaded load(Path file) {
        SourceLocation start = new SourceLocation(file.toString(), 1, 0);
        Optional<String> text = read(file, start, "", "cannot read the configuration file " + file);
        if (text.isEmpty()) {
            return new Loaded(List.of(), start);
        }
        List<LocatedLine> mainLines = Lexer.lines(file.toString(), text.get());
        LocatedLine last = mainLines.isEmpty() ? LocatedLine.of(file.toString(), 1, "") : mainLines.get(mainLines.size() - 1);
        readLines(file, mainLines);
        return new Loaded(List.copyOf(lines), new SourceLocation(file.toString(), last.line(), last.endColumn()));
    }

    private void readLines(Path file, List<LocatedLine> fileLines) {
        files++;
        Path absolute = absolute(file);
        chain.add(absolute);
        String directory = absolute.getParent() == null ? "/" : absolute.getParent().toString();
        for (LocatedLine raw : fileLines) {
            if (++lineCount > MAX_LINES) {
                if (!tooLarge) {
                    problems.error(raw.locationAt(0), "", "the configuration has more than " + MAX_LINES
                            + " lines (counting included files); the rest is not read");
                    tooLarge = true;
                }
                break;
            }
            Optional<LocatedLine> line = preprocessor.process(Lexer.stripComment(raw), directory);
            if (line.isEmpty()) {
                continue;
            }
            if (isInclude(line.get())) {
                include(file, line.get());
                continue;
            }
            List<Token> tokens = Lexer.tokenize(line.get(), problems);
            if (!tokens.isEmpty()) {
                lines.add(List.copyOf(tokens));
            }
        }
        chain.remove(chain.size() - 1);
    }

    /** Whether the first word is {@code include} (keepalived's {@code check_include()}). */
    private static boolean isInclude(LocatedLine line) {
        if (!line.text().startsWith("include") && !line.text().startsWith("\"include")) {
            return false;
        }
        List<Token> words = Lexer.words(line, new ProblemCollector(false));
        return !words.isEmpty() && words.get(0).text().equals("include");
    }

    private void include(Path from, LocatedLine line) {
        List<Token> tokens = Lexer.words(line, problems);
        if (tokens.size() != 2) {
            problems.error(tokens.get(0).location(), "include", "expected exactly one file name or pattern after include");
            List<Token> braces = Lexer.tokenize(line, new ProblemCollector(false)).stream()
                    .filter(t -> !t.isWord()).collect(Collectors.toList());
            if (!braces.isEmpty()) {
                lines.add(List.copyOf(braces)); // keep the block structure intact
            }
            return;
        }
        Token pattern = tokens.get(1);
        if (chain.size() >= MAX_INCLUDE_DEPTH) {
            problems.error(pattern.location(), pattern.text(), "includes nested deeper than " + MAX_INCLUDE_DEPTH
                    + ": " + describe(chain));
            return;
        }
        for (Path match : matches(from, pattern)) {
            Path absolute = absolute(match);
            if (chain.contains(absolute)) {
                List<Path> cycle = new ArrayList<>(chain.subList(chain.indexOf(absolute), chain.size()));
                cycle.add(absolute);
                problems.error(pattern.location(), pattern.text(), "include cycle: " + describe(cycle));
                continue;
            }
            if (files >= MAX_FILES) {
                problems.error(pattern.location(), pattern.text(), "more than " + MAX_FILES
                        + " files included; the rest is not read");
                return;
            }
            read(match, pattern.location(), pattern.text(), "cannot read included file " + match)
                    .ifPresent(text -> readLines(match, Lexer.lines(match.toString(), text)));
        }
    }

    private List<Path> matches(Path from, Token pattern) {
        if (pattern.text().length() > MAX_PATTERN_LENGTH) {
            problems.error(pattern.location(), "", "include pattern longer than " + MAX_PATTERN_LENGTH + " characters");
            return List.of();
        }
        Optional<List<String>> alternatives = BraceExpansion.expand(pattern.text());
        if (alternatives.isEmpty()) {
            problems.error(pattern.location(), pattern.text(), "include pattern has more than "
                    + BraceExpansion.MAX_ALTERNATIVES + " brace alternatives");
            return List.of();
        }
        Path directory = from.getParent() == null ? Path.of("") : from.getParent();
        List<Path> found = new ArrayList<>();
        for (String alternative : alternatives.get()) {
            try {
                found.addAll(reader.glob(directory, alternative));
            } catch (IOException | RuntimeException e) {
                problems.error(pattern.location(), pattern.text(), "cannot look for included files: " + reason(e));
                return List.of();
            }
        }
        if (found.isEmpty()) {
            problems.warning(pattern.location(), pattern.text(), "no file matches this include; nothing is included "
                    + "(keepalived logs \"No config files matched\" and goes on)");
        }
        return found;
    }

    private Optional<String> read(Path file, SourceLocation where, String offending, String what) {
        try {
            return Optional.of(reader.read(file));
        } catch (IOException | RuntimeException e) {
            problems.error(where, offending, what + ": " + reason(e));
            return Optional.empty();
        }
    }

    /** Absolute and normalized, to recognise a file reached by two spellings. */
    private static Path absolute(Path file) {
        try {
            return file.toAbsolutePath().normalize();
        } catch (RuntimeException e) {
            return file.normalize();
        }
    }

    private static String describe(List<Path> files) {
        return files.stream().map(Path::toString).collect(Collectors.joining(" -> "));
    }

    private static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
