package dev.fulcrum.api.model.global;

import dev.fulcrum.api.model.internal.Checks;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code lvs_timeouts [tcp S] [tcpfin S] [udp S]} (keepalived.conf(5) global_defs): IPVS connection
 * timeouts; an absent value leaves the kernel's setting unchanged.
 */
public record LvsTimeouts(Optional<Duration> tcp, Optional<Duration> tcpfin, Optional<Duration> udp) {

    public static final LvsTimeouts UNCHANGED = new LvsTimeouts(Optional.empty(), Optional.empty(), Optional.empty());

    public LvsTimeouts {
        Objects.requireNonNull(tcp, "tcp");
        Objects.requireNonNull(tcpfin, "tcpfin");
        Objects.requireNonNull(udp, "udp");
        tcp.ifPresent(d -> Checks.positive("tcp", d));
        tcpfin.ifPresent(d -> Checks.positive("tcpfin", d));
        udp.ifPresent(d -> Checks.positive("udp", d));
    }
}
