package dev.fulcrum.config.haproxy;

import dev.fulcrum.api.config.SourceLocation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A section of haproxy.cfg: its header line and the statements up to the next section keyword or
 * the end of the file (configuration.txt 2.1 rule 7).
 *
 * @param kind            which section keyword opened it
 * @param name            the name after the keyword; empty for {@code global} and unnamed {@code defaults}
 * @param headerArguments for {@code frontend} and {@code listen}: listening addresses written on the
 *                        section line, the HAProxy 1.x short form of {@code bind} (e.g. the seed's
 *                        {@code frontend http_web *:80}); for unsupported sections: the words after
 *                        the name; otherwise empty
 * @param from            the defaults section named with {@code from NAME} (configuration.txt 4)
 * @param lines           the statements, in file order
 * @param location        where the section keyword starts
 */
public record Section(SectionKind kind, String name, List<Token> headerArguments, Optional<Token> from,
        List<Line> lines, SourceLocation location) {

    public Section {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        headerArguments = List.copyOf(headerArguments);
        Objects.requireNonNull(from, "from");
        lines = List.copyOf(lines);
        Objects.requireNonNull(location, "location");
    }

    /** {@code frontend 'main'} or {@code global}, as messages name a section. */
    public String describe() {
        return name.isEmpty() ? kind.keyword() : kind.keyword() + " '" + name + "'";
    }
}
