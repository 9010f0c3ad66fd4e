package dev.fulcrum.api.model;

import dev.fulcrum.api.model.global.GlobalSettings;
import dev.fulcrum.api.model.lvs.LvsConfig;
import dev.fulcrum.api.model.proxy.ProxyConfig;
import dev.fulcrum.api.model.proxy.ProxyGlobal;
import dev.fulcrum.api.model.vrrp.VrrpConfig;
import java.util.List;
import java.util.Objects;

/**
 * Everything the box should do.
 *
 * @param global keepalived's global_defs (router id, notification, LVS timeouts and sync daemon)
 * @param vrrp   VRRP scripts, instances and sync groups (keepalived.conf)
 * @param lvs    IPVS virtual servers and groups with their real servers and checkers (keepalived.conf)
 * @param proxy  the L4/L7 proxy (haproxy.cfg)
 */
public record DesiredState(GlobalSettings global, VrrpConfig vrrp, LvsConfig lvs, ProxyConfig proxy) {

    /** A box that does nothing yet: the state before the first configuration is applied. */
    public static final DesiredState EMPTY = new DesiredState(GlobalSettings.DEFAULTS, VrrpConfig.EMPTY, LvsConfig.EMPTY,
            new ProxyConfig(ProxyGlobal.defaults(), List.of(), List.of()));

    public DesiredState {
        Objects.requireNonNull(global, "global");
        Objects.requireNonNull(vrrp, "vrrp");
        Objects.requireNonNull(lvs, "lvs");
        Objects.requireNonNull(proxy, "proxy");
    }

    public DesiredState withKeepalived(GlobalSettings newGlobal, VrrpConfig newVrrp, LvsConfig newLvs) {
        return new DesiredState(newGlobal, newVrrp, newLvs, proxy);
    }

    public DesiredState withProxy(ProxyConfig newProxy) {
        return new DesiredState(global, vrrp, lvs, newProxy);
    }
}
