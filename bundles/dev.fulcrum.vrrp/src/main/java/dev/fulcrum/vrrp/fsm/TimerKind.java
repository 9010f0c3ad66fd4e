package dev.fulcrum.vrrp.fsm;

/** The timers the state machine asks its adapter to run. */
public enum TimerKind {
    /** RFC 5798 section 6.2 Adver_Timer: the master's next advertisement. */
    ADVERT,
    /** RFC 5798 section 6.2 Master_Down_Timer: a backup's wait for the master. */
    MASTER_DOWN,
    /** keepalived.conf(5) {@code garp_master_delay}: the second burst of gratuitous ARP / NA after becoming master. */
    GARP_DELAY,
    /** keepalived.conf(5) {@code garp_master_refresh}: the next periodic announcement while master. */
    GARP_REFRESH
}
