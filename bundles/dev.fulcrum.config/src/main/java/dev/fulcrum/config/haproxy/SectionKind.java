package dev.fulcrum.config.haproxy;

import java.util.Arrays;
import java.util.Optional;

/**
 * The section keywords of HAProxy 2.6 (configuration.txt 2.1 rules 6-7, 3 "Global parameters",
 * 4 "Proxies"; the list is what HAProxy 2.6.12 accepts as a section start). A section keyword is
 * always a single word and may appear anywhere; it ends the previous section.
 */
public enum SectionKind {
    GLOBAL("global", true),
    DEFAULTS("defaults", true),
    FRONTEND("frontend", true),
    BACKEND("backend", true),
    LISTEN("listen", true),
    PEERS("peers", false),
    RESOLVERS("resolvers", false),
    USERLIST("userlist", false),
    MAILERS("mailers", false),
    PROGRAM("program", false),
    HTTP_ERRORS("http-errors", false),
    RING("ring", false),
    CACHE("cache", false),
    LOG_FORWARD("log-forward", false),
    FCGI_APP("fcgi-app", false),
    NAMESPACE_LIST("namespace_list", false);

    private final String keyword;
    private final boolean supported;

    SectionKind(String keyword, boolean supported) {
        this.keyword = keyword;
        this.supported = supported;
    }

    /** The word that opens such a section in haproxy.cfg. */
    public String keyword() {
        return keyword;
    }

    /** Whether Fulcrum implements this section; the others are reported as unsupported. */
    public boolean supported() {
        return supported;
    }

    /** frontend, backend or listen: a proxy with a name that takes its settings from a defaults section. */
    public boolean isProxy() {
        return this == FRONTEND || this == BACKEND || this == LISTEN;
    }

    /** Accepts connections (configuration.txt 4: the "frontend" capability). */
    public boolean hasFrontendCapability() {
        return this == FRONTEND || this == LISTEN;
    }

    /** Forwards to servers (configuration.txt 4: the "backend" capability). */
    public boolean hasBackendCapability() {
        return this == BACKEND || this == LISTEN;
    }

    /** The kind a line's first word opens, if it is a section keyword (case-sensitive, as in HAProxy). */
    public static Optional<SectionKind> forKeyword(String word) {
        return Arrays.stream(values()).filter(kind -> kind.keyword.equals(word)).findFirst();
    }
}
