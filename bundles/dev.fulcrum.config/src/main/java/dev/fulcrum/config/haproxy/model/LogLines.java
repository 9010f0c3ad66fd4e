package dev.fulcrum.config.haproxy.model;

import dev.fulcrum.api.model.proxy.LogTarget;
import dev.fulcrum.config.haproxy.Line;
import dev.fulcrum.config.haproxy.Token;
import dev.fulcrum.config.internal.ProblemCollector;
import java.util.Optional;
import java.util.Set;

/**
 * configuration.txt 3.1 "log &lt;target&gt; [len &lt;length&gt;] [format &lt;format&gt;] [sample &lt;ranges&gt;:&lt;size&gt;]
 * &lt;facility&gt; [max level [min level]]" and 4.2 "log global". Fulcrum supports the address, the
 * facility and the max level; len, format, sample and a min level are reported as unsupported.
 */
final class LogLines {

    private static final Set<String> UNSUPPORTED_OPTIONS = Set.of("len", "format", "sample");

    private LogLines() {
    }

    /** A {@code log ADDRESS FACILITY [LEVEL]} line; empty after reporting what is wrong. */
    static Optional<LogTarget> target(Line line, String context, ProblemCollector problems) {
        Optional<Token> address = Words.require(line, 0, "log", "ADDRESS FACILITY [LEVEL]", problems);
        if (address.isEmpty()) {
            return Optional.empty();
        }
        Optional<Token> facility = Words.require(line, 1, "log", "a syslog facility after the address", problems);
        if (facility.isEmpty()) {
            return Optional.empty();
        }
        if (UNSUPPORTED_OPTIONS.contains(facility.get().text())) {
            problems.unsupported(facility.get().location(), "log " + facility.get().text(), context);
            return Optional.empty();
        }
        boolean ok = true;
        if (!LogTarget.FACILITIES.contains(facility.get().text())) {
            problems.error(facility.get().location(), facility.get().text(), "unknown syslog facility: expected one of "
                    + String.join(", ", LogTarget.FACILITIES));
            ok = false;
        }
        Optional<Token> level = line.argument(2);
        if (level.isPresent() && !LogTarget.LEVELS.contains(level.get().text())) {
            problems.error(level.get().location(), level.get().text(), "unknown log level: expected one of "
                    + String.join(", ", LogTarget.LEVELS));
            ok = false;
        }
        line.argument(3).ifPresent(min -> problems.unsupported(min.location(), "log minimum level", context));
        if (!ok || line.arguments().size() > 3) {
            return Optional.empty();
        }
        return Optional.of(new LogTarget(address.get().text(), facility.get().text(), level.map(Token::text)));
    }
}
