package dev.fulcrum.api.model.vrrp;

import dev.fulcrum.api.model.internal.Checks;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A vrrp_instance's gratuitous ARP / unsolicited NA settings (keepalived.conf(5)
 * {@code garp_master_delay}, {@code garp_master_repeat}, {@code garp_master_refresh}); an absent
 * value takes the global {@code vrrp_garp_master_*} default.
 */
public record GarpSettings(Optional<Duration> masterDelay, OptionalInt masterRepeat,
        Optional<Duration> masterRefresh) {

    public static final GarpSettings GLOBAL_DEFAULTS = new GarpSettings(Optional.empty(), OptionalInt.empty(),
            Optional.empty());

    public GarpSettings {
        Objects.requireNonNull(masterDelay, "masterDelay");
        Objects.requireNonNull(masterRepeat, "masterRepeat");
        Objects.requireNonNull(masterRefresh, "masterRefresh");
        masterDelay.ifPresent(d -> Checks.nonNegative("masterDelay", d));
        masterRepeat.ifPresent(r -> Checks.range("masterRepeat", r, 0, Integer.MAX_VALUE));
        masterRefresh.ifPresent(d -> Checks.nonNegative("masterRefresh", d));
    }
}
