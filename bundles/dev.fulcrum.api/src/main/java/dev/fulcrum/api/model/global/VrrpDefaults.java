package dev.fulcrum.api.model.global;

import dev.fulcrum.api.model.internal.Checks;
import java.time.Duration;
import java.util.Objects;

/**
 * The VRRP defaults of global_defs (keepalived.conf(5)); each applies to every vrrp_instance that
 * does not set its own value.
 *
 * @param version               {@code vrrp_version} 2|3, default 2
 * @param strict                {@code vrrp_strict}: enforce RFC conformance
 * @param garpMasterDelay       {@code vrrp_garp_master_delay}, default 5 s
 * @param garpMasterRepeat      {@code vrrp_garp_master_repeat}, default 5
 * @param garpMasterRefresh     {@code vrrp_garp_master_refresh}, default 0 (no refresh)
 * @param garpInterval          {@code vrrp_garp_interval}, default 0
 * @param gnaInterval           {@code vrrp_gna_interval}, default 0
 * @param skipCheckAdvAddr      {@code vrrp_skip_check_adv_addr}
 * @param lowerPrioNoAdvert     {@code vrrp_lower_prio_no_advert}
 * @param higherPrioSendAdvert  {@code vrrp_higher_prio_send_advert}
 * @param startupDelay          {@code vrrp_startup_delay}, default 0
 * @param mcastGroup4           {@code vrrp_mcast_group4}, default 224.0.0.18
 * @param mcastGroup6           {@code vrrp_mcast_group6}, default ff02::12
 */
public record VrrpDefaults(int version, boolean strict, Duration garpMasterDelay, int garpMasterRepeat,
        Duration garpMasterRefresh, Duration garpInterval, Duration gnaInterval, boolean skipCheckAdvAddr,
        boolean lowerPrioNoAdvert, boolean higherPrioSendAdvert, Duration startupDelay, String mcastGroup4,
        String mcastGroup6) {

    /** keepalived.conf(5) defaults. */
    public static final VrrpDefaults DEFAULTS = new VrrpDefaults(2, false, Duration.ofSeconds(5), 5, Duration.ZERO,
            Duration.ZERO, Duration.ZERO, false, false, false, Duration.ZERO, "224.0.0.18", "ff02::12");

    public VrrpDefaults {
        if (version != 2 && version != 3) {
            throw new IllegalArgumentException("version must be 2 or 3: " + version);
        }
        Checks.nonNegative("garpMasterDelay", garpMasterDelay);
        Checks.range("garpMasterRepeat", garpMasterRepeat, 0, Integer.MAX_VALUE);
        Checks.nonNegative("garpMasterRefresh", garpMasterRefresh);
        Checks.nonNegative("garpInterval", garpInterval);
        Checks.nonNegative("gnaInterval", gnaInterval);
        Checks.nonNegative("startupDelay", startupDelay);
        Objects.requireNonNull(mcastGroup4, "mcastGroup4");
        Objects.requireNonNull(mcastGroup6, "mcastGroup6");
    }
}
