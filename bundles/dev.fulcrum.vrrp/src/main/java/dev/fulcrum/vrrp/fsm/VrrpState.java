package dev.fulcrum.vrrp.fsm;

/** RFC 5798 section 6.4 states, plus keepalived's FAULT (a tracked interface or script is down). */
public enum VrrpState {
    INITIALIZE,
    BACKUP,
    MASTER,
    FAULT
}
