package dev.fulcrum.netlink.route;

/** IFLA_OPERSTATE values: RFC 2863 operational status (linux/if.h IF_OPER_*). */
public enum OperState {
    UNKNOWN, NOTPRESENT, DOWN, LOWERLAYERDOWN, TESTING, DORMANT, UP;

    /** The state numbered {@code value}; values the header does not define read as UNKNOWN. */
    public static OperState of(int value) {
        return value >= 0 && value < values().length ? values()[value] : UNKNOWN;
    }
}
