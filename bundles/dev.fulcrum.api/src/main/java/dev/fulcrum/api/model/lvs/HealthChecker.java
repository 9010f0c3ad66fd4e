package dev.fulcrum.api.model.lvs;

import dev.fulcrum.api.model.internal.Checks;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A real_server health checker (keepalived.conf(5) TCP_CHECK, HTTP_GET, SSL_GET, MISC_CHECK,
 * SMTP_CHECK, DNS_CHECK). Implemented by exactly the records below (sealed by convention).
 */
public interface HealthChecker {

    /** The options every checker takes. */
    CheckCommon common();

    /** {@code TCP_CHECK}: a TCP connect. */
    record TcpCheck(CheckCommon common) implements HealthChecker {
        public TcpCheck {
            Objects.requireNonNull(common, "common");
        }
    }

    /**
     * {@code HTTP_GET} ({@code ssl} false) or {@code SSL_GET} ({@code ssl} true).
     *
     * @param urls         {@code url { ... }}, at least one
     * @param virtualhost  {@code virtualhost} for every url without its own
     * @param httpProtocol {@code http_protocol} (1.0, 1.0C, 1.1, 1.0K)
     * @param enableSni    {@code enable_sni} (SSL_GET)
     */
    record HttpGet(boolean ssl, CheckCommon common, List<Url> urls, Optional<String> virtualhost,
            Optional<String> httpProtocol, boolean enableSni) implements HealthChecker {
        public HttpGet {
            Objects.requireNonNull(common, "common");
            urls = List.copyOf(urls);
            if (urls.isEmpty()) {
                throw new IllegalArgumentException("HTTP_GET/SSL_GET needs at least one url");
            }
            Objects.requireNonNull(virtualhost, "virtualhost");
            Objects.requireNonNull(httpProtocol, "httpProtocol");
        }
    }

    /**
     * {@code MISC_CHECK}: a script; exit 0 up, 1 down; with {@code misc_dynamic} 2..255 set the
     * weight to code - 2.
     *
     * @param timeout {@code misc_timeout}; absent: the delay loop
     * @param user    {@code user USERNAME [GROUPNAME]}, as written
     */
    record MiscCheck(CheckCommon common, String path, Optional<Duration> timeout, boolean dynamic,
            Optional<String> user) implements HealthChecker {
        public MiscCheck {
            Objects.requireNonNull(common, "common");
            Checks.name("path", path);
            Objects.requireNonNull(timeout, "timeout");
            timeout.ifPresent(t -> Checks.positive("timeout", t));
            Objects.requireNonNull(user, "user");
        }
    }

    /** {@code SMTP_CHECK}; {@code helo_name} default: the global smtp_helo_name. */
    record SmtpCheck(CheckCommon common, Optional<String> heloName) implements HealthChecker {
        public SmtpCheck {
            Objects.requireNonNull(common, "common");
            Objects.requireNonNull(heloName, "heloName");
        }
    }

    /** {@code DNS_CHECK}: {@code type} default SOA, {@code name} default ".". */
    record DnsCheck(CheckCommon common, String type, String name) implements HealthChecker {
        public static final String DEFAULT_TYPE = "SOA";
        public static final String DEFAULT_NAME = ".";

        public DnsCheck {
            Objects.requireNonNull(common, "common");
            Checks.name("type", type);
            Checks.name("name", name);
        }
    }
}
