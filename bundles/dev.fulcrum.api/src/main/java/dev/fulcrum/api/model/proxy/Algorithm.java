package dev.fulcrum.api.model.proxy;

import java.util.Arrays;
import java.util.Optional;

/** The load-balancing algorithms of configuration.txt 4.2 "balance". */
public enum Algorithm {
    ROUNDROBIN("roundrobin"),
    STATIC_RR("static-rr"),
    LEASTCONN("leastconn"),
    FIRST("first"),
    SOURCE("source"),
    URI("uri"),
    URL_PARAM("url_param"),
    HDR("hdr"),
    RDP_COOKIE("rdp-cookie"),
    RANDOM("random"),
    HASH("hash");

    private final String keyword;

    Algorithm(String keyword) {
        this.keyword = keyword;
    }

    /** As written after {@code balance}. */
    public String keyword() {
        return keyword;
    }

    /** Whether HAProxy needs http mode for it; otherwise it falls back to roundrobin (4.2 "balance"). */
    public boolean needsHttp() {
        return this == URI || this == URL_PARAM || this == HDR;
    }

    public static Optional<Algorithm> forKeyword(String keyword) {
        return Arrays.stream(values()).filter(a -> a.keyword.equals(keyword)).findFirst();
    }
}
