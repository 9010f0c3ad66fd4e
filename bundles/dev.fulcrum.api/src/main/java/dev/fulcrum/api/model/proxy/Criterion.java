package dev.fulcrum.api.model.proxy;

import dev.fulcrum.api.model.internal.Checks;
import java.util.Objects;
import java.util.Optional;

/**
 * What an ACL tests (configuration.txt 7.3.6 "Fetching HTTP samples" for path and hdr, 7.3.3 for
 * src, 7.3.6 "method").
 *
 * @param fetch  the sample fetch and match method
 * @param header for the {@code hdr} forms: the header name, e.g. {@code host}; empty otherwise
 */
public record Criterion(Fetch fetch, Optional<String> header) {

    /** The supported criteria, written as in haproxy.cfg by {@link #keyword()}. */
    public enum Fetch {
        PATH("path", false),
        PATH_BEG("path_beg", false),
        PATH_END("path_end", false),
        HDR("hdr", true),
        HDR_BEG("hdr_beg", true),
        HDR_END("hdr_end", true),
        SRC("src", false),
        METHOD("method", false);

        private final String keyword;
        private final boolean takesHeader;

        Fetch(String keyword, boolean takesHeader) {
            this.keyword = keyword;
            this.takesHeader = takesHeader;
        }

        public String keyword() {
            return keyword;
        }

        /** Whether it is written {@code keyword(header)}. */
        public boolean takesHeader() {
            return takesHeader;
        }
    }

    public Criterion {
        Objects.requireNonNull(fetch, "fetch");
        Objects.requireNonNull(header, "header");
        if (fetch.takesHeader() != header.isPresent()) {
            throw new IllegalArgumentException(fetch.keyword() + (fetch.takesHeader() ? " needs" : " takes no")
                    + " header name");
        }
        header.ifPresent(h -> Checks.name("header name", h));
    }

    public static Criterion of(Fetch fetch) {
        return new Criterion(fetch, Optional.empty());
    }

    public static Criterion header(Fetch fetch, String header) {
        return new Criterion(fetch, Optional.of(header));
    }
}
