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

    public Persistence {
        Checks.positive("timeout", timeout);
        Objects.requireNonNull(granularity, "granularity");
    }
}
