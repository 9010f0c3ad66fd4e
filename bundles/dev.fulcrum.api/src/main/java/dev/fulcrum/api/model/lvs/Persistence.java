package dev.fulcrum.api.model.lvs;

import dev.fulcrum.api.model.internal.Checks;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * keepalived.conf(5) {@code persistence_timeout [<INT>]} (360 s when given without a value) and
 * {@code persistence_granularity <NETMASK>}.
 */
public record Persistence(Duration timeout, Optional<InetAddress> granularity) {

    /** keepalived.conf(5): "persistence_timeout [<INT>] ... default 6 minutes". */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(360);

    /** keepalived's LVS_MAX_TIMEOUT: 31 days. */
    public static final Duration MAX_TIMEOUT = Duration.ofDays(31);

    /** IPVS keeps the timeout in whole seconds (struct ip_vs_service_user.timeout), so the model does too. */
    public Persistence {
        Checks.positive("timeout", timeout);
        if (timeout.getNano() != 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("timeout must be whole seconds from 1 to " + MAX_TIMEOUT.toSeconds()
                    + ", was " + timeout);
        }
        Objects.requireNonNull(granularity, "granularity");
    }
}
