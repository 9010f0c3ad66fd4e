package dev.fulcrum.api.model.vrrp;

/** keepalived.conf(5) vrrp_instance {@code state MASTER|BACKUP}: the state an instance starts in. */
public enum InitialState {
    MASTER,
    BACKUP
}
