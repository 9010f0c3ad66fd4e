package dev.fulcrum.vrrp.fsm;

import dev.fulcrum.api.model.global.VrrpDefaults;
import dev.fulcrum.api.model.vrrp.GarpSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * When a master announces its addresses (gratuitous ARP, unsolicited NA; RFC 5798 section 6.4.2):
 * a burst on becoming master, another after {@code delay}, then one every {@code refresh}.
 *
 * @param repeat  keepalived.conf(5) {@code garp_master_repeat}: messages per address in a burst
 * @param delay   {@code garp_master_delay}: the second burst; zero: none
 * @param refresh {@code garp_master_refresh}: periodic announcements while master; zero: none
 */
public record GarpPolicy(int repeat, Duration delay, Duration refresh) {

    /** keepalived.conf(5) {@code garp_master_refresh_repeat} default: one message per address per refresh. */
    public static final int REFRESH_REPEAT = 1;

    public GarpPolicy {
        if (repeat < 0) {
            throw new IllegalArgumentException("garp_master_repeat must not be negative: " + repeat);
        }
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(refresh, "refresh");
        if (delay.isNegative() || refresh.isNegative()) {
            throw new IllegalArgumentException("garp_master_delay and garp_master_refresh must not be negative");
        }
    }

    /** The instance's values, the unset ones from global_defs {@code vrrp_garp_master_*}. */
    public static GarpPolicy of(GarpSettings instance, VrrpDefaults global) {
        return new GarpPolicy(instance.masterRepeat().orElse(global.garpMasterRepeat()),
                instance.masterDelay().orElse(global.garpMasterDelay()),
                instance.masterRefresh().orElse(global.garpMasterRefresh()));
    }
}
