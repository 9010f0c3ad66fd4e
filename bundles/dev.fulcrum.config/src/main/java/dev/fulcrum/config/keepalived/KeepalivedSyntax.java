package dev.fulcrum.config.keepalived;

import dev.fulcrum.api.config.ConfigException;
import dev.fulcrum.api.config.ConfigProblem;
import dev.fulcrum.config.internal.ProblemCollector;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The syntax layer of keepalived.conf: files to a located statement tree, with every problem
 * found (not just the first). Comments, quoting and braces ({@link Lexer}), conditional lines
 * and parameters ({@code @id}, {@code $NAME}), {@code include}, and the block structure with the
 * top-level keywords are handled here; the meaning of the keywords inside blocks is left to the
 * model mapping.
 *
 * <p>Never throws for any input: every problem, including unreadable files, is in
 * {@link Result#problems()}. {@link Result#statementsOrThrow()} turns errors into a
 * {@link ConfigException}.
 */
public final class KeepalivedSyntax {

    private KeepalivedSyntax() {
    }

    /**
     * The statements of a parse and its problems, in the order found.
     *
     * @param statements the top-level statements; also when there are errors, as far as they
     *                   could be read
     * @param problems   errors and warnings, each with its location
     */
    public record Result(List<Statement> statements, List<ConfigProblem> problems) {

        public Result {
            statements = List.copyOf(statements);
            problems = List.copyOf(problems);
        }

        public boolean hasErrors() {
            return problems.stream().anyMatch(p -> p.severity() == ConfigProblem.Severity.ERROR);
        }

        /** The statements, or a ConfigException with every problem if any of them is an error. */
        public List<Statement> statementsOrThrow() throws ConfigException {
            if (hasErrors()) {
                throw new ConfigException(problems);
            }
            return statements;
        }
    }

    /** Parses a keepalived.conf from the file system. */
    public static Result parse(Path file, Set<String> configIds) {
        return parse(file, configIds, SourceReader.fileSystem(), false);
    }

    /**
     * Parses a keepalived.conf.
     *
     * @param file      the main configuration file; included files are relative to its directory
     * @param configIds the active config ids for {@code @id} lines (keepalived's
     *                  {@code -i/--config-id}, whose default is the host name up to the first dot)
     * @param reader    where files come from
     */
    public static Result parse(Path file, Set<String> configIds, SourceReader reader) {
        return parse(file, configIds, reader, false);
    }

    /**
     * As {@link #parse(Path, Set, SourceReader)}; with {@code lenient}, features Fulcrum does not
     * support (e.g. multi-line parameter definitions) are warnings instead of errors.
     */
    public static Result parse(Path file, Set<String> configIds, SourceReader reader, boolean lenient) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(configIds, "configIds");
        Objects.requireNonNull(reader, "reader");
        ProblemCollector problems = new ProblemCollector(lenient);
        Preprocessor preprocessor = new Preprocessor(configIds, problems);
        SourceLoader.Loaded loaded = new SourceLoader(reader, preprocessor, problems).load(file);
        List<Statement> statements = new BlockParser(problems).parse(loaded.lines(), loaded.endOfInput());
        return new Result(statements, problems.problems());
    }
}
