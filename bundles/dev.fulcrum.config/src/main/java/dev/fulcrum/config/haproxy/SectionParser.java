package dev.fulcrum.config.haproxy;

import dev.fulcrum.api.config.SourceLocation;
import dev.fulcrum.config.internal.ProblemCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Groups a file's statements into sections (configuration.txt 2.1 rules 6-7) and reads each
 * section line: names, {@code from NAME} (4 "Proxies") and the HAProxy 1.x listening-address short
 * form of {@code frontend} and {@code listen}.
 */
final class SectionParser {

    static final String UNSUPPORTED_CONTEXT = "haproxy.cfg: Fulcrum supports the global, defaults, frontend,"
            + " backend and listen sections";

    private final String source;
    private final Map<String, String> environment;
    private final ProblemCollector problems;
    private final List<Section> sections = new ArrayList<>();
    private Builder current;

    private SectionParser(String source, Map<String, String> environment, ProblemCollector problems) {
        this.source = source;
        this.environment = environment;
        this.problems = problems;
    }

    /** The sections of {@code text}, in file order; every problem goes to {@code problems}. */
    static List<Section> parse(String source, String text, Map<String, String> environment,
            ProblemCollector problems) {
        SectionParser parser = new SectionParser(source, environment, problems);
        String[] physical = text.split("\n", -1);
        for (int n = 0; n < physical.length; n++) {
            parser.statement(n + 1, physical[n]);
        }
        parser.close();
        return List.copyOf(parser.sections);
    }

    private void statement(int number, String physical) {
        // parse_line() ends a line at the first CR as well as at LF.
        int cr = physical.indexOf('\r');
        String line = cr < 0 ? physical : physical.substring(0, cr);
        List<Token> words = LineTokenizer.tokenize(source, number, line, name -> variable(name, number), problems);
        if (words.isEmpty()) {
            return;
        }
        Token first = words.get(0);
        if (first.text().isEmpty()) {
            problems.warning(first.location(), "", "the line starts with an empty word and is ignored, as HAProxy does");
            return;
        }
        if (first.text().startsWith(".")) {
            Directives.handle(words, problems);
            return;
        }
        Optional<SectionKind> kind = SectionKind.forKeyword(first.text());
        if (kind.isPresent()) {
            close();
            current = header(kind.get(), words);
        } else if (current == null) {
            problems.error(first.location(), first.text(), "unknown keyword out of section: a haproxy.cfg"
                    + " statement must follow a section keyword such as global, defaults, frontend, backend or listen");
        } else {
            current.lines.add(new Line(first.text(), words.subList(1, words.size()), first.location()));
        }
    }

    /** The environment, plus configuration.txt 2.3's pseudo-variables .FILE, .LINE and .SECTION. */
    private String variable(String name, int number) {
        switch (name) {
            case ".FILE":
                return source;
            case ".LINE":
                return Integer.toString(number);
            case ".SECTION":
                return current == null ? "" : current.name.isEmpty() ? current.kind.keyword() : current.name;
            default:
                return environment.get(name);
        }
    }

    private Builder header(SectionKind kind, List<Token> words) {
        Token keyword = words.get(0);
        List<Token> arguments = words.subList(1, words.size());
        Builder section = new Builder(kind, keyword.location());
        if (!kind.supported()) {
            problems.unsupported(keyword.location(), keyword.text(), UNSUPPORTED_CONTEXT);
            if (!arguments.isEmpty()) {
                section.name = arguments.get(0).text();
                section.headerArguments.addAll(arguments.subList(1, arguments.size()));
            }
            return section;
        }
        if (kind == SectionKind.GLOBAL) {
            if (!arguments.isEmpty()) {
                problems.error(arguments.get(0).location(), arguments.get(0).text(), "unexpected argument: 'global' takes none");
            }
            return section;
        }
        int next = 0;
        if (kind == SectionKind.DEFAULTS) {
            if (!arguments.isEmpty() && !arguments.get(0).text().equals("from")) {
                section.name = arguments.get(0).text();
                next = 1;
            }
        } else if (arguments.isEmpty() || arguments.get(0).text().isEmpty()) {
            problems.error(keyword.location(), keyword.text(), "'" + kind.keyword() + "' expects a name");
        } else {
            section.name = arguments.get(0).text();
            ProxyNames.checkCharacters(arguments.get(0), kind.keyword() + " name", problems);
            next = 1;
        }
        rest(section, arguments, next);
        return section;
    }

    /** After the name: {@code from NAME}, or (frontend, listen) 1.x listening addresses. */
    private void rest(Builder section, List<Token> arguments, int start) {
        String keyword = section.kind.keyword();
        for (int i = start; i < arguments.size(); i++) {
            Token word = arguments.get(i);
            if (word.text().equals("from")) {
                if (i + 1 >= arguments.size() || arguments.get(i + 1).text().isEmpty()) {
                    problems.error(word.location(), word.text(), "'from' expects the name of a defaults section");
                } else {
                    section.from = Optional.of(arguments.get(i + 1));
                    if (i + 2 < arguments.size()) {
                        Token extra = arguments.get(i + 2);
                        problems.error(extra.location(), extra.text(), "unexpected argument after 'from "
                                + arguments.get(i + 1).text() + "' on the '" + keyword + "' line");
                    }
                }
                return;
            }
            if (section.kind.hasFrontendCapability()) {
                if (section.headerArguments.isEmpty()) {
                    problems.warning(word.location(), word.text(), "listening address on the '" + keyword
                            + "' line: HAProxy 1.x short form of 'bind', which HAProxy 2.6 rejects; Fulcrum accepts it");
                }
                section.headerArguments.add(word);
            } else {
                problems.warning(word.location(), word.text(), "unexpected argument on the '" + keyword
                        + "' line is ignored, as HAProxy 2.6 ignores it");
            }
        }
    }

    private void close() {
        if (current != null) {
            sections.add(current.build());
            current = null;
        }
    }

    /** A section while its lines are being read. */
    private static final class Builder {

        private final SectionKind kind;
        private final SourceLocation location;
        private final List<Token> headerArguments = new ArrayList<>();
        private final List<Line> lines = new ArrayList<>();
        private String name = "";
        private Optional<Token> from = Optional.empty();

        Builder(SectionKind kind, SourceLocation location) {
            this.kind = kind;
            this.location = location;
        }

        Section build() {
            return new Section(kind, name, headerArguments, from, lines, location);
        }
    }
}
