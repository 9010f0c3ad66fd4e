package dev.fulcrum.config.keepalived.model;

import dev.fulcrum.api.model.global.GlobalSettings;
import dev.fulcrum.api.model.lvs.LvsConfig;
import dev.fulcrum.api.model.vrrp.VrrpConfig;
import java.util.Objects;

/**
 * What one keepalived.conf means: the three parts of the desired state it feeds. It lives here,
 * next to the mapper, because it is the mapper's result; the REST API and the reconcilers speak
 * its parts, which are exported by dev.fulcrum.api.
 */
public record KeepalivedConfig(GlobalSettings global, VrrpConfig vrrp, LvsConfig lvs) {

    public KeepalivedConfig {
        Objects.requireNonNull(global, "global");
        Objects.requireNonNull(vrrp, "vrrp");
        Objects.requireNonNull(lvs, "lvs");
    }
}
