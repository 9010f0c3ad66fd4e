package dev.fulcrum.config.haproxy.model;

import dev.fulcrum.config.haproxy.Line;
import dev.fulcrum.config.haproxy.Section;
import dev.fulcrum.config.haproxy.SectionKind;
import dev.fulcrum.config.internal.ProblemCollector;

/**
 * The section a line belongs to, and whether it has the capability a keyword needs
 * (configuration.txt 4 "Proxies"; 4.1 "Proxy keywords matrix"). Like HAProxy 2.6's
 * warnifnotcap() (src/cfgparse-listen.c), a keyword the proxy cannot use is a warning and ignored.
 */
record Scope(Section section) {

    /** {@code backend 'app'}, {@code defaults 'base'}, or {@code defaults section} when unnamed. */
    String describe() {
        return section.name().isEmpty() ? section.kind().keyword() + " section" : section.describe();
    }

    boolean isDefaults() {
        return section.kind() == SectionKind.DEFAULTS;
    }

    /** Whether the line may take effect here; a warning when the proxy lacks the capability. */
    boolean allows(Line line, String keyword, boolean needsFrontend, boolean needsBackend, ProblemCollector problems) {
        if (isDefaults()) {
            return true;
        }
        String missing = needsFrontend && !section.kind().hasFrontendCapability() ? "frontend"
                : needsBackend && !section.kind().hasBackendCapability() ? "backend" : null;
        if (missing != null) {
            problems.warning(line.location(), keyword, "ignored because " + describe() + " has no " + missing
                    + " capability");
            return false;
        }
        return true;
    }

    /** configuration.txt 4.1: bind, server, acl and use_backend "may be used in sections: defaults no". */
    boolean notInDefaults(Line line, ProblemCollector problems) {
        if (isDefaults()) {
            problems.error(line.location(), line.keyword(), "'" + line.keyword() + "' is not allowed in a defaults"
                    + " section");
            return false;
        }
        return true;
    }
}
