package dev.fulcrum.api.model.proxy;

import dev.fulcrum.api.model.internal.Checks;
import java.util.List;

/**
 * An HTTP health check: configuration.txt 4.2 "option httpchk [&lt;method&gt;] [&lt;uri&gt;] [&lt;version&gt;]"
 * and its "http-check expect" rules. Without it, a server's {@code check} is a TCP connect check.
 *
 * @param expects evaluated in order; empty: HAProxy's default, a 2xx or 3xx status passes
 */
public record HealthCheck(String method, String uri, String version, List<HttpCheckExpect> expects) {

    /** 4.2 "option httpchk": "OPTIONS / HTTP/1.0" when nothing is written. */
    public static final String DEFAULT_METHOD = "OPTIONS";
    public static final String DEFAULT_URI = "/";
    public static final String DEFAULT_VERSION = "HTTP/1.0";

    public HealthCheck {
        Checks.name("httpchk method", method);
        Checks.name("httpchk uri", uri);
        Checks.name("httpchk version", version);
        expects = List.copyOf(expects);
    }
}
