package dev.fulcrum.api.model.lvs;

import dev.fulcrum.api.model.internal.Checks;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * keepalived.conf(5) HTTP_GET/SSL_GET {@code url { path; digest; status_code; virtualhost }}.
 *
 * @param digest      {@code digest}: MD5 of the body, 32 hex digits, lower case
 * @param statusCodes {@code status_code}: accepted codes; empty: 200-299 (keepalived.conf(5))
 */
public record Url(String path, Optional<String> digest, List<StatusRange> statusCodes, Optional<String> virtualhost) {

    public Url {
        Checks.name("path", path);
        Objects.requireNonNull(digest, "digest");
        digest.ifPresent(d -> {
            if (!d.matches("[0-9a-f]{32}")) {
                throw new IllegalArgumentException("digest must be 32 lower-case hex digits: " + d);
            }
        });
        statusCodes = List.copyOf(statusCodes);
        Objects.requireNonNull(virtualhost, "virtualhost");
    }

    /** A range of HTTP status codes, e.g. 200-299; a single code has from == to. */
    public record StatusRange(int from, int to) {
        public StatusRange {
            Checks.range("from", from, 100, 599);
            Checks.range("to", to, from, 599);
        }
    }
}
