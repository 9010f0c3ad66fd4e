package dev.fulcrum.api.model.lvs;

/**
 * keepalived.conf(5) {@code lb_kind NAT|DR|TUN} (alias {@code lvs_method}), default NAT: IPVS
 * masquerading, direct routing or IP-in-IP tunnelling.
 */
public enum ForwardingMethod {
    NAT,
    DR,
    TUN
}
