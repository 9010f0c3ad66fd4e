package dev.fulcrum.sched.haproxy;

import dev.fulcrum.api.sched.RequestContext;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * configuration.txt 4.2 "balance hdr(NAME) [use_domain_only]": the header's value (the name is not case
 * sensitive; the {@link RequestContext} compares it so). With "use_domain_only" only the label before the
 * last dot is hashed ("in the Host value "haproxy.1wt.eu", only "1wt" will be considered"); a value without
 * a dot is hashed whole. An absent or empty header gives no key: round robin.
 */
final class HeaderKey implements RequestKey {

    private final String name;
    private final boolean domainOnly;

    HeaderKey(String name, boolean domainOnly) {
        this.name = name;
        this.domainOnly = domainOnly;
    }

    @Override
    public OptionalLong hash(RequestContext request) {
        return RequestKey.hashOf(value(request));
    }

    Optional<String> value(RequestContext request) {
        return request.header(name).map(String::trim).map(v -> domainOnly ? domain(v) : v)
                .filter(v -> !v.isEmpty());
    }

    /** "haproxy.1wt.eu" gives "1wt", "1wt.eu:8080" gives "1wt", "localhost" stays "localhost". */
    static String domain(String host) {
        int lastDot = host.lastIndexOf('.');
        if (lastDot < 0) {
            return host;
        }
        int previousDot = host.lastIndexOf('.', lastDot - 1);
        return host.substring(previousDot + 1, lastDot);
    }
}
