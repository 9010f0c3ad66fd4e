package dev.fulcrum.netlink;

/** The netlink protocols this bundle speaks (linux/netlink.h NETLINK_*). */
public enum NetlinkProtocol {
    /** NETLINK_ROUTE: routing and device hook (rtnetlink). */
    ROUTE(0),
    /** NETLINK_GENERIC: generic netlink (linux/genetlink.h), e.g. IPVS. */
    GENERIC(16);

    private final int number;

    NetlinkProtocol(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }
}
