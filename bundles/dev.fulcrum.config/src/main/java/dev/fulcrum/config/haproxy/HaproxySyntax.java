package dev.fulcrum.config.haproxy;

import dev.fulcrum.api.config.ConfigException;
import dev.fulcrum.api.config.ConfigProblem;
import dev.fulcrum.api.config.SourceLocation;
import dev.fulcrum.config.internal.ProblemCollector;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The syntax layer of haproxy.cfg (HAProxy 2.6 semantics): text to located sections and lines, with
 * every problem collected. Nothing is interpreted yet beyond what HAProxy's own section reader does;
 * see {@link LineTokenizer} (words), {@link SectionParser} (sections), {@link DefaultsInheritance}
 * (which defaults apply). The model layer reads values with {@link TimeValue}, {@link SizeValue},
 * {@link IntegerValue} and {@link AddressParser}, which report located problems the same way.
 *
 * <p>For any text the result is returned, never an exception: bad input becomes problems.
 */
public final class HaproxySyntax {

    private HaproxySyntax() {
    }

    /**
     * What a file contains, and what is wrong with it.
     *
     * @param sections the sections in file order
     * @param defaults for each frontend, backend and listen: the defaults sections that apply
     * @param problems errors and warnings, in the order found
     */
    public record Result(List<Section> sections, List<DefaultsInheritance.Inherited> defaults,
            List<ConfigProblem> problems) {

        public Result {
            sections = List.copyOf(sections);
            defaults = List.copyOf(defaults);
            problems = List.copyOf(problems);
        }

        public boolean hasErrors() {
            return problems.stream().anyMatch(problem -> problem.severity() == ConfigProblem.Severity.ERROR);
        }

        /** The sections, or a ConfigException with every problem when any of them is an error. */
        public List<Section> sectionsOrThrow() throws ConfigException {
            if (hasErrors()) {
                throw new ConfigException(problems);
            }
            return sections;
        }

        /** The defaults lines that apply to {@code proxy}, most basic first; empty for a non-proxy. */
        public List<Line> defaultsFor(Section proxy) {
            return defaults.stream().filter(inherited -> inherited.proxy().equals(proxy)).findFirst()
                    .map(DefaultsInheritance.Inherited::lines).orElse(List.of());
        }

        /** The sections of one kind, in file order. */
        public List<Section> sections(SectionKind kind) {
            return sections.stream().filter(section -> section.kind() == kind).toList();
        }

        /** The proxy (frontend, backend or listen) or named section of that kind and name. */
        public Optional<Section> section(SectionKind kind, String name) {
            return sections.stream().filter(s -> s.kind() == kind && s.name().equals(name)).findFirst();
        }
    }

    /** Strict: unsupported sections are errors. */
    public static Result parse(Path file, String text, Map<String, String> environment) {
        return parse(file, text, environment, false);
    }

    /**
     * @param file        names the source in every location (it is not read)
     * @param text        the file's content
     * @param environment what {@code "$NAME"} expands to (configuration.txt 2.3); never the process
     *                    environment unless the caller passes it
     * @param lenient     unsupported sections become warnings instead of errors
     */
    public static Result parse(Path file, String text, Map<String, String> environment, boolean lenient) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(environment, "environment");
        String source = file.toString();
        ProblemCollector problems = new ProblemCollector(lenient);
        try {
            String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
            List<Section> sections = SectionParser.parse(source, body, environment, problems);
            ProxyNames.checkDuplicates(sections, problems);
            List<DefaultsInheritance.Inherited> defaults = DefaultsInheritance.resolve(sections, problems);
            return new Result(sections, defaults, problems.problems());
        } catch (RuntimeException bug) {
            // A parser bug must not take the caller down with an unchecked exception (DESIGN.md).
            problems.error(new SourceLocation(source, 1, 0), "", "internal error in the haproxy.cfg parser: " + bug);
            return new Result(List.of(), List.of(), problems.problems());
        }
    }
}
