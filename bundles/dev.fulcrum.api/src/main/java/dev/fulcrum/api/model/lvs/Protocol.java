package dev.fulcrum.api.model.lvs;

/** keepalived.conf(5) virtual_server {@code protocol TCP|UDP|SCTP}, default TCP. */
public enum Protocol {
    TCP,
    UDP,
    SCTP
}
